import { check, type Diagnostic, diagnosticSchema } from "@gongkai/core";
import { seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { toHtml } from "../src/index";
import { attr, byTag, type Element, hasClass, parseHtml, text, visibleText } from "./html";

// Findings the seed report really has (see reports.ts): 一 has 自然人 49 but a blank 总计, and
// （七）总计 is blank although 予以公开 4 + 不予公开 1 + 无法提供 44 were reported.
const diagnostics: Diagnostic[] = [
  {
    ruleId: "table3/row-total",
    severity: "error",
    message: { zh: "总计栏为空，但各申请人栏之和为49", en: "Total is blank; the columns sum to 49" },
    location: {
      table: "table3",
      row: "newReceived",
      column: "total",
      pointer: "/tables/table3/rows/newReceived/total",
    },
    expected: 49,
    actual: null,
    url: "https://unpkg.com/@gongkai/core/docs/rules/table3-row-total.md",
  },
  {
    ruleId: "table3/results-total",
    severity: "warning",
    message: { zh: "（七）总计为空，各办理结果之和为49", en: "(7) Total is blank; results sum to 49" },
    location: {
      table: "table3",
      row: "results.totalProcessed",
      column: "naturalPerson",
      pointer: "/tables/table3/rows/results.totalProcessed/naturalPerson",
    },
  },
  {
    ruleId: "table3/row-total",
    severity: "info",
    message: { zh: "同一单元格的第二条提示", en: "A second note on the same cell" },
    location: {
      table: "table3",
      row: "newReceived",
      column: "total",
      pointer: "/tables/table3/rows/newReceived/total",
    },
  },
  {
    ruleId: "structure/part-numbering",
    severity: "warning",
    message: { zh: "有两个部分编号为“五”", en: "Two parts are numbered 五" },
    location: { pointer: "/parts/3/heading" },
  },
];

function cell(root: Element, row: string, column: string): Element {
  return byTag(root, "td").find((td) => attr(td, "data-row") === row && attr(td, "data-column") === column) as Element;
}

describe("diagnostics", () => {
  it("are valid core diagnostics (the test data follows the schema)", () => {
    for (const diagnostic of diagnostics) expect(diagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
  });

  const root = parseHtml(toHtml(seedReport(), { diagnostics }));

  it("mark the cells they locate with the worst severity's class and a readable note", () => {
    const total = cell(root, "newReceived", "total");
    expect(hasClass(total, "gongkai-has-error")).toBe(true);
    expect(hasClass(total, "gongkai-has-info")).toBe(false);
    expect(attr(total, "title")).toBe("总计栏为空，但各申请人栏之和为49\n同一单元格的第二条提示");
    const notes = byTag(total, "span").filter((span) => hasClass(span, "gongkai-cell-note"));
    expect(notes.map(text)).toEqual(["（错误：总计栏为空，但各申请人栏之和为49）", "（提示：同一单元格的第二条提示）"]);
    expect(notes.every((note) => hasClass(note, "gongkai-visually-hidden"))).toBe(true);
    expect(visibleText(total)).toBe("");
    const processed = cell(root, "results.totalProcessed", "naturalPerson");
    expect(hasClass(processed, "gongkai-has-warning")).toBe(true);
    expect(text(processed)).toBe("（警告：（七）总计为空，各办理结果之和为49）");
    const flagged = byTag(root, "td").filter((td) => /has-(error|warning|info)/.test(attr(td, "class") ?? ""));
    expect(flagged).toHaveLength(2);
  });

  it("are listed after the report with severity, rule, location and a link to the rule's page", () => {
    const items = byTag(root, "li");
    expect(items.map((item) => [attr(item, "data-rule"), attr(item, "data-severity")])).toEqual(
      diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity]),
    );
    expect(text(items[0] as Element)).toBe(
      "错误：总计栏为空，但各申请人栏之和为49" +
        "（位置：三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 申请人情况 › 总计）" +
        " 规则：table3/row-total",
    );
    expect(attr(byTag(items[0] as Element, "a")[0] as Element, "href")).toBe(
      "https://unpkg.com/@gongkai/core/docs/rules/table3-row-total.md",
    );
    expect(text(items[1] as Element)).toContain("三、本年度办理结果 › （七）总计 · 申请人情况 › 自然人");
    expect(byTag(items[3] as Element, "a")).toHaveLength(0);
    expect(text(byTag(root, "h2").at(-1) as Element)).toBe("检查结果（4）");
  });

  it("list what check() found, say so when it found nothing, and add nothing when none were passed", () => {
    const report = seedReport();
    const found = check(report);
    // The seed report has nine findings: 4 row-total, 2 balance, 1 results-total, 1 deadline, 1 part-numbering
    // (the same list packages/cli/src/commands/check.test.ts pins as `seedFindings`).
    expect(found).toHaveLength(9);
    const withList = parseHtml(toHtml(report, { diagnostics: found }));
    expect(text(byTag(withList, "h2").at(-1) as Element)).toBe("检查结果（9）");
    expect(byTag(withList, "li")).toHaveLength(9);
    const clean = parseHtml(toHtml(report, { diagnostics: [] }));
    const findings = byTag(clean, "section").find((section) => hasClass(section, "gongkai-findings")) as Element;
    expect(text(byTag(findings, "h2")[0] as Element)).toBe("检查结果（0）");
    expect(text(byTag(findings, "p")[0] as Element)).toBe("未发现问题。");
    expect(byTag(clean, "li")).toHaveLength(0);
    const without = toHtml(report);
    expect(without).not.toContain("gongkai-findings");
    expect(without).not.toContain("has-error");
  });
});
