import { NotAReportError } from "@gongkai/recognize";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { rowValues, ruleIds, seedFixture } from "./test-support";

// Hostile or huge inputs must finish in time linear in their size and say where a limit was hit.
// Sizes are modest so CI stays fast; there are no timing assertions.

const seed = new TextDecoder().decode(seedFixture());

describe("adversarial input", () => {
  it("imports a multi-megabyte text (the seed with 2 MB of prose in part 一)", () => {
    const prose = "新区坚持以公开为原则、不公开为例外，及时更新各类政府信息。\n".repeat(35_000);
    const text = seed.replace("二、主动公开政府信息情况\n", `${prose}二、主动公开政府信息情况\n`);
    expect(text.length).toBeGreaterThan(1_000_000);
    const { report } = fromText(text);
    expect(report.parts).toHaveLength(6);
    expect(report.parts[0]?.blocks.length).toBeGreaterThan(35_000);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([154, 3, 7781]);
  });

  it("stops reading a table whose label repeats 100 000 times, with import/limit-exceeded", () => {
    const text = `二、主动公开政府信息情况\n${"规章 | 1 | 2 | 3 |\n".repeat(100_000)}五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n`;
    const { report, diagnostics } = fromText(text);
    expect(ruleIds(diagnostics)).toContain("import/limit-exceeded");
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([1, 2, 3]);
  });

  it("caps label spotting in one line that repeats a label 100 000 times", () => {
    const text = `二、主动公开政府信息情况\n${"规章000".repeat(100_000)}\n六、其他需要报告的事项\n无\n`;
    const { diagnostics } = fromText(text);
    expect(ruleIds(diagnostics)).toContain("import/limit-exceeded");
  });

  it("cuts a table row of 10 000 cells and leaves the row unread (unplaced)", () => {
    const text = `二、主动公开政府信息情况\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可${" | 7".repeat(10_000)} |\n六、其他需要报告的事项\n无\n`;
    const { report, diagnostics } = fromText(text);
    const limits = diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/limit-exceeded");
    expect(limits.length).toBeGreaterThanOrEqual(1);
    expect(limits[0]?.location.source?.line).toBe(3);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual(new Array(3).fill("unread:unplaced"));
    expect(ruleIds(diagnostics)).toContain("import/column-count");
  });

  it("refuses to split a 300-digit run, without enumerating anything", () => {
    const text = `二、主动公开政府信息情况\n第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可${"1".repeat(300)}\n六、其他需要报告的事项\n无\n`;
    const { report, diagnostics } = fromText(text);
    // Unread for its run-together digits, with no candidates: they were never enumerated.
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual(new Array(3).fill("unread:runTogether"));
    for (const cell of Object.values(report.tables.table2?.rows["art20_5.licensing"] ?? {})) {
      expect(cell).not.toHaveProperty("candidates");
    }
    expect(ruleIds(diagnostics)).toContain("import/limit-exceeded");
  });

  it("counts the splits of a long ambiguous run by combinatorics and lists only ten", () => {
    // 120 ones into three cells: C(119, 2) = 7021 splits if any length were allowed; cells hold at
    // most 15 digits, so none fits and the row is blank. 40 ones into 7 cells has many splits.
    const text = `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量${"1".repeat(40)}\n六、其他需要报告的事项\n无\n`;
    const { diagnostics } = fromText(text);
    const runTogether = diagnostics.find((diagnostic) => diagnostic.ruleId === "import/run-together");
    expect(runTogether?.expected).toMatch(/^10 of \d+ splits listed$/u);
    expect(runTogether?.message.en.split(";").length).toBeGreaterThanOrEqual(10);
  });

  it("throws NotAReportError only when nothing identifies a report", () => {
    expect(() => fromText("这是一段与政府信息公开无关的文字。\n没有年份，也没有标题。")).toThrow(NotAReportError);
    try {
      fromText("");
    } catch (error) {
      expect(NotAReportError.isInstance(error)).toBe(true);
      expect((error as Error).name).toBe("GongkaiNotAReportError");
    }
    expect(() => fromText("2019年工作总结")).not.toThrow();
  });

  it("decodes bytes as UTF-8 with a BOM, keeping columns of the original", () => {
    const bytes = new TextEncoder().encode(`\ufeff${seed}`);
    const { report } = fromText(bytes);
    expect(report.meta.title).toBe("柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告");
    expect(JSON.stringify(report)).not.toContain("\ufeff");
  });
});

describe("one huge line", () => {
  it("does not search a 1 MB line of table text for labels, and says so", () => {
    const text = `二、主动公开政府信息情况\n第二十条第（一）项${"规章".repeat(500_000)}\n六、其他需要报告的事项\n无\n`;
    const { report, diagnostics } = fromText(text);
    expect(report.tables.table2).toBeUndefined();
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/limit-exceeded")?.location.source?.line).toBe(
      2,
    );
  });
});
