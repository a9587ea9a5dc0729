import { describe, expect, it } from "vitest";
import {
  type Cell,
  check,
  checkReport,
  createReport,
  fillTotals,
  type Report,
  setCell,
  type TableId,
  unreadCell,
} from "./index";

type LooseRows = Record<string, Record<string, Cell>>;
const rowsOf = (report: Report, table: TableId) => report.tables[table]?.rows as unknown as LooseRows;
const put = (report: Report, table: TableId, row: string, column: string, cell: Cell) => {
  (rowsOf(report, table)[row] as Record<string, Cell>)[column] = cell;
};

/**
 * A clean 2019 report: 自然人 received 10, granted 6, not held 3, 1 carried forward; totals filled;
 * one rule newly made in table 二 (so no table is entirely blank).
 */
function cleanReport(): Report {
  const report = createReport({ edition: "2019", year: 2020, agency: { name: "某某市某某局", kind: "department" } });
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "newlyMade" }, 1);
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 10);
  setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 6);
  setCell(report, { table: "table3", row: "results.unableToProvide.notHeld", column: "naturalPerson" }, 3);
  setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 1);
  setCell(report, { table: "table4", row: "review", column: "maintain" }, 2);
  return fillTotals(report);
}

describe("unread cells", () => {
  it("counts every relation instance of the edition as verified in a clean report", () => {
    const { diagnostics, coverage } = checkReport(cleanReport());
    expect(diagnostics).toEqual([]);
    // 2019: balance and results-total on 7 columns each, row-total on the 23 rows of table 三,
    // group-total on the 3 rows of table 四.
    expect(coverage).toEqual({ verified: 40, unverifiable: 0, inferred: 0 });
  });

  it("never reads an unread cell as blank or 0: the relations that read it are skipped, and one info says so", () => {
    const report = cleanReport();
    const clean = checkReport(report).coverage;
    // The 045.txt case: the page stops inside table 三, before （七）总计.
    put(report, "table3", "results.totalProcessed", "naturalPerson", unreadCell("truncated"));
    put(report, "table3", "results.totalProcessed", "total", unreadCell("truncated"));
    put(report, "table3", "carriedForward", "naturalPerson", unreadCell("truncated"));
    const { diagnostics, coverage } = checkReport(report);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ["coverage/unverifiable", "info"],
    ]);
    // 自然人 and 总计: balance and results-total; the （七）总计 and 四 rows: row-total.
    expect(coverage.unverifiable).toBe(6);
    expect(coverage.verified).toBe(clean.verified - 6);
    const [info] = diagnostics;
    expect(info?.message.zh).toBe(
      "表三有 3 个单元格未读出（原文在此之前截断），读取这些单元格的 6 项勾稽关系未核对：table3/balance 2 项、table3/results-total 2 项、table3/row-total 2 项。",
    );
    expect(info?.location).toEqual({ table: "table3", pointer: "/tables/table3" });
    expect(info?.cells?.map((cell) => [cell.row, cell.column, cell.value])).toEqual([
      ["results.totalProcessed", "naturalPerson", "unread"],
      ["carriedForward", "naturalPerson", "unread"],
      ["results.totalProcessed", "total", "unread"],
    ]);
  });

  it("reads a blank total computed from an unread part as unread (107.txt: digits ran together)", () => {
    const report = cleanReport();
    put(report, "table3", "newReceived", "total", { kind: "blank" });
    put(
      report,
      "table3",
      "newReceived",
      "naturalPerson",
      unreadCell("runTogether", { raw: "106", candidates: [10, 1] }),
    );
    const diagnostics = check(report);
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(["coverage/unverifiable"]);
    expect(diagnostics[0]?.message.en).toBe(
      "Table 三 has 1 unread cell (its digits ran together and more than one split fits); the 3 sum relation instances reading them were not checked: table3/balance (2), table3/row-total (1).",
    );
  });

  it("still reports a fault whose relation does not read the unread cell", () => {
    const report = cleanReport();
    setCell(report, { table: "table4", row: "review", column: "total" }, 5);
    put(report, "table3", "carriedForward", "naturalPerson", unreadCell("illegible", { raw: "l" }));
    expect(check(report).map((diagnostic) => diagnostic.ruleId)).toEqual([
      "table4/group-total",
      "coverage/unverifiable",
    ]);
  });

  it("says a table the source stopped before is not checked, and does not report its part missing", () => {
    const report = cleanReport();
    delete (report.tables as Partial<Report["tables"]>).table4;
    report.parts = report.parts.filter((part) => part.code === "overview" || part.code === "activeDisclosure");
    report.meta.truncatedAt = { part: "activeDisclosure" };
    const { table3: _table3, ...tables } = report.tables;
    const cut = { ...report, tables } as Report;
    const { diagnostics, coverage } = checkReport(cut);
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      "coverage/unverifiable",
      "coverage/unverifiable",
    ]);
    expect(diagnostics[1]?.message.zh).toBe(
      "表四未核对（原文在此之前截断），其 3 项勾稽关系未核对：table4/group-total 3 项。",
    );
    expect(coverage.verified).toBe(0);
    // Without the truncation mark the four later parts are missing from the report.
    const whole = { ...cut, meta: { ...cut.meta, truncatedAt: undefined } } as Report;
    expect(check(whole).filter((diagnostic) => diagnostic.ruleId === "structure/missing-part")).toHaveLength(4);
  });

  it("does not count relations of a rule that is turned off", () => {
    const all = checkReport(cleanReport()).coverage;
    const some = checkReport(cleanReport(), { rules: { "table4/group-total": "off" } }).coverage;
    expect(all.verified - some.verified).toBe(3);
  });
});

