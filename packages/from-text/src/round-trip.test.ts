import { createReport, type EditionId, getCellLoose, getTableDefinition, type Report, setCell } from "@gongkai/core";
import { groupAsRowReport, printedCells, printedText } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";

// A report built with core's helpers, printed as text in both flattened shapes of FORMAT.md §9
// (test-reports' printedText), must import to the same cells either way.

function sampleReport(edition: EditionId): Report {
  const report = createReport({
    edition,
    year: edition === "2019" ? 2020 : 2023,
    agency: { name: "某县统计局", kind: "department" },
  });
  let counter = 0;
  for (const table of ["table2", "table3", "table4"] as const) {
    for (const row of getTableDefinition(edition, table).rows) {
      for (const column of row.columns) {
        counter += 1;
        const address = { table, row: row.key, column: column.key } as Parameters<typeof setCell>[1];
        if (counter % 11 === 0) continue; // blank
        if (counter % 13 === 0) setCell(report, address, "n/a");
        else if (column.money) setCell(report, address, { kind: "number", value: counter + 0.25, unit: "万元" });
        else if (column.signed) setCell(report, address, -counter);
        else setCell(report, address, counter % 7 === 0 ? 0 : counter);
      }
    }
  }
  return report;
}

describe.each(["2019", "2021"] as const)("round trip through text, %s edition", (edition) => {
  const original = sampleReport(edition);

  it.each(["cellPerLine", "rowPerLine"] as const)("reads back every cell from the %s shape", (shape) => {
    const { report, diagnostics } = fromText(printedText(original, shape));
    expect(report.edition).toBe(edition);
    expect(report.meta.year).toBe(original.meta.year);
    expect(report.meta.agency).toEqual({ name: "某县统计局", kind: "department", kindInferred: true });
    expect(printedCells(report)).toEqual(printedCells(original));
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(["import/meta-missing"]); // no published date
  });

  it("reads the same cells, with the same raw text, from both shapes", () => {
    const a = fromText(printedText(original, "cellPerLine")).report;
    const b = fromText(printedText(original, "rowPerLine")).report;
    const strip = (report: Report) =>
      JSON.parse(JSON.stringify(report.tables, (key, value) => (key === "source" ? undefined : value))) as unknown;
    expect(strip(a)).toEqual(strip(b));
  });
});

describe("round trip through text of a 2021 report printing （六）其他处理 as one row", () => {
  const original = groupAsRowReport();

  it.each(["cellPerLine", "rowPerLine", "linePerCell"] as const)(
    "reads back the group's row and its unread items from the %s shape",
    (shape) => {
      const { report, diagnostics } = fromText(printedText(original, shape));
      expect(printedCells(report)).toEqual(printedCells(original));
      expect(getCellLoose(report, { table: "table3", row: "results.other", column: "naturalPerson" })).toMatchObject({
        kind: "number",
      });
      expect(getCellLoose(report, { table: "table3", row: "results.other.overdueFee", column: "total" })).toEqual({
        kind: "unread",
        reason: "rowNotFound",
      });
      expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
        "import/group-as-row",
        "import/meta-missing",
      ]);
    },
  );
});
