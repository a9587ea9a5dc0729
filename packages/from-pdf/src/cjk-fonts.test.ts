import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PdfDataFile } from "./pdf-data";
import { pdfToBlocks } from "./pdf-to-blocks";
import { buildPdf, simSunPdf } from "./test-helpers";

const title = "政府信息公开工作年度报告";

describe("fonts that are not embedded and use a predefined CJK CMap", () => {
  it("reads their text in Node with pdf.js's CMaps from the installed pdfjs-dist", async () => {
    const document = await pdfToBlocks(simSunPdf([title]));
    expect(document.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual([title]);
    expect(document.diagnostics).toEqual([]);
    // 16 pt characters, 1000 units wide: twelve of them from x = 72.
    expect(document.blocks[0]?.source.box?.x).toBeCloseTo(72, 0);
    expect(document.blocks[0]?.source.box?.width).toBeCloseTo(12 * 16, 0);
  });

  it("reads them from a CMap URL the caller gives", async () => {
    const folder = new URL("../../../node_modules/pdfjs-dist/cmaps/", import.meta.url).pathname;
    const document = await pdfToBlocks(simSunPdf([title]), { cMapUrl: folder.slice(0, -1) });
    expect(document.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual([title]);
  });

  it("reads them through a reader the caller gives (bytes bundled into a page), asked by kind and file name, no URL used", async () => {
    const folder = new URL("../../../node_modules/pdfjs-dist/cmaps/", import.meta.url);
    const asked: PdfDataFile[] = [];
    const document = await pdfToBlocks(simSunPdf([title]), {
      cMapUrl: "/nonexistent/cmaps/",
      readPdfData: async (file) => {
        asked.push(file);
        return file.kind === "cmap" ? new Uint8Array(readFileSync(new URL(file.name, folder))) : undefined;
      },
    });
    expect(document.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual([title]);
    expect(document.diagnostics).toEqual([]);
    expect(asked).toContainEqual({ kind: "cmap", name: "UniGB-UCS2-H.bcmap" });
  });

  it("reports the text as import/encoding when the reader does not have the CMap", async () => {
    const document = await pdfToBlocks(simSunPdf([title]), { readPdfData: () => undefined });
    expect(document.blocks).toEqual([]);
    expect(document.diagnostics?.map((diagnostic) => diagnostic.ruleId)).toContain("import/encoding");
  });

  it("reports the text as import/encoding, never drops it silently, when the CMaps cannot be loaded", async () => {
    const document = await pdfToBlocks(simSunPdf([title]), { cMapUrl: "/nonexistent/cmaps/" });
    expect(document.blocks).toEqual([]);
    const finding = document.diagnostics?.find((diagnostic) => diagnostic.ruleId === "import/encoding");
    expect(finding?.message.en).toContain("Text on page 1 uses a font that could not be loaded");
    expect(finding?.location.source?.page).toBe(1);
  });
});

describe("glyphs a ToUnicode map gives as radicals", () => {
  it("reads Kangxi and supplement radicals (as Chromium's PDFs map shared glyphs) as the ideographs printed", async () => {
    // Glyphs 1–4 mapped as Skia maps Noto CJK's shared glyphs: ⼀ (U+2F00), ⺠ (U+2EA0), ⾏ (U+2F8F),
    // and a compatibility ideograph 﨑 (U+FA11) that has no other form and stays.
    const toUnicode = [
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
      "/CMapName /Radicals def 1 begincodespacerange <0000> <FFFF> endcodespacerange",
      "4 beginbfchar <0001> <2F00> <0002> <2EA0> <0003> <2F8F> <0004> <FA11> endbfchar",
      "endcmap CMapName currentdict /CMap defineresource pop end end",
    ].join("\n");
    const bytes = buildPdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      {
        body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      },
      { body: "<< >>", stream: new TextEncoder().encode("BT /F1 16 Tf 72 700 Td <0001000200030004> Tj ET") },
      {
        body: "<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJKsc-Regular /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
      },
      {
        body: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKsc-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
      },
      {
        body: "<< /Type /FontDescriptor /FontName /NotoSansCJKsc-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 733 /StemV 80 >>",
      },
      { body: "<< >>", stream: new TextEncoder().encode(toUnicode) },
    ]);
    const document = await pdfToBlocks(bytes);
    expect(document.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual(["一民行\ufa11"]);
    expect(document.diagnostics).toEqual([]);
  });
});
