// Runs the workflow's check step here, as CI would, and checks what GitHub reads from it: one
// workflow command per finding, on the file and line, with the config file's settings applied.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const workflow = readFileSync(new URL("./.github/workflows/gongkai.yml", import.meta.url), "utf8");
assert.match(workflow, /npx gongkai check reports --format github/);

const require = createRequire(import.meta.url);
const bin = require.resolve("@gongkai/cli/package.json").replace(/package\.json$/, "dist/bin.js");
const result = spawnSync(process.execPath, [bin, "check", "reports", "--format", "github"], {
  cwd: new URL(".", import.meta.url),
  encoding: "utf8",
  env: { PATH: process.env.PATH },
});
assert.equal(result.status, 1, `the seed report has errors, so check exits 1 (stderr: ${result.stderr})`);
const lines = result.stdout.trimEnd().split("\n");
const annotations = lines.filter((line) => line.startsWith("::"));
assert.ok(annotations.length > 0, "findings are annotated");
for (const line of annotations) {
  // The draft is ignored (config "ignore"), so every annotation is on the seed report.
  assert.match(line, /^::(error|warning|notice) file=reports\/liuzhou-yanghe-2020\.txt,line=\d+,col=\d+/);
  // The config turns structure/part-numbering off and sets the language to English.
  assert.doesNotMatch(line, /structure\/part-numbering/);
}
assert.ok(annotations.some((line) => line.includes("title=gongkai table3/balance::")));
// The config's "lang": "en" words every finding in English.
assert.ok(annotations.some((line) => /title=gongkai meta\/deadline::Published on 2021-02-09, /.test(line)));
assert.match(lines.at(-1), /^gongkai: \d+ errors, \d+ warnings, \d+ infos$/);
console.log(`github annotations: ${annotations.length}`);
