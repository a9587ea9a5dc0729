import { defineConfig } from "tsup";
import { nodeConfig } from "../../tsup.shared.ts";

/**
 * The packages a worker thread runs, bundled into it: one file (and a chunk for to-html, loaded
 * when the first page is written) instead of some 500 modules to resolve and read, which makes
 * each worker start in about 40 % less CPU time. A worker shares no objects with the thread that
 * started it (it gets tasks and sends results as plain data), so its own copies of these cannot
 * clash with the caller's. The PDF and Word importers stay outside (`@gongkai/import` loads them
 * when a file of theirs comes): pdf.js is large and reads its data files from its own folder.
 */
const bundledInWorker = [
  "@gongkai/core",
  "@gongkai/import",
  "@gongkai/from-html",
  "@gongkai/from-text",
  "@gongkai/recognize",
  "@gongkai/to-json",
  "@gongkai/to-html",
  "zod",
  "parse5",
];

// Node only: the worker threads need `node:worker_threads`. The library's entry keeps its
// dependencies as imports; the worker is its own bundle under `dist/worker/`.
export default [
  // The worker's folder is the worker build's to clean.
  // `node-flags` is an entry of its own, so that the CLI can read the flags without loading the audit.
  {
    ...nodeConfig(["src/node-flags.ts"]),
    dts: { entry: ["src/index.ts", "src/node-flags.ts"] },
    clean: ["!worker/**"],
  },
  defineConfig({
    entry: { worker: "src/worker.ts" },
    outDir: "dist/worker",
    format: ["esm"],
    clean: true,
    target: "node20",
    platform: "node",
    sourcemap: false,
    splitting: true,
    noExternal: bundledInWorker,
    external: ["@gongkai/from-pdf", "@gongkai/from-docx"],
  }),
];
