import { type CheckOptions, check, type Diagnostic, diagnosticSchema, ruleIds } from "@gongkai/core";
import { seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { toHtml } from "../src/index";
import { attr, byTag, type Element, hasClass, parseHtml, text, visibleText } from "./html";

// The seed report's real findings from core's check(): 一 has 自然人 49 but a blank 总计
// (table3/row-total), and （七）总计 is blank although 予以公开 4 + 不予公开 1 + 无法提供 44 were
// reported (table3/results-total, overridden to a warning here so three severities show). A second
// run with row-total as info puts a second note on the same cell, and part-numbering is passed
// without its url to show a finding without a link.
const report = seedReport();
const found = check(report, { rules: { "table3/results-total": "warning" } });
const onlyRowTotalAsInfo = Object.fromEntries(
  ruleIds.map((id) => [id, id === "table3/row-total" ? "info" : "off"]),
) as NonNullable<CheckOptions["rules"]>;
const isNewReceivedTotal = (diagnostic: Diagnostic) =>
  diagnostic.ruleId === "table3/row-total" && diagnostic.location.row === "newReceived";
const rowTotal = found.find(isNewReceivedTotal) as Diagnostic;
const resultsTotal = found.find((diagnostic) => diagnostic.ruleId === "table3/results-total") as Diagnostic;
const secondNote = check(report, { rules: onlyRowTotalAsInfo }).find(isNewReceivedTotal) as Diagnostic;
const { url: _url, ...partNumbering } = found.find(
  (diagnostic) => diagnostic.ruleId === "structure/part-numbering",
) as Diagnostic;
const diagnostics: Diagnostic[] = [rowTotal, resultsTotal, secondNote, partNumbering];
const rowTotalMessage = "“一、本年新收政府信息公开申请数量”行的总计为空白，应为自然人与法人或其他组织各列之和 49。";
const resultsTotalMessage = "自然人列的（七）总计为空白，应为各项办理结果之和 49。";

function cell(root: Element, row: string, column: string): Element {
  return byTag(root, "td").find((td) => attr(td, "data-row") === row && attr(td, "data-column") === column) as Element;
}

describe("diagnostics", () => {
  it("are core's own findings on the seed report, with the severities this test asks for", () => {
    for (const diagnostic of diagnostics) expect(diagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
    expect(diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.message.zh])).toEqual([
      ["error", rowTotalMessage],
      ["warning", resultsTotalMessage],
      ["info", rowTotalMessage],
      ["warning", partNumbering.message.zh],
    ]);
  });

  const root = parseHtml(toHtml(report, { diagnostics }));

  it("mark the cells they locate with the worst severity's class and a readable note", () => {
    const total = cell(root, "newReceived", "total");
    expect(hasClass(total, "gongkai-has-error")).toBe(true);
    expect(hasClass(total, "gongkai-has-info")).toBe(false);
    expect(attr(total, "title")).toBe(`${rowTotalMessage}\n${rowTotalMessage}`);
    const notes = byTag(total, "span").filter((span) => hasClass(span, "gongkai-cell-note"));
    expect(notes.map(text)).toEqual([`（错误：${rowTotalMessage}）`, `（提示：${rowTotalMessage}）`]);
    expect(notes.every((note) => hasClass(note, "gongkai-visually-hidden"))).toBe(true);
    expect(visibleText(total)).toBe("");
    const processed = cell(root, "results.totalProcessed", "naturalPerson");
    expect(hasClass(processed, "gongkai-has-warning")).toBe(true);
    expect(text(processed)).toBe(`（警告：${resultsTotalMessage}）`);
    const flagged = byTag(root, "td").filter((td) => /has-(error|warning|info)/.test(attr(td, "class") ?? ""));
    expect(flagged).toHaveLength(2);
  });

  it("are listed after the report with severity, rule, location and a link to the rule's page", () => {
    const items = byTag(root, "li");
    expect(items.map((item) => [attr(item, "data-rule"), attr(item, "data-severity")])).toEqual(
      diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity]),
    );
    expect(text(items[0] as Element)).toBe(
      `错误：${rowTotalMessage}` +
        "（位置：三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 申请人情况 › 总计）" +
        " 规则：table3/row-total",
    );
    expect(attr(byTag(items[0] as Element, "a")[0] as Element, "href")).toBe(
      "https://example.invalid/gongkai/blob/main/packages/core/docs/rules/table3-row-total.md",
    );
    expect(text(items[1] as Element)).toContain("三、本年度办理结果 › （七）总计 · 申请人情况 › 自然人");
    expect(byTag(items[3] as Element, "a")).toHaveLength(0);
    expect(text(byTag(root, "h2").at(-1) as Element)).toBe("检查结果（4）");
  });

  it("list what check() found, say so when it found nothing, and add nothing when none were passed", () => {
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
