import { describe, expect, it } from "vitest";
import { type CellAddress, createReport, fillTotals, getCell, parseReport, setCell } from "../index";

describe("setCell and getCell", () => {
  it("reject an address the edition lacks, at compile time and at run time", () => {
    const report = createReport({ edition: "2021", year: 2025 });
    // @ts-expect-error results.other is a group row in 2021: its three items hold the cells
    const groupRow: CellAddress<"2021"> = { table: "table3", row: "results.other", column: "total" };
    const droppedRow: CellAddress<"2021"> = {
      table: "table2",
      // @ts-expect-error 2021 has no 第二十条第（九）项
      row: "art20_9.centralProcurement",
      column: "made",
    };
    // @ts-expect-error 本年处理决定数量 is not a column of 第二十条第（一）项
    const wrongColumn: CellAddress<"2021"> = { table: "table2", row: "art20_1.regulations", column: "decisions" };
    for (const address of [groupRow, droppedRow, wrongColumn]) {
      expect(() => setCell(report, address, 3)).toThrow(RangeError);
    }
    setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, 3);
    expect(getCell(report, { table: "table2", row: "art20_1.regulations", column: "made" })).toEqual({
      kind: "number",
      value: 3,
    });
  });
});

describe("setCell on a report without the table", () => {
  it("creates the table, every other cell blank, as its TSDoc says", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    delete report.tables.table4;
    setCell(report, { table: "table4", row: "review", column: "maintain" }, 2);
    expect(getCell(report, { table: "table4", row: "review", column: "maintain" })).toEqual({
      kind: "number",
      value: 2,
    });
    expect(getCell(report, { table: "table4", row: "review", column: "total" })).toEqual({ kind: "blank" });
    expect(() => parseReport(report)).not.toThrow();
  });
});

describe("fillTotals", () => {
  it("fills totals built from other totals, whatever the relation order, and keeps the report valid", () => {
    const report = createReport({ edition: "2021", year: 2025 });
    setCell(report, { table: "table3", row: "results.other.overdueFee", column: "total" }, 3);
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 5);
    setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }, 2);
    setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 5);
    fillTotals(report);
    expect(getCell(report, { table: "table3", row: "newReceived", column: "total" })).toEqual({
      kind: "number",
      value: 7,
    });
    // 予以公开 5 (its total filled from 自然人) plus the 3 typed into 其他处理 item 2's total.
    expect(getCell(report, { table: "table3", row: "results.totalProcessed", column: "total" })).toEqual({
      kind: "number",
      value: 8,
    });
    expect(getCell(report, { table: "table3", row: "results.totalProcessed", column: "naturalPerson" })).toEqual({
      kind: "number",
      value: 5,
    });
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it("never overwrites a reported total", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table4", row: "review", column: "maintain" }, 2);
    setCell(report, { table: "table4", row: "review", column: "total" }, 9);
    fillTotals(report);
    expect(getCell(report, { table: "table4", row: "review", column: "total" })).toEqual({ kind: "number", value: 9 });
  });
});
