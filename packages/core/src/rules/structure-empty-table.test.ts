import { seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { check, createReport, type Diagnostic, type Report, setCell } from "../index";

const findings = (report: Report): Diagnostic[] =>
  check(report).filter((diagnostic) => diagnostic.ruleId === "structure/empty-table");

describe("structure/empty-table", () => {
  it("fails every table of the empty template as an error", () => {
    const template = createReport({ edition: "2021", year: 2025, agency: { name: "某市统计局", kind: "department" } });
    expect(findings(template).map(({ severity, location }) => [severity, location.pointer])).toEqual([
      ["error", "/tables/table2"],
      ["error", "/tables/table3"],
      ["error", "/tables/table4"],
    ]);
    expect(findings(template)[1]?.message.zh).toBe(
      "“三、收到和处理政府信息公开申请情况”表全部空白：报告的统计表都还没有填写。",
    );
  });

  it("warns of one blank table among filled ones, and passes when it holds a 0 or a /", () => {
    const report = createReport({ edition: "2021", year: 2025 });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 3);
    setCell(report, { table: "table4", row: "review", column: "maintain" }, 0);
    expect(findings(report).map(({ severity, location }) => [severity, location.pointer])).toEqual([
      ["warning", "/tables/table2"],
    ]);
    setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, "n/a");
    expect(findings(report)).toEqual([]);
  });

  it("leaves a table in or after the part where the source stops to coverage", () => {
    const report = createReport({ edition: "2021", year: 2025 });
    report.meta.truncatedAt = { part: "activeDisclosure" };
    expect(findings(report)).toEqual([]);
    report.meta.truncatedAt = { part: "applications" };
    expect(findings(report).map(({ location }) => location.pointer)).toEqual(["/tables/table2"]);
  });

  it("passes the seed (柳州市阳和工业新区 2020), whose tables are filled in", () => {
    expect(findings(seedReport())).toEqual([]);
  });
});
