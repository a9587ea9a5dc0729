import { type RecognizeOptions, type RecognizeResult, recognize } from "@gongkai/recognize";
import { type DocxOptions, docxToBlocks } from "./docx-to-blocks";

/** Options for {@link fromDocx}: the recognizer's options and the reader's limits. */
export interface FromDocxOptions extends RecognizeOptions, DocxOptions {}

/**
 * Import a 政府信息公开工作年度报告 from a Word (.docx) file: {@link docxToBlocks}, then the
 * recognizer. The result's diagnostics are the reader's and the recognizer's `import/*` findings;
 * run `check()` from `@gongkai/core` on the report for the format's rules.
 *
 * @param bytes - the .docx file.
 * @param options - `sourceUrl`/`fileName` for the report's metadata, and the reader's limits.
 * @throws {DocxReadError} when the file cannot be read.
 * @throws `NotAReportError` (from `@gongkai/recognize`) when the document holds nothing that identifies a report.
 * @example
 * const { report, diagnostics } = fromDocx(bytes, { fileName: "2024年报.docx" });
 */
export function fromDocx(bytes: Uint8Array, options: FromDocxOptions = {}): RecognizeResult {
  const document = docxToBlocks(bytes, options);
  const recognizeOptions: { sourceUrl?: string; fileName?: string } = {};
  if (options.sourceUrl !== undefined) recognizeOptions.sourceUrl = options.sourceUrl;
  if (options.fileName !== undefined) recognizeOptions.fileName = options.fileName;
  return recognize(document, recognizeOptions);
}
