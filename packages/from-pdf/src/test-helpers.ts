import { buildPdf, type PdfObject } from "@gongkai/test-reports/build-pdf";

// PDFs written by hand for tests: each object's body in order (object 1 is the catalog), joined
// with a correct cross-reference table by test-reports' plain-JavaScript `buildPdf`, which the
// fuzzer shares.
export { buildPdf, type PdfObject };

const encoder = new TextEncoder();

/** A one-page PDF (A4) whose page draws `content` with Helvetica as /F1 and the given extra resources. */
export function onePagePdf(
  content: string | Uint8Array,
  options: { filter?: string; resources?: string; extra?: PdfObject[] } = {},
): Uint8Array {
  const data = typeof content === "string" ? encoder.encode(content) : content;
  const filter = options.filter ? ` /Filter ${options.filter}` : "";
  return buildPdf([
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
    {
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> ${options.resources ?? ""} >> >>`,
    },
    { body: `<<${filter} >>`, stream: data },
    { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" },
    ...(options.extra ?? []),
  ]);
}

/** UCS-2 code units, as a hex string: what a font encoded with `UniGB-UCS2-H` shows. */
function ucs2(text: string): string {
  return Array.from(text, (character) => character.charCodeAt(0).toString(16).padStart(4, "0")).join("");
}

/**
 * A page in the shape old Word and WPS exports have when SimSun is not embedded: a Type0 font with
 * the predefined CMap UniGB-UCS2-H, an Adobe-GB1 CIDFont, a font descriptor and no font program,
 * no ToUnicode. Only pdf.js's CMap files (UniGB-UCS2-H, Adobe-GB1-UCS2) say what the codes are.
 * Each of `lines` is printed at 16 pt from x = 72, the first at y = 700, then 40 pt lower each.
 */
export function simSunPdf(lines: readonly string[]): Uint8Array {
  const text = lines.map((line, index) => `BT /F1 16 Tf 72 ${700 - 40 * index} Td <${ucs2(line)}> Tj ET`).join("\n");
  return buildPdf([
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
    {
      body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    },
    { body: "<< >>", stream: encoder.encode(text) },
    { body: "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>" },
    {
      body: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
    },
    {
      body: "<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
    },
  ]);
}
