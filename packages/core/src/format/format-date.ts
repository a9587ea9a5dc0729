/**
 * A date written `YYYY-MM-DD` (an ISO date, or the date part of a date-time) as a reader of
 * `language` writes it: in Chinese `2021年2月9日` (Arabic numerals, no leading zeros, as GB/T 9704
 * prints 成文日期), in English the ISO date `2021-02-09`. Text that does not start with such a date
 * is returned as it is.
 *
 * @example
 * formatDate("2021-02-09", "zh") // "2021年2月9日"
 * formatDate("2021-02-09", "en") // "2021-02-09"
 */
export function formatDate(iso: string, language: "zh" | "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/.exec(iso);
  if (!match) return iso;
  if (language === "en") return `${match[1]}-${match[2]}-${match[3]}`;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}
