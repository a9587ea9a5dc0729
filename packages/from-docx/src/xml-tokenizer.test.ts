import { describe, expect, it } from "vitest";
import { DocxReadError } from "./docx-read-error";
import { formatListNumber } from "./numbering";
import { LineIndex, parseXml } from "./xml-tokenizer";

function events(xml: string): string[] {
  const out: string[] = [];
  parseXml(
    xml,
    "test.xml",
    {
      start(name, attributes, offset, selfClosing) {
        const listed = [...attributes].map(([key, value]) => ` ${key}=${value}`).join("");
        out.push(`<${name}${listed}${selfClosing ? "/" : ""}@${offset}>`);
      },
      end(name, endOffset) {
        out.push(`</${name}@${endOffset}>`);
      },
      text(text) {
        out.push(JSON.stringify(text));
      },
    },
    64,
  );
  return out;
}

describe("parseXml", () => {
  it("reports tags, attributes and text in order, with offsets, skipping declarations and comments", () => {
    const xml = `<?xml version="1.0"?><!-- c --><a x='1>2' y="&lt;&#65;&#x42;"><b/>t<![CDATA[<&>]]></a>`;
    expect(events(xml)).toEqual(["<a x=1>2 y=<AB@31>", "<b/@62>", "</b@66>", '"t"', '"<&>"', `</a@${xml.length}>`]);
  });

  it("names elements and attributes by namespace, whatever prefix the document bound", () => {
    const xml =
      `<q:document xmlns:q="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns="urn:other">` +
      `<q:p q:val="1" plain="2"/><inner xmlns:w="urn:not-word"><w:p/></inner></q:document>`;
    expect(events(xml).filter((event) => event.startsWith("<") && !event.startsWith("</"))).toEqual([
      "<w:document@0>",
      `<w:p w:val=1 plain=2/@${xml.indexOf("<q:p")}>`,
      `<{urn:other}inner@${xml.indexOf("<inner")}>`,
      `<{urn:not-word}p/@${xml.indexOf("<w:p")}>`,
    ]);
  });

  it("keeps a name with an undeclared prefix as written, and refuses a second root", () => {
    expect(events("<w:p/>")).toEqual(["<w:p/@0>", "</w:p@6>"]);
    expect(() => events("<a/><b/>")).toThrow(DocxReadError);
  });

  it("maps offsets to 1-based lines and columns", () => {
    const index = new LineIndex("ab\ncd\n\nef");
    expect([0, 1, 3, 6, 7, 8].map((offset) => index.locate(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});

describe("formatListNumber", () => {
  it("writes the number formats Chinese reports use", () => {
    expect(
      [1, 2, 10, 11, 20, 21, 99, 100, 101, 110].map((value) => formatListNumber(value, "chineseCounting")),
    ).toEqual(["一", "二", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十"]);
    expect(formatListNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatListNumber(3, "decimalEnclosedCircle")).toBe("③");
    expect(formatListNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatListNumber(14, "upperRoman")).toBe("XIV");
    expect(formatListNumber(28, "lowerLetter")).toBe("bb");
    expect(formatListNumber(5, "decimalZero")).toBe("05");
    expect(formatListNumber(7, "somethingNew")).toBe("7");
  });
});
