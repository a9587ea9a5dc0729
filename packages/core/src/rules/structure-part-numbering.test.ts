import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, type Report } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "structure/part-numbering");

function numbered(numerals: readonly (string | undefined)[]): Report {
  const report = createReport({ edition: "2019", year: 2020 });
  report.parts = report.parts.map((part, index) => {
    const numeral = numerals[index];
    const { numeral: _printed, ...rest } = part;
    return numeral === undefined ? rest : { ...rest, numeral, heading: `${numeral}、${part.heading.slice(2)}` };
  });
  return report;
}

describe("structure/part-numbering", () => {
  it("passes parts numbered 一 to 六, in Arabic digits too, or without numerals", () => {
    expect(findings(numbered(["一", "二", "三", "四", "五", "六"]))).toEqual([]);
    expect(findings(numbered(["1", "2", "3", "4", "5", "6"]))).toEqual([]);
    expect(findings(numbered([undefined, undefined, undefined, undefined, undefined, undefined]))).toEqual([]);
  });

  it("fails a duplicate 五 (as in the seed report) on the part that should be 四", () => {
    const diagnostics = findings(numbered(["一", "二", "三", "五", "五", "六"]));
    expect(diagnostics.map(({ location, expected, actual }) => [location.pointer, expected, actual])).toEqual([
      ["/parts/3/numeral", "四", "五"],
    ]);
    expect(diagnostics[0]?.message.zh).toBe(
      "“五、政府信息公开行政复议、行政诉讼情况”部分的序号为“五”，应为“四”（四、政府信息公开行政复议、行政诉讼情况）；报告中另有 1 个部分也编为“五”。",
    );
  });

  it("fails every part after a skipped 四", () => {
    expect(
      findings(numbered(["一", "二", "三", "五", "六", "七"])).map(({ expected, actual }) => [expected, actual]),
    ).toEqual([
      ["四", "五"],
      ["五", "六"],
      ["六", "七"],
    ]);
  });

  it("leaves a report that omits a part and numbers the rest in sequence to structure/missing-part", () => {
    const report = numbered(["一", "二", "三", "四", "五", "六"]);
    report.parts = report.parts
      .filter((part) => part.code !== "reviewLitigation")
      .map((part, index) => ({ ...part, numeral: "一二三四五"[index] as string }));
    expect(findings(report)).toEqual([]);
    // The tables are blank (structure/empty-table): only the parts matter here.
    const rules = { "structure/empty-table": "off" } as const;
    expect(check(report, { rules }).map((diagnostic) => diagnostic.ruleId)).toEqual(["structure/missing-part"]);
  });
});
