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
