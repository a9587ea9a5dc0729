import { describe, expect, it } from "vitest";
import { type CheckOptions, check, createReport, type Diagnostic, type Report, setCell } from "../index";

const findings = (report: Report, options: CheckOptions = {}): Diagnostic[] =>
  check(report, options).filter((diagnostic) => diagnostic.ruleId === "cross-year/valid-documents");

function reports() {
  const prior = createReport({ edition: "2021", year: 2021 });
  setCell(prior, { table: "table2", row: "art20_1.regulations", column: "valid" }, 10);
  setCell(prior, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 20);
  const report = createReport({ edition: "2021", year: 2022 });
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, 3);
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "repealed" }, 1);
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "valid" }, 12);
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "made" }, 2);
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "repealed" }, 0);
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 22);
  return { prior, report };
}

describe("cross-year/valid-documents", () => {
  it("passes when last year's 现行有效 + 制发 − 废止 equals this year's 现行有效", () => {
    const { prior, report } = reports();
    expect(findings(report, { prior })).toEqual([]);
    expect(findings(report)).toEqual([]);
  });

  it("warns when they differ, saying documents can lapse", () => {
    const { prior, report } = reports();
    setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 18);
    const [finding, ...rest] = findings(report, { prior });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "warning",
      location: { table: "table2", row: "art20_1.normativeDocuments", column: "valid" },
      expected: 22,
      actual: 18,
    });
    expect(finding?.fix).toBeUndefined();
    expect(finding?.message.zh).toBe(
      "第二十条第（一）项·行政规范性文件：上年现行有效 20 件，加本年制发 2、减本年废止 0，应为 22 件，但本年现行有效件数为 18。文件也可能因有效期届满等原因失效，如属此种情况请在报告中说明。",
    );
  });

  it("does not compare with a 2019-layout prior (no 现行有效件数) or a prior of another year", () => {
    const { report } = reports();
    setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 18);
    const prior2019 = createReport({ edition: "2019", year: 2021 });
    setCell(prior2019, { table: "table2", row: "art20_1.normativeDocuments", column: "totalPublished" }, 20);
    expect(findings(report, { prior: prior2019 })).toEqual([]);
    const { prior } = reports();
    prior.meta.year = 2020;
    expect(findings(report, { prior })).toEqual([]);
  });
});
