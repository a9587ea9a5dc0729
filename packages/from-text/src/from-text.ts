import { type RecognizeOptions, type RecognizeResult, recognize } from "@gongkai/recognize";
import { textToBlocks } from "./text-to-blocks";

/**
 * Import a report from flattened text: decode (bytes as UTF-8, a leading BOM stripped), parse
 * into a block document with {@link textToBlocks}, and recognize it.
 *
 * @throws {NotAReportError} (from `@gongkai/recognize`) when the text holds nothing that
 * identifies a report.
 * @example
 * const { report, diagnostics } = fromText(readFileSync("report.txt"), { fileName: "report.txt" });
 */
export function fromText(input: string | Uint8Array, options: RecognizeOptions = {}): RecognizeResult {
  // A BOM is kept in the text (read as whitespace) so that columns on line 1 stay those of the input.
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);
  return recognize({ ...textToBlocks(text), exactTextPositions: true }, options);
}
