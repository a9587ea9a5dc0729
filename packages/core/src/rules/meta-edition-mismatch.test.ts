import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, type EditionId, type Report } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "meta/edition-mismatch");

const report = (edition: EditionId, year: number) => createReport({ edition, year });

describe("meta/edition-mismatch", () => {
  it("passes reports in the edition for their year", () => {
    expect(findings(report("2019", 2019))).toEqual([]);
    expect(findings(report("2019", 2020))).toEqual([]);
    expect(findings(report("2021", 2021))).toEqual([]);
    expect(findings(report("2021", 2025))).toEqual([]);
  });

  it("fails a 2022 report in the 2019 layout (seen in real 2022 and 2023 reports)", () => {
    const [finding, ...rest] = findings(report("2019", 2022));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "warning",
      location: { pointer: "/edition" },
      expected: "2021",
      actual: "2019",
    });
    expect(finding?.message.zh).toBe(
      "2022年度报告应采用国办公开办函〔2021〕30号印发的格式（2021版），但本报告采用的是国办公开办函〔2019〕60号印发的格式（2019版）。",
    );
  });

  it("fails a 2020 report in the 2021 layout", () => {
    expect(findings(report("2021", 2020)).map(({ expected, actual }) => [expected, actual])).toEqual([
      ["2019", "2021"],
    ]);
  });
});
