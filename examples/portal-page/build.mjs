// Embed a report's HTML fragment in a portal's own page template, as a CMS would, and prove the
// page reads back to the same report. Run: node build.mjs [--out page.html]
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createReport, fillTotals, setCell } from "@gongkai/core";
import { fromHtml } from "@gongkai/from-html";
import { toHtml } from "@gongkai/to-html";

const report = createReport({
  edition: "2021",
  year: 2025,
  agency: { name: "某市人民政府办公室", kind: "department" },
});
report.meta.publishedDate = "2026-01-28";
setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 12);
setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 10);
setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 2);
fillTotals(report);

const template = readFileSync(new URL("./template.html", import.meta.url), "utf8");
const fragment = toHtml(report, { classPrefix: "gk-" });
const page = template.replace("<!-- gongkai report -->", fragment);

assert.ok(!/<style/i.test(fragment), "the fragment brings no global CSS");
assert.deepEqual(fromHtml(page).report, report, "the published page reads back to the same report");

const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? process.argv[outIndex + 1] : "page.html";
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, page);
console.log(`wrote ${out} (${page.length} characters)`);
