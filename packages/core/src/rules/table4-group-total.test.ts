import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, fillTotals, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "table4/group-total");

describe("table4/group-total", () => {
  it("passes groups whose 总计 was filled", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table4", row: "review", column: "maintain" }, 2);
    setCell(report, { table: "table4", row: "litigationPostReview", column: "unfinished" }, 1);
    expect(findings(fillTotals(report))).toEqual([]);
  });

  it("fails a group whose 总计 is not the sum of its four cells", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setCell(report, { table: "table4", row: "litigationDirect", column: "maintain" }, 2);
    setCell(report, { table: "table4", row: "litigationDirect", column: "correct" }, 1);
    setCell(report, { table: "table4", row: "litigationDirect", column: "total" }, 4);
    const [finding, ...rest] = findings(report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "error",
      location: { table: "table4", row: "litigationDirect", column: "total" },
      expected: 3,
      actual: 4,
      fix: { value: 3 },
    });
    expect(finding?.message.zh).toBe(
      "行政诉讼·未经复议直接起诉的总计为 4，但结果维持、结果纠正、其他结果、尚未审结之和为 3。",
    );
  });

  it("reports a blank 总计 with its value", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setCell(report, { table: "table4", row: "review", column: "other" }, 1);
    expect(findings(report).map(({ expected, actual, fix }) => ({ expected, actual, fix: fix?.value }))).toEqual([
      { expected: 1, actual: null, fix: 1 },
    ]);
  });
});
