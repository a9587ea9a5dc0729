import { describe, expect, it } from "vitest";
import { comparableText, foldText, labelKey, normalizeLabel, normalizeWithMap } from "./normalize";

describe("foldText", () => {
  it("folds full-width forms, the ideographic and no-break spaces, odd brackets and traditional characters, one code unit each", () => {
    expect(foldText("（一）ＡＢｃ１２！\u3000\u00a0\ufe59\ufe5a【註】開報總體")).toBe("(一)ABc12!  ()[註]开报总体");
  });

  it("returns text with nothing to fold as it is, surrogate pairs included", () => {
    const text = "本年新收政府信息公开申请 49 件 \ud842\udfb7";
    expect(foldText(text)).toBe(text);
  });
});

describe("normalizeWithMap", () => {
  it("drops whitespace and quotes (full-width quotes too, once folded) and maps each character to its input index", () => {
    const normalized = normalizeWithMap("（一）“主动 公开”\u3000＂開＇\t");
    expect(normalized.text).toBe("(一)主动公开开");
    expect(normalized.map).toEqual([0, 1, 2, 4, 5, 7, 8, 12]);
  });

  it("keeps every character of a text longer than one output chunk (4 096 code units)", () => {
    const text = `${"开 ".repeat(5000)}關`;
    const normalized = normalizeWithMap(text);
    expect(normalized.text).toBe(`${"开".repeat(5000)}关`);
    expect(normalized.map[4096]).toBe(8192);
    expect(normalized.map[5000]).toBe(10_000);
    expect(normalizeLabel(text)).toBe(normalized.text);
  });
});

describe("labelKey and comparableText", () => {
  it("split the numbering from a label's core and drop punctuation", () => {
    expect(labelKey("（三）不予公开 ")).toEqual({ numbering: "(三)", core: "不予公开" });
    expect(comparableText("1.“本机关不是信息制作机关”，")).toBe("1本机关不是信息制作机关");
  });
});
