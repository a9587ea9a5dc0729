import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, fillTotals, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "table3/results-total");

describe("table3/results-total", () => {
  it("passes totals filled from their items, in both editions", () => {
    const report2019 = createReport({ edition: "2019", year: 2020 });
    setCell(report2019, { table: "table3", row: "results.other", column: "naturalPerson" }, 2);
    setCell(report2019, { table: "table3", row: "results.denied.stateSecret", column: "naturalPerson" }, 1);
    expect(findings(fillTotals(report2019))).toEqual([]);
    const report2021 = createReport({ edition: "2021", year: 2022 });
    setCell(report2021, { table: "table3", row: "results.other.overdueCorrection", column: "naturalPerson" }, 2);
    expect(findings(fillTotals(report2021))).toEqual([]);
  });

  it("fails a total that differs from its items, with the value it should hold", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 4);
    setCell(report, { table: "table3", row: "results.other.otherReasons", column: "naturalPerson" }, 5);
    setCell(report, { table: "table3", row: "results.totalProcessed", column: "naturalPerson" }, 10);
    const [finding, ...rest] = findings(report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "error",
      location: { table: "table3", row: "results.totalProcessed", column: "naturalPerson" },
      expected: 9,
      actual: 10,
      fix: { value: 9 },
    });
    expect(finding?.message.zh).toBe("自然人列的（七）总计为 10，但各项办理结果之和为 9。");
    // Every outcome item of the 2021 edition: 2 + 8 + 3 + 5 and the three 其他处理 items.
    expect(finding?.cells).toHaveLength(1 + 21);
  });

  it("reports a blank total with items as the value it should hold", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table3", row: "results.other", column: "total" }, 3);
    const [finding] = findings(report);
    expect(finding).toMatchObject({ expected: 3, actual: null, fix: { value: 3 } });
    expect(finding?.message.zh).toBe("总计列的（七）总计为空白，应为各项办理结果之和 3。");
    // 2019: 2 + 8 + 3 + 5 items and （六）其他处理 as one cell.
    expect(finding?.cells).toHaveLength(1 + 19);
  });

  it("reports a total whose items are all blank, without a fix", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table3", row: "results.totalProcessed", column: "legalPerson.other" }, 2);
    const [finding] = findings(report);
    expect(finding).toMatchObject({ expected: 0, actual: 2 });
    expect(finding?.fix).toBeUndefined();
    expect(finding?.message.zh).toContain("（各项均为空白）");
  });
});
