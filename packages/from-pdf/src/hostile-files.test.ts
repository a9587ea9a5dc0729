import { zlibSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import type { PdfLimits } from "./limits";
import { PdfReadError, type PdfReadErrorCode } from "./pdf-read-error";
import { pdfToBlocks } from "./pdf-to-blocks";
import { buildPdf, onePagePdf } from "./test-helpers";

async function codeOf(bytes: Uint8Array, options?: PdfLimits): Promise<PdfReadErrorCode> {
  try {
    await pdfToBlocks(bytes, options);
  } catch (error) {
    if (PdfReadError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error("pdfToBlocks did not throw");
}

const helloPage = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET";

describe("pdfToBlocks on hand-written files", () => {
  it("reads a minimal page's text with its page and box", async () => {
    const document = await pdfToBlocks(onePagePdf(helloPage));
    expect(document.blocks).toHaveLength(1);
    const block = document.blocks[0];
    expect(block).toMatchObject({ type: "paragraph", text: "Hello", source: { page: 1, line: 1 } });
    expect(block?.source.box?.x).toBeCloseTo(72, 0);
    expect(block?.source.box?.y).toBeCloseTo(842 - 700 - 12 * 0.86, 0);
  });

  it("reads a Node Buffer as well as a Uint8Array, and leaves the caller's bytes intact", async () => {
    const bytes = onePagePdf(helloPage);
    const buffer = Buffer.from(bytes);
    const document = await pdfToBlocks(buffer);
    expect(document.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual(["Hello"]);
    expect(buffer.byteLength).toBe(bytes.byteLength);
  });

  it("reports a scanned page (an image and no text) as import/no-text-layer with its page number", async () => {
    const image = {
      body: "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>",
      stream: new Uint8Array([0, 255, 255, 0]),
    };
    const bytes = buildPdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>" },
      {
        body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      },
      { body: "<< >>", stream: new TextEncoder().encode(helloPage) },
      { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
      {
        body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /XObject << /Im1 8 0 R >> >> >>",
      },
      { body: "<< >>", stream: new TextEncoder().encode("q 595 0 0 842 0 0 cm /Im1 Do Q") },
      image,
    ]);
    const document = await pdfToBlocks(bytes);
    const finding = document.diagnostics?.find((diagnostic) => diagnostic.ruleId === "import/no-text-layer");
    expect(finding?.severity).toBe("warning");
    expect(finding?.message.en).toContain("Page 2 ");
    expect(finding?.location.source?.page).toBe(2);
    expect(document.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual(["Hello"]);
  });

  it("reports text in a font without a Unicode map as import/encoding", async () => {
    // A Type3 font with no /ToUnicode and glyph names no reader can map.
    const font = {
      body: "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /g1 7 0 R >> /Encoding << /Type /Encoding /Differences [65 /g1] >> /FirstChar 65 /LastChar 65 /Widths [1000] >>",
    };
    const bytes = buildPdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      {
        body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
      },
      { body: "<< >>", stream: new TextEncoder().encode(`${helloPage} BT /F2 12 Tf 72 600 Td (AAA) Tj ET`) },
      { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
      font,
      { body: "<< >>", stream: new TextEncoder().encode("1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f") },
    ]);
    const document = await pdfToBlocks(bytes);
    expect(document.diagnostics?.map((diagnostic) => diagnostic.ruleId)).toContain("import/encoding");
  });
});

describe("hostile files", () => {
  it("refuses bytes that are not a PDF", async () => {
    expect(await codeOf(new TextEncoder().encode("<html><body>2024年报</body></html>"))).toBe("not-a-pdf");
    expect(await codeOf(new Uint8Array(0))).toBe("not-a-pdf");
  });

  it("refuses a corrupt file with a typed error", async () => {
    const bytes = new TextEncoder().encode(
      "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    );
    expect(await codeOf(bytes)).toBe("corrupt");
  });

  it("refuses a truncated file that cannot be read with a typed error", async () => {
    const whole = onePagePdf(helloPage);
    expect(await codeOf(whole.subarray(0, 40))).toBe("truncated");
  });

  it("refuses a decompression bomb before reading any page", async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = onePagePdf(zlibSync(zeros, { level: 9 }), { filter: "/FlateDecode" });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await codeOf(bomb, { maxDecodedBytes: 1024 * 1024 })).toBe("decoded-too-large");
  });

  it("adds up what every stream inflates to: many small bombs are one bomb", async () => {
    // Eight streams of 256 KiB of zeros each, 2 MiB together, under a 1 MiB budget.
    const zeros = zlibSync(new Uint8Array(256 * 1024), { level: 9 });
    const extra = Array.from({ length: 8 }, () => ({ body: "<< /Filter /FlateDecode >>", stream: zeros }));
    expect(await codeOf(onePagePdf(helloPage, { extra }), { maxDecodedBytes: 1024 * 1024 })).toBe("decoded-too-large");
    const read = await pdfToBlocks(onePagePdf(helloPage, { extra }), { maxDecodedBytes: 4 * 1024 * 1024 });
    expect(read.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual(["Hello"]);
  });

  it("measures a bomb without the platform's DecompressionStream too (inflating in script)", async () => {
    vi.stubGlobal("DecompressionStream", undefined);
    try {
      const bomb = onePagePdf(zlibSync(new Uint8Array(8 * 1024 * 1024), { level: 9 }), { filter: "/FlateDecode" });
      expect(await codeOf(bomb, { maxDecodedBytes: 1024 * 1024 })).toBe("decoded-too-large");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("reads a page whose content stream does not inflate, or draws a form that draws itself, within bounds", async () => {
    // Damaged Flate data: pdf.js reads what it can (nothing here); the other page still reads.
    const damaged = buildPdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      {
        body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 6 0 R] /Resources << /Font << /F1 5 0 R >> >> >>",
      },
      { body: "<< /Filter /FlateDecode >>", stream: new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0x00, 0x13, 0x37]) },
      { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
      { body: "<< >>", stream: new TextEncoder().encode(helloPage) },
    ]);
    const read = await pdfToBlocks(damaged);
    expect(read.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual(["Hello"]);
    // A form XObject that paints itself: pdf.js stops the recursion; the page's own text reads.
    const recursive = buildPdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      {
        body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>",
      },
      { body: "<< >>", stream: new TextEncoder().encode(`${helloPage} /X1 Do`) },
      { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
      {
        body: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 6 0 R >> >> >>",
        stream: new TextEncoder().encode("0 0 m 10 10 l S /X1 Do"),
      },
    ]);
    const drawn = await pdfToBlocks(recursive);
    expect(drawn.blocks.map((block) => (block.type === "table" ? "" : block.text))).toEqual(["Hello"]);
  });

  it("refuses a file over maxBytes, too many pages or too many objects", async () => {
    const bytes = onePagePdf(helloPage);
    expect(await codeOf(bytes, { maxBytes: 100 })).toBe("too-large");
    expect(await codeOf(bytes, { maxObjects: 3 })).toBe("too-many-objects");
    expect(await codeOf(bytes, { maxPages: 0 })).toBe("too-many-pages");
    expect(await codeOf(bytes, { maxOperators: 1 })).toBe("too-complex");
  });

  it("refuses a file that needs a password", async () => {
    // Standard security handler, revision 2, with a user password: the /U entry does not match the
    // empty password, so the file cannot be opened without one.
    const bytes = onePagePdf(helloPage, {
      extra: [{ body: `<< /Filter /Standard /V 1 /R 2 /O <${"00".repeat(32)}> /U <${"11".repeat(32)}> /P -4 >>` }],
    });
    const withEncrypt = new TextDecoder("latin1")
      .decode(bytes)
      .replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
      );
    expect(await codeOf(Uint8Array.from(withEncrypt, (character) => character.charCodeAt(0)))).toBe("encrypted");
  });
});
