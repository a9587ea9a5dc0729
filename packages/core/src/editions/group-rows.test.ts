import { describe, expect, it } from "vitest";
import {
  type Cell,
  check,
  checkReport,
  createReport,
  fillTotals,
  fix,
  getSumRelations,
  getTableDefinition,
  groupsPrintedAsRows,
  parseReport,
  type Report,
  reportRowsOf,
  reportSumRelations,
  safeParseReport,
  setCell,
  tableLayout,
  unreadCell,
} from "../index";

type LooseRows = Record<string, Record<string, Cell>>;
const table3Rows = (report: Report) => report.tables.table3?.rows as unknown as LooseRows;
const columns = getTableDefinition("2021", "table3").rows[0]?.columns.map((column) => column.key) ?? [];
const items = ["results.other.overdueCorrection", "results.other.overdueFee", "results.other.otherReasons"];
const options = { rules: { "structure/empty-table": "off" } } as const;

/**
 * A 2021 report whose table 三 is filled and balanced, with （六）其他处理 printed as one row: the
 * group's own row holds `other` in each applicant column, its three items are unread because
 * their rows are not printed, as hongzequ-2023.pdf prints it.
 */
function groupAsRow(other = 2): Report {
  const report = createReport({ edition: "2021", year: 2023 });
  for (const column of columns) {
    if (column === "total") continue;
    setCell(report, { table: "table3", row: "newReceived", column: column as "naturalPerson" }, 10);
    setCell(report, { table: "table3", row: "results.granted", column: column as "naturalPerson" }, 5);
    setCell(report, { table: "table3", row: "carriedForward", column: column as "naturalPerson" }, 3);
  }
  const rows = table3Rows(report);
  rows["results.other"] = Object.fromEntries(
    columns.map((column) => [column, { kind: "number", value: column === "total" ? other * 6 : other }]),
  );
  for (const item of items)
    rows[item] = Object.fromEntries(columns.map((column) => [column, unreadCell("rowNotFound")]));
  return fillTotals(report);
}

