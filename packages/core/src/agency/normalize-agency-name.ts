/** Bracketed asides: （本级）, (北部生态新区), 【市本级】, 〔…〕, […]. */
const bracketedAside = /[(（[【〔［〖][^()（）[\]【】〔〕［］〖〗]*[)）\]】〕］〗]/gu;

/** Title words that are not part of an agency's name, at the end of a title. */
const reportTitle =
  /(?:政府信息公开工作年度报告|政府信息公开年度报告|政府信息公开工作报告|信息公开工作年度报告|信息公开年度报告|年度报告|工作报告)$/u;

/** Years as printed in titles: 2020年, 2020年度, 二〇二一年度. */
const yearWords = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?/gu;

/**
 * An agency name reduced to what identifies the agency, for comparing two reports' agencies
 * (`cross-year/prior-mismatch`) and grouping one agency's reports into a series (the audit): the
 * name in NFKC form (full-width letters, digits and brackets made half-width), without
 * whitespace, bracketed asides (（本级）, (北部生态新区), 【市本级】), years (2023年, 二〇二三年度), a
 * leading 关于 with its 的, and the report title's words. Nothing else is dropped, so different
 * agencies keep different names (某市财政局, 某县财政局, 某市财政局某区分局). A title without an
 * agency gives `""`.
 *
 * @example
 * normalizeAgencyName("关于2023年度 某市财政局（本级）的政府信息公开工作年度报告") // "某市财政局"
 */
export function normalizeAgencyName(name: string): string {
  let normalized = name.normalize("NFKC").replace(/\s+/gu, "");
  normalized = normalized.replace(bracketedAside, "").replace(bracketedAside, "");
  normalized = normalized.replace(yearWords, "");
  normalized = normalized.replace(/^关于/u, "");
  for (let previous = ""; previous !== normalized; ) {
    previous = normalized;
    normalized = normalized.replace(reportTitle, "").replace(/的$/u, "");
  }
  return normalized;
}
