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

describe("decodeText with pieceLength", () => {
  it("gives the same text in pieces, a character cut by a piece boundary kept whole", () => {
    // 自然人 and 𠀀 (four bytes) in UTF-8, cut every 2 bytes; GBK 自然人 cut every 3 (mid-character).
    const utf8 = new TextEncoder().encode("a自然人𠀀b");
    const pieced = decodeText(utf8, { pieceLength: 2 });
    expect(pieced.pieces?.join("")).toBe("a自然人𠀀b");
    expect(pieced.pieces?.length).toBe(Math.ceil(utf8.length / 2));
    expect(pieced).toMatchObject({ text: "a自然人𠀀b", encoding: "utf-8", diagnostics: [] });
    const guessed = decodeText(gbk, { pieceLength: 3 });
    expect(guessed).toMatchObject({ text: "自然人", encoding: "gb18030", pieces: ["自", "然人"] });
    expect(guessed.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual(["info"]);
    expect(decodeText(utf8, { pieceLength: 100 }).pieces).toEqual(["a自然人𠀀b"]);
  });

  it("gives no pieces when bytes cannot be decoded, and refuses a length that is not a positive integer", () => {
    const broken = decodeText(bytes(0x61, 0xff, 0x62), { encoding: "utf-8", pieceLength: 1 });
    expect(broken.pieces).toBeUndefined();
    expect(broken.text).toBe("a\ufffdb");
    expect(() => decodeText(gbk, { pieceLength: 0 })).toThrow(RangeError);
    expect(() => decodeText(gbk, { pieceLength: 1.5 })).toThrow(RangeError);
  });
});
