import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "cell/invalid-value");

describe("cell/invalid-value", () => {
  it("passes negative 本年增/减 (2019) and money with decimals", () => {
    const report2019 = createReport({ edition: "2019", year: 2020 });
    setCell(report2019, { table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
    setCell(
      report2019,
      { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
      {
        kind: "number",
        value: 287.36,
        unit: "万元",
        raw: "287.36万元",
      },
    );
    expect(findings(report2019)).toEqual([]);
    const report2021 = createReport({ edition: "2021", year: 2022 });
    setCell(report2021, { table: "table2", row: "art20_8.fees", column: "amount" }, 0.35);
    expect(findings(report2021)).toEqual([]);
  });

  it("fails a negative count and a fraction in a count column, in any of the three tables", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, 1.5);
    setCell(report, { table: "table2", row: "art20_8.fees", column: "amount" }, -2);
    setCell(
      report,
      { table: "table3", row: "newReceived", column: "naturalPerson" },
      {
        kind: "number",
        value: -3,
        raw: "-3",
        source: { line: 12, column: 4 },
      },
    );
    setCell(report, { table: "table4", row: "review", column: "maintain" }, 0.5);
    const diagnostics = findings(report);
    expect(diagnostics.map(({ severity, location, actual }) => [severity, location.pointer, actual])).toEqual([
      ["error", "/tables/table2/rows/art20_1.regulations/made", 1.5],
      ["error", "/tables/table2/rows/art20_8.fees/amount", -2],
      ["error", "/tables/table3/rows/newReceived/naturalPerson", -3],
      ["error", "/tables/table4/rows/review/maintain", 0.5],
    ]);
    expect(diagnostics[2]?.location.source).toEqual({ line: 12, column: 4 });
    expect(diagnostics[2]?.message.zh).toBe(
      "一、本年新收政府信息公开申请数量（自然人）的值 -3 为负数，但该列不能为负（原文“-3”）。",
    );
    expect(diagnostics[0]?.message.zh).toBe("第二十条第（一）项·规章（本年制发件数）的值 1.5 为小数，但该列是件数。");
  });

  it("fails a negative number in a 2021 column that is no longer signed", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table2", row: "art20_5.licensing", column: "decisions" }, -1);
    expect(findings(report)).toHaveLength(1);
  });
});
