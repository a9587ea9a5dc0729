// Runs the workflow's check step here, as CI would, and checks that the SARIF it writes has what
// GitHub code scanning requires.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const workflow = readFileSync(new URL("./.github/workflows/gongkai.yml", import.meta.url), "utf8");
assert.match(workflow, /npx gongkai check --format sarif reports\/\* > gongkai\.sarif/);
assert.match(workflow, /github\/codeql-action\/upload-sarif/);

const require = createRequire(import.meta.url);
const bin = require.resolve("@gongkai/cli/package.json").replace(/package\.json$/, "dist/bin.js");
const result = spawnSync(process.execPath, [bin, "check", "--format", "sarif", "reports/liuzhou-yanghe-2020.txt"], {
  cwd: new URL(".", import.meta.url),
  encoding: "utf8",
});
assert.equal(result.status, 1, `the seed report has errors, so check exits 1 (stderr: ${result.stderr})`);
const sarif = JSON.parse(result.stdout);
assert.equal(sarif.version, "2.1.0");
const [run] = sarif.runs;
assert.equal(run.tool.driver.name, "gongkai");
const ruleIds = new Set(run.tool.driver.rules.map((rule) => rule.id));
assert.ok(run.results.length > 0, "findings are reported");
for (const finding of run.results) {
  assert.ok(ruleIds.has(finding.ruleId), `${finding.ruleId} is described in tool.driver.rules`);
  assert.ok(["error", "warning", "note"].includes(finding.level));
  assert.ok(finding.message.text.length > 0);
  const region = finding.locations[0].physicalLocation.region;
  assert.ok(region.startLine >= 1 && region.startColumn >= 1, "each finding points at a line and column");
  assert.equal(finding.locations[0].physicalLocation.artifactLocation.uri, "reports/liuzhou-yanghe-2020.txt");
  assert.ok(Object.keys(finding.partialFingerprints).length > 0);
}
console.log(`SARIF: ${run.results.length} results over ${ruleIds.size} rules`);
