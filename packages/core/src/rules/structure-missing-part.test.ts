import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, type Report } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "structure/missing-part");

describe("structure/missing-part", () => {
  it("passes a report with its six parts", () => {
    expect(findings(createReport({ edition: "2021", year: 2022 }))).toEqual([]);
  });

  it("fails each part that is absent", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    report.parts = report.parts.filter((part) => part.code !== "reviewLitigation" && part.code !== "other");
    expect(
      findings(report).map(({ severity, location, expected, message }) => [
        severity,
        location.pointer,
        expected,
        message.zh,
      ]),
    ).toEqual([
      [
        "warning",
        "/parts",
        "四、政府信息公开行政复议、行政诉讼情况",
        "报告缺少“四、政府信息公开行政复议、行政诉讼情况”部分。",
      ],
      ["warning", "/parts", "六、其他需要报告的事项", "报告缺少“六、其他需要报告的事项”部分。"],
    ]);
  });
});
