import type { Report } from "@gongkai/core";
import { escapeHtml } from "./escape";
import { defaultClassPrefix, resolveOptions, type ToHtmlPageOptions } from "./options";
import { cssFor } from "./styles";
import { fragmentLines, reportTitle } from "./to-html";

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
 *
 * @throws {ReportValidationError} when `validate` is on (the default) and the report is invalid.
 * @throws {ToHtmlOptionsError} when an option is unusable.
 * @example
 * await writeFile("report.html", toHtmlPage(report));
 */
export function toHtmlPage(report: Report, options: ToHtmlPageOptions = {}): string {
  const resolved = resolveOptions(options);
  const fragment = fragmentLines(report, resolved);
  const title = options.pageTitle ?? reportTitle(report);
  const body = `.${resolved.classPrefix}page{max-width:210mm;margin:0 auto;padding:16px;box-sizing:border-box;}`;
  const printBody = `@media print{.${resolved.classPrefix}page{max-width:none;margin:0;padding:0;}}`;
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="@gongkai/to-html">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${toHtmlCss({ classPrefix: resolved.classPrefix })}\n${body}\n${printBody}\n</style>`,
    "</head>",
    `<body class="${resolved.classPrefix}page">`,
    ...fragment,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
