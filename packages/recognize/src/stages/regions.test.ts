import { describe, expect, it } from "vitest";
import { findParts } from "./parts";
import { findRegions, textOfUnit } from "./regions";
import { unitsOfLines } from "./stage-test-support";

describe("stage regions: findRegions", () => {
  it("puts each table in its part, from the heading to the next heading", () => {
    const units = unitsOfLines([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "三、收到和处理政府信息公开申请情况",
      "申请人情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
    ]);
    expect(findRegions(units, findParts(units), units.length)).toEqual({
      table2: { from: 1, to: 3 },
      table3: { from: 3, to: 5 },
      table4: { from: 5, to: 6 },
    });
  });

  it("finds a table whose part heading is missing by its own labels, up to the next heading", () => {
    const units = unitsOfLines([
      "一、总体情况",
      "全年无申请。",
      "申请人情况",
      "自然人",
      "五、存在的主要问题及改进情况",
    ]);
    const regions = findRegions(units, findParts(units), units.length);
    expect(regions.table3).toEqual({ from: 2, to: 4 });
    expect(regions.table2).toBeUndefined();
  });

  it("finds a table by several weak cues when no strong one is printed (钩稽 note, a varied first row)", () => {
    const units = unitsOfLines([
      "一、总体情况",
      "全年无申请。",
      "（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "自然人",
      "法人或其他组织",
      "商业企业",
      "（一）予以公开",
      "0",
      "五、存在的主要问题及改进情况",
    ]);
    expect(findRegions(units, findParts(units), units.length).table3).toEqual({ from: 2, to: 8 });
  });

  it("does not start a table at one weak cue, nor at labels mentioned in prose", () => {
    const units = unitsOfLines([
      "一、总体情况",
      "本年出台行政规范性文件：制发件数2件，行政许可450项，行政处罚2项，行政强制0项。",
      "行政许可",
      "五、存在的主要问题及改进情况",
    ]);
    expect(findRegions(units, findParts(units), units.length).table2).toBeUndefined();
  });

  it("joins a grid's cells with | for matching", () => {
    expect(
      textOfUnit({
        kind: "table",
        source: { line: 1, column: 1 },
        block: {
          type: "table",
          spansKnown: false,
          source: { line: 1, column: 1 },
          rows: [["规章", "0"].map((text, column) => ({ text, origin: { row: 0, column }, rowSpan: 1, colSpan: 1 }))],
        },
      }),
    ).toBe("规章|0");
  });
});
