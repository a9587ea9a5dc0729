import { describe, expect, it } from "vitest";
import { maxCellsPerTextRow, textToBlocks } from "./text-to-blocks";

function texts(document: ReturnType<typeof textToBlocks>, index: number): string[][] {
  const block = document.blocks[index];
  if (block?.type !== "table") throw new Error(`block ${index} is not a table`);
  return block.rows.map((row) => row.map((slot) => slot.text));
}

describe("textToBlocks", () => {
  it("reads one cell per line: a lone | starts a row, runs of | are empty cells", () => {
    const document = textToBlocks(
      "二、主动公开政府信息情况\n|\n第二十条第(一)项 | |||\n|\n规章 |\n|||\n|\n规范性文件 |\n11 |\n11 |\n11 |\n三、收到",
    );
    expect(document.blocks.map((block) => block.type)).toEqual(["paragraph", "table", "paragraph"]);
    expect(texts(document, 1)).toEqual([
      ["第二十条第(一)项", "", "", ""],
      ["规章", "", "", ""],
      ["规范性文件", "11", "11", "11"],
    ]);
    const table = document.blocks[1];
    if (table?.type !== "table") throw new Error("not a table");
    expect(table.spansKnown).toBe(false);
    expect(table.rows[2]?.[1]).toEqual({
      text: "11",
      source: { line: 9, column: 1, endLine: 9, endColumn: 3, offset: 52, endOffset: 54 },
      origin: { row: 2, column: 1 },
      rowSpan: 1,
      colSpan: 1,
    });
  });

  it("reads one row per line with ' | ' between cells, a leading | and Markdown separators", () => {
    const document = textToBlocks(
      "信息内容 | 本年制发件数 | 本年废止件数 |\n| 规章 | 0 | 0 |\n|---|---|---|\n行政许可 | 0 | ||\n自然人 | 法人或其他组织",
    );
    expect(texts(document, 0)).toEqual([
      ["信息内容", "本年制发件数", "本年废止件数"],
      ["规章", "0", "0"],
      ["行政许可", "0", "", ""],
      ["自然人", "法人或其他组织"],
    ]);
  });

  it("counts lines through CRLF, CR and LF and gives 1-based columns of the original text", () => {
    const document = textToBlocks("标题\r\n\r\n  一、总体情况\r规章 | 0 |\n");
    expect(document.blocks[0]).toEqual({
      type: "paragraph",
      text: "标题",
      source: { line: 1, column: 1, endLine: 1, endColumn: 3, offset: 0, endOffset: 2 },
    });
    expect(document.blocks[1]).toMatchObject({ text: "一、总体情况", source: { line: 3, column: 3, offset: 8 } });
    const table = document.blocks[2];
    if (table?.type !== "table") throw new Error("not a table");
    expect(table.rows[0]?.[1]?.source).toEqual({
      line: 4,
      column: 6,
      endLine: 4,
      endColumn: 7,
      offset: 20,
      endOffset: 21,
    });
  });

  it("turns Markdown # lines into headings and skips blank lines inside a table", () => {
    const document = textToBlocks("## 二、主动公开政府信息情况\n| 规章 | 0 |\n\n| 行政许可 | 5 |\n");
    expect(document.blocks[0]).toMatchObject({
      type: "heading",
      level: 2,
      text: "二、主动公开政府信息情况",
      source: { line: 1, column: 4 },
    });
    expect(texts(document, 1)).toEqual([
      ["规章", "0"],
      ["行政许可", "5"],
    ]);
  });

  it("cuts a row of 10 000 cells with import/limit-exceeded", () => {
    const line = `行政许可${" | 1".repeat(10_000)} |`;
    const document = textToBlocks(line);
    expect(texts(document, 0)[0]).toHaveLength(maxCellsPerTextRow);
    expect(document.diagnostics?.map((diagnostic) => diagnostic.ruleId)).toEqual(["import/limit-exceeded"]);
    expect(document.diagnostics?.[0]?.location.source?.line).toBe(1);
  });

  it("returns no blocks for empty text", () => {
    expect(textToBlocks("")).toEqual({ blocks: [] });
    expect(textToBlocks("\n \r\n\t")).toEqual({ blocks: [] });
  });
});
