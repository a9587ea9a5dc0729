import { describe, expect, it } from "vitest";
import { decodeText, encodingForLabel } from "./decode-text";

const bytes = (...values: number[]) => new Uint8Array(values);
// 自然人 in GBK.
const gbk = bytes(0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb);

describe("decodeText", () => {
  it("lets a byte-order mark win over the caller's and the document's encoding", () => {
    const declared = () => "gbk";
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61), { encoding: "gbk", declared })).toMatchObject({
      text: "a",
      encoding: "utf-8",
      diagnostics: [],
    });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61), { keepByteOrderMark: true }).text).toBe("\ufeffa");
  });

  it("takes the caller's encoding, then the declared one; an unknown label is a warning", () => {
    expect(decodeText(gbk, { encoding: "gbk", declared: () => "utf-8" }).text).toBe("自然人");
    expect(decodeText(gbk, { declared: () => "gbk" }).text).toBe("自然人");
    const unknown = decodeText(gbk, { encoding: "no-such" });
    expect(unknown.text).toBe("自然人");
    expect(unknown.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual(["warning", "info"]);
  });

  it("sniffs UTF-8, then GB18030, then replaces what neither reads", () => {
    expect(decodeText(new TextEncoder().encode("自然人"))).toEqual({
      text: "自然人",
      encoding: "utf-8",
      diagnostics: [],
    });
    expect(decodeText(gbk)).toMatchObject({ text: "自然人", encoding: "gb18030", diagnostics: [{ severity: "info" }] });
    const broken = decodeText(bytes(0x61, 0x0a, 0x62, 0xff, 0x63));
    expect(broken.text).toBe("a\nb\ufffdc");
    expect(broken.diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        location: { pointer: "", source: { line: 2, column: 2, offset: 3, endOffset: 4 } },
      }),
    ]);
  });

  it("tells UTF-16 without a byte-order mark by where its zero bytes fall, and not binary noise", () => {
    expect(decodeText(bytes(0x31, 0, 0x32, 0, 0xea, 0x81))).toMatchObject({ text: "12\u81ea", encoding: "utf-16le" });
    expect(decodeText(bytes(0, 0x31, 0, 0x32, 0x81, 0xea))).toMatchObject({ text: "12\u81ea", encoding: "utf-16be" });
    expect(decodeText(bytes(0, 0, 0, 0, 0x61, 0x62)).encoding).toBe("utf-8");
  });

  it("names encodings by their WHATWG labels", () => {
    expect(encodingForLabel(" GB2312 ")).toBe("gbk");
    expect(encodingForLabel("no-such")).toBeUndefined();
  });
});
