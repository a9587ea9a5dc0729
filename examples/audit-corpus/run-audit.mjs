// Audits the corpus (excerpts, the HTML page, the PDFs) and the seed report, from
// @gongkai/test-reports (its corpus/ and fixtures/), with
// `gongkai audit`, as a supervising office would, and checks what it wrote: a failing file is
// listed, not fatal, and summary.json follows its schema.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { auditSummarySchema } from "@gongkai/audit";

const testReports = fileURLToPath(new URL("../../packages/test-reports/", import.meta.url));
const corpus = `${testReports}corpus`;
const seed = `${testReports}fixtures/liuzhou-yanghe-2020.txt`;
const out = fileURLToPath(new URL("./out/", import.meta.url));
rmSync(out, { recursive: true, force: true });

const require = createRequire(import.meta.url);
const bin = require.resolve("@gongkai/cli/package.json").replace(/package\.json$/, "dist/bin.js");
const result = spawnSync(process.execPath, [bin, "audit", corpus, seed, "--out", out, "--workers", "2"], {
  encoding: "utf8",
});
assert.equal(result.status, 0, `gongkai audit exits 0 (stderr: ${result.stderr})`);
assert.equal(result.stderr, "", "no progress line when stderr is not a terminal");

const summary = auditSummarySchema.parse(JSON.parse(readFileSync(`${out}summary.json`, "utf8")));
const inputs = [
  ...readdirSync(`${corpus}/excerpts`).filter((name) => name.endsWith(".txt")),
  ...readdirSync(`${corpus}/html`),
  ...readdirSync(`${corpus}/pdf`).filter((name) => /\.(pdf|json)$/.test(name)),
  seed,
];
assert.equal(summary.totals.files, inputs.length, "every corpus file is audited");
assert.equal(summary.totals.done, summary.totals.files);
assert.equal(summary.interrupted, false);
for (const failure of summary.failures) assert.ok(failure.reason.length > 0, `${failure.file} says why it failed`);
assert.ok(summary.totals.checked > 0 && summary.totals.findings > 0);
assert.equal(readdirSync(`${out}reports`).length, summary.totals.checked, "a page per report read");
const findings = readFileSync(`${out}findings.csv`, "utf8").trimEnd().split("\r\n");
assert.equal(findings.length - 1, summary.totals.findings, "one findings.csv row per finding");
assert.ok(existsSync(`${out}index.html`) && existsSync(`${out}cells.csv`) && existsSync(`${out}summary.schema.json`));
console.log(
  `audit: ${summary.totals.checked} reports checked, ${summary.totals.failed} failed (${summary.failures.map((failure) => failure.failure).join(", ")}), ` +
    `${summary.totals.findings} findings, ${summary.series.length} agencies, ${summary.totals.crossYearPairs} cross-year pairs`,
);
