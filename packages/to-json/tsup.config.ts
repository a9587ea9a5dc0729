import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: false,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
});