describe("a group printed as one row (2021's （六）其他处理)", () => {
  it("is marked in the edition data, and 2019's （六） (a row of its own) is not", () => {
    expect(getTableDefinition("2021", "table3").groupRows.map((row) => [row.key, row.label, row.items])).toEqual([
      ["results.other", "（六）其他处理", items],
    ]);
    expect(getTableDefinition("2019", "table3").groupRows).toEqual([]);
    expect(getTableDefinition("2021", "table2").groupRows).toEqual([]);
  });

  it("is decided by one function: the group's row present and none of its items read", () => {
    expect(groupsPrintedAsRows(createReport({ edition: "2021", year: 2023 }), "table3")).toEqual([]);
    expect(groupsPrintedAsRows(createReport({ edition: "2019", year: 2020 }), "table3")).toEqual([]);
    const report = groupAsRow();
    expect(groupsPrintedAsRows(report, "table3")).toEqual(["results.other"]);
    // An item read (even one cell) means the items are printed: the group's row stands for nothing.
    table3Rows(report)["results.other.overdueFee"] = {
      ...table3Rows(report)["results.other.overdueFee"],
      naturalPerson: { kind: "number", value: 0 },
    };
    expect(groupsPrintedAsRows(report, "table3")).toEqual([]);
    // Items absent altogether count as not read.
    const absent = groupAsRow();
    for (const item of items) delete table3Rows(absent)[item];
    expect(groupsPrintedAsRows(absent, "table3")).toEqual(["results.other"]);
  });

  it("stands for its items in every sum: （七）总计 reads it, and it is a line of 总计's row sum", () => {
    const report = groupAsRow();
    const relations = reportSumRelations(report);
    const resultsTotal = relations.find((relation) => relation.ruleId === "table3/results-total");
    expect(resultsTotal?.right).toContain("results.other");
    expect(resultsTotal?.right.some((key) => items.includes(key))).toBe(false);
    const rowTotal = relations.find((relation) => relation.ruleId === "table3/row-total");
    expect(rowTotal?.lines).toContain("results.other");
    expect(rowTotal?.lines.some((key) => items.includes(key))).toBe(false);
    // A report without the group's row reads the edition's relations, unchanged.
    const plain = createReport({ edition: "2021", year: 2023 });
    expect(reportSumRelations(plain)).toBe(getSumRelations("2021"));
  });

  it("is counted in （七）总计: a balanced report checks clean, every relation verified", () => {
    const report = groupAsRow();
    expect(table3Rows(report)["results.totalProcessed"]?.naturalPerson).toEqual({ kind: "number", value: 7 });
    const { diagnostics, coverage } = checkReport(report, options);
    expect(diagnostics).toEqual([]);
    // The edition's relations on table 三 and 四, with the group's one row-total line in place of its items' three.
    const edition = checkReport(createReport({ edition: "2021", year: 2023 }), options).coverage;
    expect(coverage).toEqual({ verified: edition.verified + edition.unverifiable - 2, unverifiable: 0, inferred: 0 });
  });

  it("gives no finding on the unread items, and without the group's row they stay unverifiable", () => {
    const report = groupAsRow();
    delete table3Rows(report)["results.other"];
    const { diagnostics, coverage } = checkReport(report, options);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(coverage.unverifiable).toBeGreaterThan(0);
  });

  it("is read as printed: a group value off by one fails （七）总计 and the row's 总计, located at the group's row", () => {
    const report = groupAsRow();
    table3Rows(report)["results.other"] = {
      ...table3Rows(report)["results.other"],
      naturalPerson: { kind: "number", value: 3 },
    };
    const findings = check(report, options).filter((diagnostic) => diagnostic.severity === "error");
    expect(findings.map((finding) => [finding.ruleId, finding.location.row, finding.location.column])).toEqual(
      expect.arrayContaining([
        ["table3/results-total", "results.totalProcessed", "naturalPerson"],
        ["table3/row-total", "results.other", "total"],
      ]),
    );
    const resultsTotal = findings.find((finding) => finding.ruleId === "table3/results-total");
    expect(resultsTotal).toMatchObject({ expected: 8, actual: 7 });
    expect(resultsTotal?.cells?.some((cell) => cell.row === "results.other" && cell.value === 3)).toBe(true);
    const rowTotal = findings.find((finding) => finding.ruleId === "table3/row-total");
    expect(rowTotal?.message.zh).toContain("（六）其他处理");
  });

  it("is read by fix() and fillTotals: blank totals are filled from the group's row", () => {
    const report = groupAsRow();
    const rows = table3Rows(report);
    rows["results.totalProcessed"] = { ...rows["results.totalProcessed"], naturalPerson: { kind: "blank" } };
    const { report: fixed, changes } = fix(report, options);
    expect(changes.map((change) => [change.ruleId, change.after])).toEqual([["table3/results-total", 7]]);
    expect(table3Rows(fixed)["results.totalProcessed"]?.naturalPerson).toEqual({ kind: "number", value: 7 });
    rows["results.other"] = { ...rows["results.other"], total: { kind: "blank" } };
    expect(table3Rows(fillTotals(report))["results.other"]?.total).toEqual({ kind: "number", value: 12 });
  });

  it("is checked for what a column may hold", () => {
    const report = groupAsRow();
    table3Rows(report)["results.other"] = {
      ...table3Rows(report)["results.other"],
      naturalPerson: { kind: "number", value: -1 },
    };
    expect(
      check(report, options)
        .filter((diagnostic) => diagnostic.ruleId === "cell/invalid-value")
        .map((diagnostic) => diagnostic.location.pointer),
    ).toEqual(["/tables/table3/rows/results.other/naturalPerson"]);
  });

  it("is in the report schema, optional: parsed and kept when present, absent otherwise", () => {
    const report = groupAsRow();
    const parsed = parseReport(structuredClone(report));
    expect(table3Rows(parsed)["results.other"]?.naturalPerson).toEqual({ kind: "number", value: 2 });
    expect("results.other" in table3Rows(parseReport(createReport({ edition: "2021", year: 2023 })))).toBe(false);
    const wrong = structuredClone(report);
    table3Rows(wrong)["results.other"] = { naturalPerson: { kind: "number", value: 1 } };
    expect(safeParseReport(wrong).success).toBe(false);
  });

  it("is listed before its items, and laid out as one row in their place", () => {
    const report = groupAsRow();
    const listed = reportRowsOf(report, "table3").map((row) => row.key);
    expect(listed.slice(listed.indexOf("results.other"), listed.indexOf("results.other") + 4)).toEqual([
      "results.other",
      ...items,
    ]);
    expect(reportRowsOf(createReport({ edition: "2021", year: 2023 }), "table3")).toBe(
      getTableDefinition("2021", "table3").rows,
    );
    const layout = tableLayout("2021", "table3", groupsPrintedAsRows(report, "table3"));
    const body = layout.sections.find((section) => section.kind === "body")?.rows ?? [];
    const rowKeys = body.map((row) => row.find((cell) => cell.kind === "data")?.row.key);
    expect(rowKeys).toContain("results.other");
    expect(rowKeys.some((key) => key !== undefined && items.includes(key))).toBe(false);
    const label = body.flat().find((cell) => cell.kind === "header" && cell.code === "results.other");
    // A leaf one level up spans the label column its items would have had.
    expect(label).toMatchObject({ text: "（六）其他处理", scope: "row", rowSpan: 1, colSpan: 2 });
    expect(body).toHaveLength(getTableDefinition("2021", "table3").rows.length - 2);
  });
});
