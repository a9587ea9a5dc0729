import { type MessageDataOf, type Report, safeParseReport } from "@gongkai/core";
import {
  type BlockDocument,
  importDiagnostic,
  type RecognizeOptions,
  type RecognizeResult,
  recognize,
} from "@gongkai/recognize";
import { type HtmlOptions, htmlText, quickEmbeddedReport, readHtml } from "./html-to-blocks";

/** Options for {@link fromHtml}: how to read the page, and what the recognizer should know. */
export interface FromHtmlOptions extends RecognizeOptions, HtmlOptions {}

/** Why a page's embedded gongkai report data cannot be used (the `import/embedded-report-invalid` finding's data). */
type EmbeddedReportProblem = MessageDataOf<"import/embedded-report-invalid">;

/** The embedded report, or why it cannot be used. */
function parseEmbeddedReport(text: string): { readonly report: Report } | { readonly reason: EmbeddedReportProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { reason: { kind: "json", detail } };
  }
  const result = safeParseReport(data);
  if (result.success) return { report: result.report };
  const problems = result.error.problems
    .slice(0, 3)
    .map((problem) => `${problem.pointer || "/"}: ${problem.message}`)
    .join("; ");
  return { reason: { kind: "schema", problems } };
}

/**
 * Import a 政府信息公开工作年度报告 from an HTML page: {@link htmlToBlocks}, then `recognize()`.
 *
 * A page rendered by `@gongkai/to-html` embeds its report as
 * `<script type="application/json" data-gongkai-report>`; that report is returned exactly, with no
 * diagnostics. If the embedded data is not a valid report, the markup is recognized instead and an
 * `import/embedded-report-invalid` warning says why.
 *
 * @returns the report and the importer's findings (`import/*`); run core's `check()` for the rest.
 * @throws {HtmlLimitError} when the input is longer than `maxInputLength`, or would make the parser create more than `maxElements` elements.
 * @throws {NotAReportError} (from `@gongkai/recognize`) when nothing in the page identifies a report.
 * @example
 * const { report, diagnostics } = fromHtml(bytes, { sourceUrl: "https://www.example.gov.cn/2024/nb.html" });
 */
export function fromHtml(input: string | Uint8Array, options: FromHtmlOptions = {}): RecognizeResult {
  const { sourceUrl, fileName, ...htmlOptions } = options;
  const source = htmlText(input, htmlOptions);
  // A page that embeds a valid report (every page to-html writes) needs no blocks: find its data
  // the quick way first. Anything else (no data, invalid data, a page too odd to be sure about)
  // is read in full below, which finds the same data again and says what is wrong with it.
  const quick = quickEmbeddedReport(source, htmlOptions);
  if (quick !== undefined) {
    const embedded = parseEmbeddedReport(quick);
    if ("report" in embedded) return { report: embedded.report, diagnostics: [] };
  }
  const reading = readHtml(source, htmlOptions);
  let document: BlockDocument = reading.document;
  if (reading.embeddedReport) {
    const embedded = parseEmbeddedReport(reading.embeddedReport.text);
    if ("report" in embedded) return { report: embedded.report, diagnostics: [] };
    document = {
      ...document,
      diagnostics: [
        importDiagnostic("import/embedded-report-invalid", embedded.reason, reading.embeddedReport.source),
        ...(document.diagnostics ?? []),
      ],
    };
  }
  const recognizeOptions: RecognizeOptions = {
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    ...(fileName === undefined ? {} : { fileName }),
  };
  return recognize(document, recognizeOptions);
}
