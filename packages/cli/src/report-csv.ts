import { cellColumns, csvField, reportCellRows } from "@gongkai/audit";
import type { Report } from "@gongkai/core";

export { csvField };

/**
 * Every table cell as one CSV line (RFC 4180, CRLF line ends), in the edition's printed order:
 * `table,row,column,value,raw,source` (the audit's `cells.csv` columns, from `reportCellRows`).
 * Codes are the model's (`art20_1.regulations`, `litigationDirect`, `unfinished`); `value` is the
 * number, empty for a blank cell, `n/a` for not applicable and `unread` for an unread cell; `raw`
 * is the text as the source had it; `source` is `line:column`.
 */
export function reportToCsv(report: Report): string {
  const lines = [cellColumns.join(",")];
  for (const fields of reportCellRows(report)) lines.push(fields.map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
