import { describe, expect, it } from "vitest";
import { boundedEditDistance, isSubsequence, LabelMatcher } from "./label-matcher";

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

describe("LabelMatcher over a whole vocabulary", () => {
  const vocabulary = new LabelMatcher([
    { label: "2.其他法律行政法规禁止公开", value: { table: "table3", key: "lawForbidden" } },
    { label: "7.属于行政执法案卷", value: { table: "table3", key: "enforcementCase" } },
    { label: "8.属于行政查询事项", value: { table: "table3", key: "adminQuery" } },
    { label: "行政规范性文件", value: { table: "table2", key: "normativeDocuments" } },
    { label: "行政处罚", value: { table: "table2", key: "punishment" } },
    { label: "行政强制", value: { table: "table2", key: "coercion" } },
    { label: "总计", value: { table: "table3", key: "total" } },
    { label: "总计", value: { table: "table4", key: "total" } },
  ]);
  const keyOf = (text: string, table?: string) =>
    vocabulary.match(text, table === undefined ? {} : { prefer: (value) => value.table === table })?.value.key;

  it("reads a label with characters missing, added, changed or swapped as its nearest label", () => {
    expect(keyOf("2.其他法律行政止公开")).toBe("lawForbidden"); // 法规禁 missing
    expect(keyOf("规范性文件")).toBe("normativeDocuments"); // 行政 missing
    expect(keyOf("7.属于行政执法案件")).toBe("enforcementCase"); // 件 for 卷
    expect(keyOf("7.属于行政执法的案卷")).toBe("enforcementCase"); // 的 added
    expect(keyOf("7.属于行政法执案卷")).toBe("enforcementCase"); // 执法 swapped
  });

  it("gives no match when two labels are equally near", () => {
    expect(keyOf("行政处制")).toBeUndefined(); // one edit from 行政处罚 and from 行政强制
    expect(keyOf("8.属于行政执法事项")).toBeUndefined(); // two edits from 7. and from 8.
  });

  it("among labels printed the same in two tables, takes the caller's", () => {
    expect(keyOf("总计", "table4")).toBe("total");
    expect(vocabulary.match("总计", { prefer: (value) => value.table === "table4" })?.value.table).toBe("table4");
    expect(keyOf("总计")).toBeUndefined();
  });
});

describe("isSubsequence", () => {
  it("tells a label with characters left out", () => {
    expect(isSubsequence("其他法律行政止公开", "其他法律行政法规禁止公开")).toBe(true);
    expect(isSubsequence("其他法律止行政公开", "其他法律行政法规禁止公开")).toBe(false);
  });
});

describe("boundedEditDistance", () => {
  it("counts two neighbouring characters swapped as one edit", () => {
    expect(boundedEditDistance("属于行政法执案卷", "属于行政执法案卷", 2)).toBe(1);
    expect(boundedEditDistance("ab", "ba", 1)).toBe(1);
  });

  it("computes small distances and gives up past the limit", () => {
    expect(boundedEditDistance("情形", "情形", 1)).toBe(0);
    expect(boundedEditDistance("只计这一情况", "只计这一情形", 2)).toBe(1);
    expect(boundedEditDistance("abc", "abcdef", 2)).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 2)).toBe(3);
  });
});
