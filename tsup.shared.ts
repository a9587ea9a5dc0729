import { defineConfig } from "tsup";

/**
 * The build of every published library package: ESM and CJS with declarations for both, for
 * Node and browsers alike (no Node built-ins in library code).
 */
export function libraryConfig() {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    sourcemap: false,
  });
}

/**
 * The build of a Node-only package (the CLI, the audit): ESM for Node 20 with declarations for
 * `src/index.ts`; `entries` adds the other entry points it runs (a bin, a worker).
 */
export function nodeConfig(entries: readonly string[]) {
  return defineConfig({
    entry: ["src/index.ts", ...entries],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
    clean: true,
    target: "node20",
    platform: "node",
    sourcemap: false,
  });
}
