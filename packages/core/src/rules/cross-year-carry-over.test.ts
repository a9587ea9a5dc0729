import { describe, expect, it } from "vitest";
import { type CheckOptions, check, createReport, type Diagnostic, type Report, setCell } from "../index";

const findings = (report: Report, options: CheckOptions = {}): Diagnostic[] =>
  check(report, options).filter((diagnostic) => diagnostic.ruleId === "cross-year/carry-over");

function reports() {
  const prior = createReport({ edition: "2019", year: 2020 });
  setCell(prior, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 3);
  setCell(prior, { table: "table3", row: "carriedForward", column: "total" }, 3);
  const report = createReport({ edition: "2021", year: 2021 });
  setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 3);
  setCell(report, { table: "table3", row: "carriedOver", column: "total" }, 3);
  return { prior, report };
}

describe("cross-year/carry-over", () => {
  it("does nothing without a prior report, and passes matching columns across editions", () => {
    const { prior, report } = reports();
    expect(findings(report)).toEqual([]);
    expect(findings(report, { prior })).toEqual([]);
  });

  it("fails a column whose 上年结转 differs from last year's 结转下年度", () => {
    const { prior, report } = reports();
    setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 2);
    const [finding, ...rest] = findings(report, { prior });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "warning",
      location: { table: "table3", row: "carriedOver", column: "naturalPerson" },
      expected: 3,
      actual: 2,
      fix: { value: 3 },
    });
    expect(finding?.message.zh).toBe(
      "自然人列：本年二、上年结转政府信息公开申请数量为2，而2020年报告的四、结转下年度继续办理为3，两者应一致。",
    );
  });

  it("reports a blank 上年结转 where last year carried requests forward", () => {
    const { prior, report } = reports();
    setCell(report, { table: "table3", row: "carriedOver", column: "total" }, "blank");
    expect(
      findings(report, { prior }).map(({ location, expected, actual }) => [location.column, expected, actual]),
    ).toEqual([["total", 3, null]]);
  });

  it("is not run when the prior is not last year's report (cross-year/prior-mismatch says so)", () => {
    const { prior, report } = reports();
    prior.meta.year = 2019;
    setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 9);
    expect(findings(report, { prior })).toEqual([]);
    prior.meta.year = 2020;
    expect(findings(report, { prior })).toHaveLength(1);
  });
});
