import { describe, expect, it } from "vitest";
import { boundedEditDistance, LabelMatcher } from "./label-matcher";

const matcher = new LabelMatcher([
  { label: "本年新制作数量", value: "newlyMade" },
  { label: "本年新公开数量", value: "newlyPublished" },
  { label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", value: "partialGrant" },
  { label: "5.属于三类内部事务信息", value: "internalAffairs" },
  { label: "（七）总计", value: "totalProcessed" },
  { label: "总计", value: "totalColumn" },
  { label: "3.其他", value: "otherReasons" },
  { label: "其他", value: "otherColumn" },
  { label: "采购总金额", value: "procurementAmount" },
  { label: "一、本年新收政府信息公开申请数量", value: "newReceived" },
]);

describe("LabelMatcher", () => {
  it("matches across full/half width, whitespace and line breaks", () => {
    expect(matcher.match("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")?.value).toBe("partialGrant");
    expect(matcher.match("部分公开 (区分处理的, 只计这一情形, 不计其他情形)")?.value).toBe("partialGrant");
    expect(matcher.match("本年新\n制作数量")?.value).toBe("newlyMade");
    expect(matcher.match("本年新收政府信息公开申请数量")?.value).toBe("newReceived");
  });

  it("tolerates small typos relative to the label's length", () => {
    expect(matcher.match("（二）部分公开（区分处理的，只计这一情况，不计其他情形）")).toEqual({
      value: "partialGrant",
      tier: 2,
      distance: 1,
    });
    expect(matcher.match("5.属于三类内容事务信息")?.value).toBe("internalAffairs");
    expect(matcher.match("一、本年新收受理政府信息公开申请数量")?.value).toBe("newReceived");
    expect(matcher.match("本年新收到了政府的信息公开申请数量啊")).toBeUndefined();
  });

  it("matches a truncated header or one with a unit only when the match is unique", () => {
    expect(matcher.match("本年新")).toBeUndefined(); // 本年新制作数量 or 本年新公开数量
    expect(matcher.match("本年新制作")?.value).toBe("newlyMade");
    expect(matcher.match("采购总金额(万元)")).toEqual({ value: "procurementAmount", tier: 1, distance: 0 });
  });

  it("matches short labels only exactly and with their numbering", () => {
    expect(matcher.match("（七）总计")?.value).toBe("totalProcessed");
    expect(matcher.match("总计")?.value).toBe("totalColumn");
    expect(matcher.match("3.其他")?.value).toBe("otherReasons");
    expect(matcher.match("其他")?.value).toBe("otherColumn");
    expect(matcher.match("总")).toBeUndefined();
    expect(matcher.match("")).toBeUndefined();
  });
});

describe("boundedEditDistance", () => {
  it("computes small distances and gives up past the limit", () => {
    expect(boundedEditDistance("情形", "情形", 1)).toBe(0);
    expect(boundedEditDistance("只计这一情况", "只计这一情形", 2)).toBe(1);
    expect(boundedEditDistance("abc", "abcdef", 2)).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 2)).toBe(3);
  });
});
