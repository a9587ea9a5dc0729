/** Title words that are not part of an agency's name (longest first). */
const titleWords = [
  "政府信息公开工作年度报告",
  "政府信息公开年度报告",
  "政府信息公开工作报告",
  "信息公开工作年度报告",
  "年度报告",
  "工作报告",
];

/**
 * An agency name reduced to what identifies the agency, for comparing two reports' agencies and
 * grouping a series: full-width forms made half-width (NFKC), brackets of any style and all
 * whitespace dropped (their text kept), a leading 关于 and trailing 的, years (`2020年`, `2020年度`)
 * and title words (政府信息公开工作年度报告, 年度报告, …) removed. `柳州市阳和工业新区（北部生态新区）`
 * and `关于柳州市阳和工业新区(北部生态新区)2020年度政府信息公开工作年度报告` give the same name.
 *
 * @example
 * normalizeAgencyName("上海市人民政府办公厅 ") === normalizeAgencyName("上海市人民政府办公厅2019年") // true
 */
export function normalizeAgencyName(name: string): string {
  let normalized = name.normalize("NFKC").replaceAll(/[\s()[\]{}<>《》【】〔〕〖〗「」『』]/gu, "");
  for (const word of titleWords) normalized = normalized.replaceAll(word, "");
  normalized = normalized.replaceAll(/(?:19|20)\d{2}年度?/gu, "");
  if (normalized.startsWith("关于")) normalized = normalized.slice(2);
  while (normalized.endsWith("的")) normalized = normalized.slice(0, -1);
  return normalized;
}
