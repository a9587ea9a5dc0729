import { type RecognizeOptions, type RecognizeResult, recognize } from "@gongkai/recognize";
import { type PdfOptions, pdfToBlocks } from "./pdf-to-blocks";

/** Options for {@link fromPdf}: the recognizer's options and the reader's limits. */
export interface FromPdfOptions extends RecognizeOptions, PdfOptions {}

/**
 * Import a 政府信息公开工作年度报告 from a PDF with a text layer: {@link pdfToBlocks}, then the
 * recognizer. Every value keeps its page and box in its source position. The result's
 * diagnostics are the reader's (`import/no-text-layer`, `import/encoding`) and the recognizer's
 * `import/*` findings; run `check()` from `@gongkai/core` on the report for the format's rules.
 *
 * @param bytes - the PDF file.
 * @param options - `sourceUrl`/`fileName` for the report's metadata, and the reader's limits.
 * @throws {PdfReadError} when the file cannot be read (not a PDF, encrypted, corrupt, truncated, over a limit).
 * @throws `NotAReportError` (from `@gongkai/recognize`) when the document holds nothing that identifies a report.
 * @example
 * const { report, diagnostics } = await fromPdf(bytes, { fileName: "2024年报.pdf" });
 */
export async function fromPdf(bytes: Uint8Array, options: FromPdfOptions = {}): Promise<RecognizeResult> {
  const document = await pdfToBlocks(bytes, options);
  const recognizeOptions: RecognizeOptions = {
    ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
  };
  return recognize(document, recognizeOptions);
}
