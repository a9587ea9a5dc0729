// The one place the audit normalizes agency names for series grouping. To be replaced by core's
// `normalizeAgencyName` (issue 7) once that lands on main.

/** Bracketed asides: （本级）, (市政务公开办), 【…】, 〔…〕, […]. */
const brackets = /[(（[【〔［][^()（）[\]【】〔〕［］]*[)）\]】〕］]/g;
const reportTitle =
  /(?:政府信息公开工作年度报告|政府信息公开年度报告|政府信息公开工作报告|信息公开年度报告|年度报告|工作报告)$/;
const yearWords = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?/g;

/**
 * The key that groups one agency's reports across years: the name in NFKC form (full-width
 * letters, digits and brackets made half-width), without spaces, bracketed asides, a leading
 * 关于 with its 的, years (2023年, 二〇二三年度) and the report title's words. Different agencies
 * keep different keys: nothing but those words is dropped. A report without an agency name has
 * the key `""` and belongs to no series.
 *
 * @example
 * agencyKey("关于2023年度 某市财政局（本级）的政府信息公开工作年度报告") // "某市财政局"
 */
export function agencyKey(name: string): string {
  let key = name.normalize("NFKC").replace(/\s+/g, "");
  key = key.replace(brackets, "").replace(brackets, "");
  key = key.replace(yearWords, "");
  key = key.replace(/^关于/, "");
  for (let previous = ""; previous !== key; ) {
    previous = key;
    key = key.replace(reportTitle, "").replace(/的$/, "");
  }
  return key;
}
