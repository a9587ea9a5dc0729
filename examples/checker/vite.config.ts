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

export default defineConfig({
  base: "./",
  plugins: [inlineIntoPage()],
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
