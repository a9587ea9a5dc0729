import { type Cell, getTableDefinition, type Report, tableIds } from "@gongkai/core";

/** Quote a CSV field when it needs it (RFC 4180): commas, quotes, line breaks. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cellValueText(cell: Cell): string {
  if (cell.kind === "number") return String(cell.value);
  return cell.kind === "notApplicable" ? "n/a" : "";
}

/**
 * Every table cell as one CSV line (RFC 4180, CRLF line ends), in the edition's printed order:
 * `table,row,column,value,raw,source`. Codes are the model's (`art20_1.regulations`,
 * `litigationDirect`, `unfinished`); `value` is the number, empty for a blank cell and `n/a` for
 * not applicable; `raw` is the text as the source had it; `source` is `line:column`.
 */
export function reportToCsv(report: Report): string {
  const lines = ["table,row,column,value,raw,source"];
  for (const table of tableIds) {
    const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
    if (!rows) continue;
    for (const row of getTableDefinition(report.edition, table).rows) {
      for (const column of row.columns) {
        const cell = rows[row.key]?.[column.key];
        if (!cell) continue;
        const source = cell.source ? `${cell.source.line}:${cell.source.column}` : "";
        lines.push([table, row.key, column.key, cellValueText(cell), cell.raw ?? "", source].map(csvField).join(","));
      }
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
