import type { Block } from "@gongkai/recognize";
import { concatBytes } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { decodeHtmlPieces, prescanEncoding } from "./decode-html";
import { htmlToBlocks } from "./index";

/** The decoded page joined, with its encoding and findings. */
function decodeHtml(bytes: Uint8Array, override?: string) {
  const { pieces, ...decoded } = decodeHtmlPieces(bytes, override);
  return { ...decoded, text: pieces.join("") };
}

const textOf = (block: Block | undefined) => (block && block.type !== "table" ? block.text : undefined);

const ascii = (text: string) => new TextEncoder().encode(text);
// 自然人 in GBK (TextDecoder("gbk") reads these six bytes as 自然人).
const gbkZiranren = new Uint8Array([0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb]);

describe("encoding sniffing", () => {
  it("reads <meta charset> and the http-equiv pragma, mapping gb2312 to gbk", () => {
    expect(prescanEncoding(ascii('<!DOCTYPE html><html><head><meta charset="GBK">'))).toBe("gbk");
    expect(
      prescanEncoding(ascii("<head><meta http-equiv='Content-Type' content='text/html; charset=gb2312' /></head>")),
    ).toBe("gbk");
    expect(prescanEncoding(ascii('<meta content="text/html; charset=gb2312" http-equiv="content-type">'))).toBe("gbk");
  });

  it("ignores a content charset without the pragma, metas inside comments, and unknown labels", () => {
    expect(prescanEncoding(ascii('<meta content="text/html; charset=gbk">'))).toBeUndefined();
    expect(prescanEncoding(ascii('<!-- <meta charset="big5"> --><meta charset="utf-8">'))).toBe("utf-8");
    expect(prescanEncoding(ascii('<meta charset="no-such-encoding"><meta charset="gb18030">'))).toBe("gb18030");
    expect(prescanEncoding(ascii('<script>var s = "<meta charset=big5>";</script>'))).toBe("big5");
  });

  it("treats a declared UTF-16 as UTF-8, as the spec says for a byte prescan", () => {
    expect(prescanEncoding(ascii('<meta charset="utf-16le">'))).toBe("utf-8");
  });

  it("gives a BOM precedence over <meta charset>", () => {
    const bytes = concatBytes(
      new Uint8Array([0xef, 0xbb, 0xbf]),
      ascii('<meta charset="gbk"><p>'),
      ascii("é"),
      ascii("</p>"),
    );
    expect(decodeHtml(bytes)).toMatchObject({ encoding: "utf-8", text: '<meta charset="gbk"><p>é</p>' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x70, 0, 0x3e, 0, 0xea, 0x81]);
    expect(decodeHtml(utf16)).toMatchObject({ encoding: "utf-16le", text: "<p>\u81ea" });
  });

  it("tells UTF-16 without a byte-order mark by its zero bytes, either byte order", () => {
    const html = "<p>自然人 12</p>";
    const little = new Uint8Array(html.length * 2);
    const big = new Uint8Array(html.length * 2);
    for (let index = 0; index < html.length; index += 1) {
      little[2 * index] = html.charCodeAt(index) & 0xff;
      little[2 * index + 1] = html.charCodeAt(index) >> 8;
      big[2 * index] = html.charCodeAt(index) >> 8;
      big[2 * index + 1] = html.charCodeAt(index) & 0xff;
    }
    expect(decodeHtml(little)).toMatchObject({ encoding: "utf-16le", text: html });
    expect(decodeHtml(big)).toMatchObject({ encoding: "utf-16be", text: html });
  });

  it("decodes GBK declared by the page, or forced by the encoding option", () => {
    const page = concatBytes(ascii('<meta charset="gb2312"><p>'), gbkZiranren, ascii("</p>"));
    expect(textOf(htmlToBlocks(page).blocks[0])).toBe("自然人");
    const undeclared = concatBytes(ascii("<p>"), gbkZiranren, ascii("</p>"));
    expect(htmlToBlocks(undeclared, { encoding: "gbk" })).toEqual({
      blocks: [
        {
          type: "paragraph",
          text: "自然人",
          source: { line: 1, column: 1, offset: 0, endLine: 1, endColumn: 11, endOffset: 10, path: "body>p" },
        },
      ],
    });
  });

  it("falls back to GB18030, with an info finding, when undeclared bytes are not UTF-8", () => {
    const document = htmlToBlocks(concatBytes(ascii("<p>"), gbkZiranren, ascii("</p>")));
    expect(textOf(document.blocks[0])).toBe("自然人");
    expect(document.diagnostics).toEqual([expect.objectContaining({ ruleId: "import/encoding", severity: "info" })]);
  });

  it("reports undecodable bytes with their position, and keeps the rest", () => {
    const bytes = concatBytes(ascii('<meta charset="utf-8"><p>ab</p>\n<p>c'), new Uint8Array([0xff]), ascii("d</p>"));
    const document = htmlToBlocks(bytes);
    expect(document.blocks.map(textOf)).toEqual(["ab", "c\uFFFDd"]);
    expect(document.diagnostics).toEqual([
      {
        ruleId: "import/encoding",
        severity: "warning",
        message: expect.objectContaining({ en: expect.stringContaining("line 2, column 5") }),
        location: { pointer: "", source: { line: 2, column: 5, offset: 36, endOffset: 37 } },
      },
    ]);
  });

  it("caps the undecodable-byte findings at ten and a summary", () => {
    const parts: Uint8Array[] = [ascii('<meta charset="utf-8">')];
    for (let index = 0; index < 50; index += 1) parts.push(ascii("<p>x"), new Uint8Array([0xfe]), ascii("</p>"));
    const document = htmlToBlocks(concatBytes(...parts));
    expect(document.blocks).toHaveLength(50);
    expect(document.diagnostics).toHaveLength(11);
    expect(document.diagnostics?.[10]?.message.en).toContain("40 more");
  });

  it("reads strings as they are, whatever they declare", () => {
    expect(textOf(htmlToBlocks('<meta charset="gbk"><p>自然人</p>').blocks[0])).toBe("自然人");
  });
});
