import { getTableDefinition, type Report } from "@gongkai/core";
import type { Block, TableBlock } from "@gongkai/recognize";
import { encodeGbk, patternedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { htmlToBlocks } from "../src/index";
import { type PageStyle, type SynthesizedPage, synthesizePage } from "./synthesize-page";

const textOf = (block: Block | undefined) => (block && block.type !== "table" ? block.text : undefined);

const styles: Record<string, PageStyle> = {
  plain: {},
  "Word-pasted (MsoNormal, mso- styles, nested spans, <o:p>)": { word: true },
  "<th> headers split with <br>": { th: true, headerBreaks: true },
  'rowspan="0" in row groups': { rowspanZero: true },
};

function expectPlacements(page: SynthesizedPage, tables: readonly TableBlock[]): void {
  const ids = ["table2", "table3", "table4"] as const;
  ids.forEach((id, index) => {
    const grid = tables[index];
    for (const [key, placed] of page.placements[id]) {
      const slot = grid?.rows[placed.row]?.[placed.column];
      expect(slot?.text, `${id} ${key.replace("\u0000", " ")}`).toBe(placed.text);
    }
  });
}

describe.each(["2019", "2021"] as const)("synthesized %s-edition pages", (edition) => {
  const report: Report = patternedReport(edition);

  for (const [name, style] of Object.entries(styles)) {
    it(`${name}: every value is in the slot the page put it in`, () => {
      const page = synthesizePage(report, style);
      const document = htmlToBlocks(page.html);
      const tables = document.blocks.filter((block): block is TableBlock => block.type === "table");
      expect(tables).toHaveLength(3);
      expectPlacements(page, tables);
      expect(document.diagnostics).toBeUndefined();
    });
  }

  it("Word-pasted: prose comes through without Office markup, and the misaligned-columns row is an empty row", () => {
    const page = synthesizePage(report, { word: true });
    const document = htmlToBlocks(page.html);
    const texts = document.blocks.filter((block) => block.type !== "table").map(textOf);
    expect(texts[0]).toBe(`${report.meta.agency.name}${report.meta.year}年政府信息公开工作年度报告`);
    expect(texts).toContain(report.parts[0]?.heading);
    expect(texts.join("")).not.toMatch(/mso|o:p|&nbsp;|\u00a0/);
    const table4 = document.blocks.filter((block): block is TableBlock => block.type === "table")[2];
    expect(table4?.rows).toHaveLength(5);
    expect(table4?.rows[4]?.every((slot) => slot.text === "")).toBe(true);
  });

  it("<th> headers with <br>: header flags and the line break inside the label", () => {
    const page = synthesizePage(report, { th: true, headerBreaks: true });
    const table3 = htmlToBlocks(page.html).blocks.filter((block): block is TableBlock => block.type === "table")[1];
    expect(table3?.rows[1]?.[4]).toMatchObject({ text: "法人或其\n他组织", header: true, colSpan: 5 });
    expect(table3?.rows[2]?.[4]).toMatchObject({ text: "商业\n企业", header: true });
    expect(table3?.rows[3]?.[3]?.header).toBeUndefined();
  });

  it('rowspan="0": 三、本年度办理结果 reaches exactly the end of its row group', () => {
    const page = synthesizePage(report, { rowspanZero: true });
    const table3 = htmlToBlocks(page.html).blocks.filter((block): block is TableBlock => block.type === "table")[1];
    const resultRows = getTableDefinition(report.edition, "table3").rows.filter((row) => row.groups.length > 0).length;
    const cell = table3?.rows[5]?.[0];
    expect(cell).toMatchObject({ text: "三、本年度办理结果", rowSpan: resultRows, origin: { row: 5, column: 0 } });
    expect(table3?.rows[5 + resultRows]?.[0]?.text).toBe("四、结转下年度继续办理");
  });

  it("GBK bytes declared by <meta charset> read the same as the string", () => {
    const page = synthesizePage(report, { charset: "gbk", word: true });
    const bytes = encodeGbk(page.html);
    // 自然人 in GBK, as TextDecoder("gbk") reads D7D4 C8BB C8CB.
    expect(Array.from(encodeGbk("自然人"))).toEqual([0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb]);
    expect(htmlToBlocks(bytes)).toEqual(htmlToBlocks(page.html));
  });
});
