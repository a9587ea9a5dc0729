import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "narrative/number-mismatch");

// The paragraph of 037 (丽水市 2024, corpus excerpt) that states the table totals in prose.
const lishui =
  "(二)依申请公开方面。全市全年新收政府信息公开申请1541件,加上上年结转的,除去本年度结转下年度办理的,共办理政府信息公开申请1527件,其中予以公开或部分公开占58.5%、不予公开占7.3%、因本机关不掌握等原因无法提供占28.9%,其他情况占5.2%。申请内容仍然集中在政策文件、征地补偿等方面。全年因政府信息公开申请引起的行政复议93件,行政诉讼19件。";

function lishuiReport(): Report {
  const report = createReport({
    edition: "2021",
    year: 2024,
    agency: { name: "丽水市人民政府", kind: "peoplesGovernment" },
  });
  report.parts[0]?.blocks.push({ type: "subheading", text: "(一)主动公开方面" });
  report.parts[0]?.blocks.push({ type: "paragraph", text: lishui, source: { line: 4, column: 1, offset: 250 } });
  setCell(report, { table: "table3", row: "newReceived", column: "total" }, 1541);
  setCell(report, { table: "table3", row: "results.totalProcessed", column: "total" }, 1527);
  setCell(report, { table: "table4", row: "review", column: "total" }, 93);
  setCell(report, { table: "table4", row: "litigationDirect", column: "total" }, 12);
  setCell(report, { table: "table4", row: "litigationPostReview", column: "total" }, 7);
  return report;
}

describe("narrative/number-mismatch", () => {
  it("passes prose that agrees with the tables (litigation: both groups together)", () => {
    expect(findings(lishuiReport())).toEqual([]);
  });

  it("fails a prose count that differs from its cell, at the number inside the paragraph", () => {
    const report = lishuiReport();
    setCell(report, { table: "table4", row: "review", column: "total" }, 90);
    const [finding, ...rest] = findings(report);
    expect(rest).toEqual([]);
    const index = lishui.indexOf("93件");
    expect(finding).toMatchObject({
      severity: "warning",
      location: {
        pointer: "/parts/0/blocks/1",
        source: {
          line: 4,
          column: 1 + index,
          endLine: 4,
          endColumn: 3 + index,
          offset: 250 + index,
          endOffset: 252 + index,
        },
      },
      expected: 90,
      actual: 93,
    });
    expect(finding?.message.zh).toBe("正文称“行政复议93件”，但表四“行政复议”的总计为 90。");
    expect(finding?.cells?.map((cell) => cell.pointer)).toEqual(["/tables/table4/rows/review/total"]);
  });

  it("compares with the sum of the parts when the total is blank, and sums the two litigation groups", () => {
    const report = lishuiReport();
    setCell(report, { table: "table4", row: "litigationPostReview", column: "total" }, "blank");
    setCell(report, { table: "table4", row: "litigationPostReview", column: "maintain" }, 3);
    setCell(report, { table: "table4", row: "litigationPostReview", column: "unfinished" }, 2);
    const [finding] = findings(report);
    expect(finding).toMatchObject({ expected: 17, actual: 19 });
    expect(finding?.message.zh).toBe(
      "正文称“行政诉讼19件”，但表四“行政诉讼·未经复议直接起诉”的总计与表四“行政诉讼·复议后起诉”的总计之和为 17（总计为空白，按各项之和计）。",
    );
  });

  it("keeps a multi-line paragraph's own source position, and reads the preamble", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    report.preamble.push({
      type: "paragraph",
      text: "本报告说明如下。\n2020年共收到政府信息公开申请12件。",
      source: { line: 2, column: 3, endLine: 3, endColumn: 20 },
    });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 11);
    const [finding] = findings(report);
    expect(finding?.location).toEqual({
      pointer: "/preamble/0",
      source: { line: 2, column: 3, endLine: 3, endColumn: 20 },
    });
    expect(finding).toMatchObject({ expected: 11, actual: 12 });
  });

  it("compares 制发规范性文件 with 本年新制作数量 (2019) and 本年制发件数 (2021)", () => {
    for (const edition of ["2019", "2021"] as const) {
      const report = createReport({ edition, year: edition === "2019" ? 2020 : 2025 });
      report.parts[1]?.blocks.push({ type: "paragraph", text: "全年制发行政规范性文件6个。" });
      if (report.edition === "2019") {
        setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }, 5);
      } else {
        setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "made" }, 5);
      }
      expect(findings(report).map(({ expected, actual, location }) => [expected, actual, location.pointer])).toEqual([
        [5, 6, "/parts/1/blocks/0"],
      ]);
    }
  });

  it("says nothing when the table has no number for the count, or has no table at all", () => {
    const report = lishuiReport();
    setCell(report, { table: "table3", row: "newReceived", column: "total" }, "blank");
    expect(findings(report)).toEqual([]);
    const { table3: _removed, ...tables } = report.tables;
    expect(findings({ ...report, tables } as Report)).toEqual([]);
  });
});
