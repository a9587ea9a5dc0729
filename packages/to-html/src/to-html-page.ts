import type { Report } from "@gongkai/core";
import { BoundedCache } from "./bounded-cache";
import { ChunkBuffer } from "./chunk-buffer";
import { escapeHtml } from "./escape";
import { defaultClassPrefix, resolveOptions, type ToHtmlPageOptions } from "./options";
import { cssFor } from "./styles";
import { fragmentChunks, type RenderContext, renderInput, reportTitle } from "./to-html";

/** Options for `toHtmlCss`. */
export interface ToHtmlCssOptions {
  /** The class prefix the fragment was rendered with. Default `gongkai-`. */
  readonly classPrefix?: string;
  /** Add the print rules (A4 page, margins, table rows kept whole). Default `true`. */
  readonly print?: boolean;
}

/** A4 page margins used by the print CSS: top/bottom 20 mm, left/right 18 mm (174 mm text width). */
const pageMargin = "20mm 18mm";

/**
 * The CSS for a fragment rendered with `classPrefix`: every rule is scoped to a `<prefix>…`
 * class, so it styles nothing else on the host page. With `print` (default), also `@page` (A4,
 * 20 mm × 18 mm margins) and print rules that keep table rows whole and repeat table headers.
 *
 * @throws {ToHtmlOptionsError} when the class prefix is unusable.
 */
export function toHtmlCss(options: ToHtmlCssOptions = {}): string {
  const { classPrefix } = resolveOptions({ classPrefix: options.classPrefix ?? defaultClassPrefix });
  const p = `.${classPrefix}`;
  const rules = [cssFor(classPrefix)];
  if (options.print ?? true) {
    rules.push(
      `@page{size:A4;margin:${pageMargin};}`,
      "@media print{" +
        `${p}report{font-size:10.5pt;}` +
        `${p}table{font-size:9pt;width:100%;}` +
        `${p}table thead{display:table-header-group;}` +
        `${p}table tr{break-inside:avoid;page-break-inside:avoid;}` +
        `${p}part-heading,${p}caption{break-after:avoid;page-break-after:avoid;}` +
        `${p}has-error,${p}has-warning{-webkit-print-color-adjust:exact;print-color-adjust:exact;}` +
        "}",
    );
  }
  return rules.join("\n");
}

/**
 * Render a report as a complete, standalone HTML page: `<!doctype html>`, `lang="zh-CN"`, UTF-8,
 * the fragment of `toHtml` in the body and its CSS (screen and A4 print) in a `<style>` element.
 * The page is {@link toHtmlPageChunks} joined.
 *
 * @throws {ReportValidationError} when `validate` is on (the default) and the report is invalid.
 * @throws {ToHtmlOptionsError} when an option is unusable.
 * @example
 * await writeFile("report.html", toHtmlPage(report));
 */
export function toHtmlPage(report: Report, options: ToHtmlPageOptions = {}): string {
  return [...toHtmlPageChunks(report, options)].join("");
}

/**
 * The page of {@link toHtmlPage} in chunks, in order, each at most 16,384 UTF-16 code units:
 * joined, they are `toHtmlPage`'s string, character for character. For writing a page to a file
 * or a stream without making one large string (a page with a full table 三 is over 150,000
 * units); a chunk never ends inside a surrogate pair, so each can be encoded as UTF-8 on its own.
 * The report is validated and the options are checked when this is called; the page is rendered
 * as the chunks are read, a part at a time, each time the iterable is iterated. Runs in the
 * browser as in Node.
 *
 * @throws {ReportValidationError} when `validate` is on (the default) and the report is invalid.
 * @throws {ToHtmlOptionsError} when an option is unusable.
 * @example
 * // Node: one chunk at a time into a file
 * await pipeline(Readable.from(toHtmlPageChunks(report)), createWriteStream("report.html"));
 * // Browser: a download without one large string
 * const blob = new Blob([...toHtmlPageChunks(report)], { type: "text/html" });
 */
export function toHtmlPageChunks(report: Report, options: ToHtmlPageOptions = {}): Iterable<string> {
  // Validated before the title is read: an invalid report throws ReportValidationError, not a TypeError.
  const input = renderInput(report, resolveOptions(options));
  const title = options.pageTitle ?? reportTitle(report);
  // A buffer of its own for each iteration: the page is rendered again each time.
  return { [Symbol.iterator]: () => pageChunks({ ...input, out: new ChunkBuffer() }, title) };
}

const pageStyles = new BoundedCache<string>(64);

/** The page's `<style>` element for a class prefix, made once a prefix. */
function pageStyle(classPrefix: string): string {
  return pageStyles.get(classPrefix, () => {
    const body = `.${classPrefix}page{max-width:210mm;margin:0 auto;padding:16px;box-sizing:border-box;}`;
    const printBody = `@media print{.${classPrefix}page{max-width:none;margin:0;padding:0;}}`;
    return `<style>\n${toHtmlCss({ classPrefix })}\n${body}\n${printBody}\n</style>`;
  });
}

function* pageChunks(context: RenderContext, title: string): Generator<string, void, undefined> {
  const { classPrefix } = context.options;
  context.out.add(
    [
      "<!doctype html>",
      '<html lang="zh-CN">',
      "<head>",
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="@gongkai/to-html">',
      `<title>${escapeHtml(title)}</title>`,
      pageStyle(classPrefix),
      "</head>",
      `<body class="${classPrefix}page">`,
      "",
    ].join("\n"),
  );
  yield* fragmentChunks(context);
  context.out.add("\n</body>\n</html>\n");
  yield* context.out.finish();
}
