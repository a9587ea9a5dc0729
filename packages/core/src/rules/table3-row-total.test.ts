import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, fillTotals, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "table3/row-total");

describe("table3/row-total", () => {
  it("passes rows whose 总计 was filled from the six applicant columns", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 5);
    setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.legalService" }, 2);
    expect(findings(fillTotals(report))).toEqual([]);
  });

  it("fails a 总计 that is not the sum of its row", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 5);
    setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.legalService" }, 2);
    setCell(report, { table: "table3", row: "newReceived", column: "total" }, 8);
    const [finding, ...rest] = findings(report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "error",
      location: {
        table: "table3",
        row: "newReceived",
        column: "total",
        pointer: "/tables/table3/rows/newReceived/total",
      },
      expected: 7,
      actual: 8,
      fix: { value: 7 },
    });
    expect(finding?.message.zh).toBe(
      "“一、本年新收政府信息公开申请数量”行的总计为 8，但自然人与法人或其他组织各列之和为 7。",
    );
    expect(finding?.cells?.map((cell) => cell.column)).toEqual([
      "total",
      "naturalPerson",
      "legalPerson.commercial",
      "legalPerson.research",
      "legalPerson.socialWelfare",
      "legalPerson.legalService",
      "legalPerson.other",
    ]);
  });

  it("reports a blank 总计 with non-blank parts with its value, naming the row with its group", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table3", row: "results.denied.stateSecret", column: "naturalPerson" }, 1);
    const [finding] = findings(report);
    expect(finding).toMatchObject({ expected: 1, actual: null, fix: { value: 1 } });
    expect(finding?.message.zh).toBe(
      "“（三）不予公开·1.属于国家秘密”行的总计为空白，应为自然人与法人或其他组织各列之和 1。",
    );
  });
});
