import { defineConfig } from "tsup";

// Node only: the worker threads need `node:worker_threads`, and the worker is its own entry.
export default defineConfig({
  entry: ["src/index.ts", "src/worker.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: false,
});