describe("one meaning per cell", () => {
  /** The Shanghai 办公厅 2019 page: every outcome row's 总计 cell blank, （七）总计's 总计 printed as 805. */
  it("reads blank row totals as their rows' sums in （七）总计 too (shanghai-bangongting-2019.html)", () => {
    const report = createReport({ edition: "2019", year: 2019 });
    const outcomes: Array<[string, number]> = [
      ["results.granted", 272],
      ["results.partialGrant", 3],
      ["results.unableToProvide.notHeld", 265],
      ["results.notProcessed.complaintPetition", 149],
    ];
    for (const [row, value] of outcomes) {
      setCell(report, { table: "table3", row: row as "results.granted", column: "naturalPerson" }, value);
    }
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 689);
    setCell(report, { table: "table3", row: "newReceived", column: "total" }, 689);
    setCell(report, { table: "table3", row: "results.totalProcessed", column: "naturalPerson" }, 689);
    setCell(report, { table: "table3", row: "results.totalProcessed", column: "total" }, 689);
    // Tables 二 and 四 are left blank here: structure/empty-table is not what this is about.
    const rules = check(report, { rules: { "structure/empty-table": "off" } }).map((diagnostic) => [
      diagnostic.ruleId,
      diagnostic.location.row,
    ]);
    expect(rules).toEqual(outcomes.map(([row]) => ["table3/row-total", row]));
  });
});

describe("finding ids and causes", () => {
  it("gives every finding an id unique in the result", () => {
    const report = cleanReport();
    setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 7);
    const diagnostics = check(report);
    const ids = diagnostics.map((diagnostic) => diagnostic.id);
    expect(new Set(ids).size).toBe(diagnostics.length);
    expect(ids).toContain("table3/results-total@/tables/table3/rows/results.totalProcessed/naturalPerson");
  });

  it("links the findings one wrong cell explains to the first of them", () => {
    const report = cleanReport();
    // 予以公开 (自然人) printed as 7 instead of 6: 自然人's items and the 予以公开 row's columns are both
    // off by 1; the 总计 column (filled from the right values) still holds.
    setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 7);
    const diagnostics = check(report);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.location.row, diagnostic.causedBy])).toEqual([
      ["table3/results-total", "results.totalProcessed", undefined],
      [
        "table3/row-total",
        "results.granted",
        "table3/results-total@/tables/table3/rows/results.totalProcessed/naturalPerson",
      ],
    ]);
  });

  it("links the two findings of one wrong cell, and leaves a fault elsewhere unlinked", () => {
    const report = cleanReport();
    // 四、结转下年度 (自然人) printed as 2: 自然人's balance and that row's total are off by the same 1.
    setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 2);
    setCell(report, { table: "table4", row: "review", column: "total" }, 5);
    const diagnostics = check(report);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.causedBy])).toEqual([
      ["table3/balance", undefined],
      ["table3/row-total", "table3/balance@/tables/table3/rows/carriedForward/naturalPerson"],
      ["table4/group-total", undefined],
    ]);
  });
});
