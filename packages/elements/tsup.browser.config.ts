import { defineConfig } from "tsup";

/**
 * The drop-in browser build: `dist/browser/gongkai-report.js`, one ES module with every
 * dependency inside that defines `<gongkai-report>` when loaded. Not split: zod's jitless setting
 * must run before any schema is built, which a shared chunk would evaluate first. pdf.js is in
 * the file but evaluated only on the first PDF.
 */
export default defineConfig({
  entry: { "gongkai-report": "src/browser.ts" },
  format: ["esm"],
  platform: "browser",
  target: "es2022",
  minify: true,
  noExternal: [/.*/],
  outDir: "dist/browser",
  splitting: false,
  dts: false,
  clean: false,
  sourcemap: false,
});
