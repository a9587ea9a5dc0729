import { readFileSync } from "node:fs";

let cached: string | undefined;

/** The version of @gongkai/cli, read from its package.json (beside `src/` and `dist/`). */
export function cliVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    cached = manifest.version;
  }
  return cached;
}
