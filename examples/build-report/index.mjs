// Build a 2025 report for a county statistics bureau in code, check it, and render it as DOCX.
// Run: node index.mjs [--out report.docx]
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { check, createReport, fillTotals, getCell, setCell } from "@gongkai/core";
import { toDocx } from "@gongkai/to-docx";

const report = createReport({
  edition: "2021",
  year: 2025,
  agency: { name: "某县统计局", kind: "department" },
});
report.meta.publishedDate = "2026-01-20";

setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "made" }, 2);
setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "repealed" }, 1);
setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 9);
setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, "n/a");

// Requests: 6 from natural persons, 2 from companies; 1 carried over from 2024.
setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 6);
setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }, 2);
setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 1);
setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 5);
setCell(report, { table: "table3", row: "results.granted", column: "legalPerson.commercial" }, 2);
setCell(report, { table: "table3", row: "results.unableToProvide.notHeld", column: "naturalPerson" }, 2);
for (const group of ["review", "litigationDirect", "litigationPostReview"]) {
  for (const column of ["maintain", "correct", "other", "unfinished"])
    setCell(report, { table: "table4", row: group, column }, 0);
}
fillTotals(report);

const part = report.parts.find((candidate) => candidate.code === "applications");
part?.blocks.push({ type: "paragraph", text: "2025年，本局共收到政府信息公开申请8件，上年结转1件，全部按期办结。" });

const diagnostics = check(report);
for (const diagnostic of diagnostics)
  console.log(`${diagnostic.severity} ${diagnostic.ruleId}: ${diagnostic.message.zh}`);
assert.equal(
  diagnostics.filter((diagnostic) => diagnostic.severity === "error").length,
  0,
  "the built report balances",
);
assert.deepEqual(getCell(report, { table: "table3", row: "results.totalProcessed", column: "total" }), {
  kind: "number",
  value: 9,
});

const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? process.argv[outIndex + 1] : "report.docx";
const bytes = await toDocx(report);
assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), "PK", "a DOCX is a zip");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`checked: ${diagnostics.length} findings; wrote ${out} (${bytes.byteLength} bytes)`);
