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
