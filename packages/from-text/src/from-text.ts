import { decodeText, type RecognizeOptions, type RecognizeResult, recognize } from "@gongkai/recognize";
import { textToBlocks } from "./text-to-blocks";

/**
 * Import a report from flattened text: decode bytes (by their BOM, else UTF-16 told by its zero
 * bytes, UTF-8, or GB18030 when they are not UTF-8, with an `import/encoding` finding for a
 * guess or undecodable bytes: `@gongkai/recognize`'s `decodeText`), parse into a block document
 * with {@link textToBlocks}, and recognize it.
 *
 * @throws {NotAReportError} (from `@gongkai/recognize`) when the text holds nothing that
 * identifies a report.
 * @example
 * const { report, diagnostics } = fromText(readFileSync("report.txt"), { fileName: "report.txt" });
 */
export function fromText(input: string | Uint8Array, options: RecognizeOptions = {}): RecognizeResult {
  // A BOM is kept in the text (read as whitespace) so that columns on line 1 stay those of the input.
  const decoded = typeof input === "string" ? undefined : decodeText(input, { keepByteOrderMark: true });
  const document = textToBlocks(decoded?.text ?? (input as string));
  const diagnostics = [...(decoded?.diagnostics ?? []), ...(document.diagnostics ?? [])];
  return recognize(
    { ...document, ...(diagnostics.length > 0 ? { diagnostics } : {}), exactTextPositions: true },
    options,
  );
}
