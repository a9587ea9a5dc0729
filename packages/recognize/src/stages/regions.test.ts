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
