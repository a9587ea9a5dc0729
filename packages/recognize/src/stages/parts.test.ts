import { describe, expect, it } from "vitest";
import { findParts, partIndexOf } from "./parts";
import { unitsOfLines } from "./stage-test-support";

describe("stage parts: findParts", () => {
  it("finds the part headings in order, keeping the printed numeral and what follows the heading", () => {
    const parts = findParts(
      unitsOfLines([
        "某县统计局2023年政府信息公开工作年度报告",
        "一、总体情况 本年度我局认真贯彻条例。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "五、政府信息公开行政复议、行政诉讼情况",
      ]),
    );
    expect(parts.map((part) => [part.code, part.numeral, part.unit])).toEqual([
      ["overview", "一", 1],
      ["activeDisclosure", "二", 2],
      ["applications", "三", 3],
      ["reviewLitigation", "五", 4],
    ]);
    expect(parts[0]).toMatchObject({ rest: "本年度我局认真贯彻条例。", restSource: { line: 2, column: 8 } });
    expect(partIndexOf(parts, "applications")).toBe(2);
    expect(partIndexOf(parts, "problems")).toBe(-1);
  });

  it("does not take a heading for a part already passed as a new part", () => {
    const parts = findParts(
      unitsOfLines(["二、主动公开政府信息情况", "一、总体情况", "三、收到和处理政府信息公开申请情况"]),
    );
    expect(parts.map((part) => part.code)).toEqual(["activeDisclosure", "applications"]);
  });
});
