import { encodeGbk } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { rowValues, seedFixture } from "./test-support";

// The seed report (柳州市阳和工业新区 2020) saved in the encodings Windows editors write. Each must
// read exactly as the UTF-8 file does; the decoding is @gongkai/recognize's decodeText, shared
// with from-html.
const utf8 = seedFixture();
const text = new TextDecoder().decode(utf8);
const expected = fromText(utf8).report;

function utf16(value: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(value.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < value.length; index += 1)
    view.setUint16(2 * index, value.charCodeAt(index), littleEndian);
  return bytes;
}

describe("encodings", () => {
  it("reads a GBK .txt as GB18030, with an info finding that says so", () => {
    const { report, diagnostics } = fromText(encodeGbk(text));
    expect(report.tables).toEqual(expected.tables);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([154, 3, 7781]);
    expect(diagnostics[0]).toMatchObject({
      ruleId: "import/encoding",
      severity: "info",
      message: { en: expect.stringContaining("GB18030") },
    });
  });

  it("reads UTF-16 with and without a byte-order mark, in both byte orders", () => {
    for (const littleEndian of [true, false]) {
      const withBom = fromText(utf16(`\ufeff${text}`, littleEndian));
      // The byte-order mark stays in the text as U+FEFF, so offsets on line 1 are those of the file.
      expect(withBom.report.tables).toEqual(fromText(`\ufeff${text}`).report.tables);
      const bare = fromText(utf16(text, littleEndian));
      expect(bare.report.tables).toEqual(expected.tables);
      expect(bare.diagnostics[0]).toMatchObject({
        ruleId: "import/encoding",
        message: { en: expect.stringContaining("UTF-16") },
      });
    }
  });

  it("locates bytes that are neither UTF-8 nor GB18030", () => {
    const broken = new Uint8Array([...utf8.subarray(0, 40), 0xff, 0xff, ...utf8.subarray(40)]);
    const { diagnostics } = fromText(broken);
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/encoding")).toMatchObject({
      severity: "warning",
      location: { source: expect.objectContaining({ offset: expect.any(Number) }) },
    });
  });
});
