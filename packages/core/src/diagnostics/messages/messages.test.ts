import { describe, expect, it } from "vitest";
import { diagnosticRuleIds } from "../diagnostic-registry";
import { en } from "./en";
import { diagnosticMessage } from "./localize";
import { zh } from "./zh";

describe("the message modules", () => {
  it("word every id of the registry, in both languages", () => {
    expect(Object.keys(zh)).toEqual(diagnosticRuleIds);
    expect(Object.keys(en)).toEqual(diagnosticRuleIds);
  });
});

describe("diagnosticMessage(): importer findings from their data", () => {
  // The expected texts are the wording the recognizer and importers wrote at their call sites
  // before it moved here (recognize's stages/truncation.ts, stages/assemble.ts, tables.ts; from-pdf).
  it("words the truncation reason with the table the text stops inside", () => {
    expect(diagnosticMessage("import/truncated", { line: 18, reason: "tableIncomplete", table: "table3" })).toEqual({
      zh: "文本在第 18 行中断（表三（收到和处理政府信息公开申请情况）未完），此后的内容未能导入。",
      en: "The text stops at line 18 (Table 3 (requests received and handled) is incomplete); what follows was not imported.",
    });
    expect(diagnosticMessage("import/truncated", { line: 5, reason: "midSentence" }).en).toBe(
      "The text stops at line 5 (the last paragraph stops mid-sentence); what follows was not imported.",
    );
  });

  it("lists run-together splits, and counts past 10¹⁵ as 1e15+", () => {
    const data = { row: "行政许可", text: "1234", columns: 3, splits: [["1", "2", "34"]] };
    expect(diagnosticMessage("import/run-together", { ...data, count: 3 }).en).toBe(
      'Row "行政许可" has its digits run together ("1234"); 3 splits are possible (1 | 2 | 34; and 2 more); imported as unread, with the splits as candidates.',
    );
    expect(diagnosticMessage("import/run-together", { ...data, count: 2e15 }).zh).toBe(
      "“行政许可”行的数字“1234”连在一起，可拆成 1e15+ 种方式（如 1 | 2 | 34 等，另有 1999999999999999 种），记为未读出，保留各种拆分。",
    );
    expect(diagnosticMessage("import/run-together", { ...data, count: 0, splits: [] }).zh).toBe(
      "“行政许可”行的数字“1234”连在一起，无法拆成 3 个数，记为未读出。",
    );
  });

  it("words one page and several pages apart", () => {
    expect(diagnosticMessage("import/no-text-layer", { pages: [2] }).en).toBe(
      "Page 2 has no text layer (a scan?); nothing on it was read.",
    );
    expect(diagnosticMessage("import/no-text-layer", { pages: [2, 3] })).toEqual({
      zh: "第 2, 3 页没有文字层（可能是扫描图像），其内容未能读取。",
      en: "Pages 2, 3 have no text layer (a scan?); nothing on them was read.",
    });
  });
});
