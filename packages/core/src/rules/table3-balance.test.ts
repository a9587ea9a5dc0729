import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, fillTotals, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "table3/balance");

function balanced2019() {
  const report = createReport({ edition: "2019", year: 2020 });
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 10);
  setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 2);
  setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 6);
  setCell(report, { table: "table3", row: "results.other", column: "naturalPerson" }, 2);
  setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 4);
  return fillTotals(report);
}

describe("table3/balance", () => {
  it("passes a balanced table and a blank one", () => {
    expect(findings(balanced2019())).toEqual([]);
    expect(findings(createReport({ edition: "2021", year: 2022 }))).toEqual([]);
  });

  it("fails a column where 一 + 二 ≠ （七） + 四, with the value of 四 that would balance", () => {
    const report = balanced2019();
    setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 5);
    const [finding, ...rest] = findings(report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "error",
      location: {
        table: "table3",
        row: "carriedForward",
        column: "naturalPerson",
        pointer: "/tables/table3/rows/carriedForward/naturalPerson",
      },
      expected: 12,
      actual: 13,
      fix: { value: 4 },
      url: "https://example.invalid/gongkai/blob/main/packages/core/docs/rules/table3-balance.md",
    });
    // The 总计 column still balances: its 四 was filled as 4 and was not changed.
    expect(finding?.message.zh).toBe(
      "自然人列不平衡：一、本年新收政府信息公开申请数量（10）加二、上年结转政府信息公开申请数量（2）之和为 12，不等于（七）总计（8）加四、结转下年度继续办理（5）之和 13。",
    );
    expect(finding?.message.en).toContain("Column Natural persons does not balance");
    expect(finding?.cells?.map((cell) => [cell.row, cell.value])).toEqual([
      ["newReceived", 10],
      ["carriedOver", 2],
      ["results.totalProcessed", 8],
      ["carriedForward", 5],
    ]);
  });

  it("reads a blank （七）总计 as the sum of its outcome items, including the three 2021 其他处理 items", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }, 7);
    setCell(report, { table: "table3", row: "results.granted", column: "legalPerson.commercial" }, 3);
    setCell(report, { table: "table3", row: "results.other.overdueFee", column: "legalPerson.commercial" }, 1);
    setCell(report, { table: "table3", row: "results.other.otherReasons", column: "legalPerson.commercial" }, 1);
    setCell(report, { table: "table3", row: "carriedForward", column: "legalPerson.commercial" }, 2);
    expect(findings(report)).toEqual([]);
    setCell(report, { table: "table3", row: "carriedForward", column: "legalPerson.commercial" }, 3);
    const [finding] = findings(report);
    expect(finding?.expected).toBe(7);
    expect(finding?.actual).toBe(8);
    expect(finding?.fix?.value).toBe(2);
    expect(finding?.message.zh).toContain("（七）总计（空白，按各项办理结果之和计为 5）");
    expect(finding?.message.zh).toContain("法人或其他组织（商业企业）列不平衡");
  });

  it("reads a blank 总计 cell as its row's applicant columns, so a half-filled 总计 column raises no false imbalance", () => {
    // As on real pages (e.g. the 2019 上海市人民政府办公厅 report), 总计 is blank in some rows
    // and filled in others; the rows themselves balance.
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 9);
    setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 8);
    setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 1);
    setCell(report, { table: "table3", row: "carriedForward", column: "total" }, 1);
    expect(findings(report)).toEqual([]);
    setCell(report, { table: "table3", row: "carriedForward", column: "total" }, 2);
    const [finding] = findings(report).filter((diagnostic) => diagnostic.location.column === "total");
    expect(finding?.message.zh).toContain("一、本年新收政府信息公开申请数量（空白，按本行各列之和计为 9）");
    expect(finding?.expected).toBe(9);
    expect(finding?.actual).toBe(10);
  });

  it("skips a column whose four cells are all blank or /, and counts other blanks as 0", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    for (const row of ["newReceived", "carriedOver", "results.totalProcessed", "carriedForward"] as const) {
      setCell(report, { table: "table3", row, column: "legalPerson.research" }, "n/a");
    }
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 3);
    const [finding, ...rest] = findings(report);
    // The 总计 column reads its blank 一 as its row's sum (3): the same fault, folded under 自然人's.
    expect(rest.map((echo) => [echo.location.column, echo.causedBy])).toEqual([["total", finding?.id]]);
    expect(finding?.location.column).toBe("naturalPerson");
    expect(finding?.expected).toBe(3);
    expect(finding?.actual).toBe(0);
    expect(finding?.message.zh).toContain("四、结转下年度继续办理（空白，按0计）");
  });

  it("offers no fix when no value of 四 could balance, and keeps the cell's source position", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 1);
    setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 5);
    setCell(
      report,
      { table: "table3", row: "carriedForward", column: "naturalPerson" },
      { kind: "number", value: 0, raw: "0", source: { line: 179, column: 1 } },
    );
    const [finding] = findings(report);
    expect(finding?.fix).toBeUndefined();
    expect(finding?.location.source).toEqual({ line: 179, column: 1 });
  });
});
