import { describe, expect, it } from "vitest";
import { decodeText, decodeTextPieces, encodingForLabel, textPieceLength } from "./decode-text";

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

describe("decodeTextPieces", () => {
  const encoder = new TextEncoder();
  /** UTF-16 bytes of `text`, little- or big-endian, with a byte-order mark. */
  function utf16(text: string, littleEndian: boolean): Uint8Array {
    const out = new Uint8Array(2 + 2 * text.length);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let index = 0; index < text.length; index++)
      view.setUint16(2 + 2 * index, text.charCodeAt(index), littleEndian);
    return out;
  }
  // Characters of one, two, three and four UTF-8 bytes (😀 is a surrogate pair), lines in CRLF:
  // every kind of character falls across the boundary of 16 KiB of bytes somewhere.
  const text = `${Array.from({ length: 4000 }, (_, index) => `第${index}行 a😀é\r\n`).join("")}末`;
  const gb18030 = new Uint8Array([
    ...Array.from({ length: 20_000 }, () => [0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb]).flat(),
  ]);
  const cases: [string, Uint8Array, Parameters<typeof decodeText>[1]][] = [
    ["UTF-8", encoder.encode(text), {}],
    ["UTF-8 with a byte-order mark, kept", encoder.encode(`\ufeff${text}`), { keepByteOrderMark: true }],
    ["UTF-16LE with a byte-order mark", utf16(text, true), {}],
    ["UTF-16BE with a byte-order mark", utf16(text, false), {}],
    ["GB18030, guessed", gb18030, {}],
    ["GBK, declared", gb18030, { declared: () => "gbk" }],
    [
      "UTF-8 with undecodable bytes",
      new Uint8Array([...encoder.encode(text), 0xff, 0xfe, ...encoder.encode(text)]),
      {},
    ],
    ["nothing", new Uint8Array(0), {}],
  ];

  it.each(cases)("gives decodeText's text, encoding and findings, in pieces: %s", (_, input, options) => {
    const whole = decodeText(input, options);
    const pieced = decodeTextPieces(input, options);
    expect(pieced.pieces.join("")).toBe(whole.text);
    expect(pieced.length).toBe(whole.text.length);
    expect(pieced.encoding).toBe(whole.encoding);
    expect(pieced.diagnostics).toEqual(whole.diagnostics);
    for (const piece of pieced.pieces) {
      expect(piece.length).toBeGreaterThan(0);
      expect(piece.length).toBeLessThanOrEqual(textPieceLength);
      // No piece ends inside a surrogate pair.
      expect(piece.charCodeAt(piece.length - 1) >= 0xd800 && piece.charCodeAt(piece.length - 1) <= 0xdbff).toBe(false);
    }
    if (whole.text.length > 2 * textPieceLength) expect(pieced.pieces.length).toBeGreaterThan(2);
  });
});
