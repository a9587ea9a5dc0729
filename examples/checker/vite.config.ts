import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OutputAsset, OutputBundle, OutputChunk } from "rolldown";
import { defineConfig, type Plugin } from "vite";

/**
 * Script text safe inside `<script>`: `</script` and `<!--` cannot end or re-mode the element.
 * `\x3C` reads as `<` in every place JavaScript can hold them (strings, templates, regexes).
 */
function scriptSafe(code: string): string {
  return code.replace(/<(\/script|!--)/gi, "\\x3C$1");
}

/**
 * Inline every emitted script and stylesheet into the HTML page, so the build is one file that
 * opens from disk: no other file, no request.
 */
function inlineIntoPage(): Plugin {
  return {
    name: "gongkai-inline-into-page",
    enforce: "post",
    generateBundle(_options, bundle: OutputBundle) {
      const pages = Object.values(bundle).filter(
        (file): file is OutputAsset => file.type === "asset" && file.fileName.endsWith(".html"),
      );
      for (const page of pages) {
        let html = String(page.source);
        for (const [fileName, file] of Object.entries(bundle)) {
          const reference = new RegExp(
            `<(script|link)\\b[^>]*(?:src|href)="[^"]*${fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>(?:</script>)?`,
          );
          if (!reference.test(html)) continue;
          if (file.type === "chunk") {
            // With code splitting off, vite leaves its preload placeholder in inlined dynamic
            // imports (there is nothing to preload): make it the "no dependencies" value.
            const code = scriptSafe((file as OutputChunk).code.replaceAll("__VITE_PRELOAD__", "void 0"));
            html = html.replace(reference, () => `<script type="module">${code}</script>`);
          } else if (fileName.endsWith(".css")) {
            const css = String(file.source).replace(/<\/style/gi, "\\3C/style");
            html = html.replace(reference, () => `<style>${css}</style>`);
          } else continue;
          delete bundle[fileName];
        }
        page.source = html;
      }
      const left = Object.keys(bundle).filter((fileName) => !fileName.endsWith(".html"));
      if (left.length > 0) this.error(`not inlined: ${left.join(", ")}`);
    },
  };
}

/**
 * `virtual:gongkai-gb-cmaps`: the packed CMaps for GB (simplified Chinese) encodings from the
 * pdfjs-dist that `@gongkai/from-pdf` uses, base64 by file name (about 390 kB), so a PDF whose
 * Chinese font is not embedded reads in a page that can make no request.
 */
function gbCMaps(): Plugin {
  const id = "virtual:gongkai-gb-cmaps";
  return {
    name: "gongkai-gb-cmaps",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      // elements → import → from-pdf → pdfjs-dist, as the page's bundle resolves them.
      const pdfjs = ["@gongkai/elements", "@gongkai/import", "@gongkai/from-pdf", "pdfjs-dist/package.json"].reduce(
        (from, id) => createRequire(from).resolve(id),
        import.meta.url,
      );
      const folder = join(dirname(pdfjs), "cmaps");
      const names = readdirSync(folder).filter((name) => /GB/.test(name) && name.endsWith(".bcmap"));
      if (!names.includes("UniGB-UCS2-H.bcmap")) this.error(`no GB CMaps in ${folder}`);
      const table = Object.fromEntries(
        names.sort().map((name) => [name, readFileSync(join(folder, name)).toString("base64")]),
      );
      return `export const gbCMaps = ${JSON.stringify(table)};`;
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [gbCMaps(), inlineIntoPage()],
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: Number.POSITIVE_INFINITY,
    reportCompressedSize: false,
    rollupOptions: { input: "gongkai-checker.html", output: { codeSplitting: false } },
  },
});
