import { defineConfig } from "tsup";

/**
 * The drop-in browser build: one ES module with every dependency inside, that defines
 * `<gongkai-report>` when loaded (`<script type="module" src="gongkai-report.js">`).
 */
export default defineConfig({
  entry: { "gongkai-report": "src/browser.ts" },
  format: ["esm"],
  platform: "browser",
  target: "es2022",
  minify: true,
  noExternal: [/.*/],
  dts: false,
  clean: false,
  sourcemap: false,
});
