import { type Cell, getTableDefinition, type Report, tableIds } from "@gongkai/core";

// The same CSV as `gongkai import --format csv` (the CLI's reportToCsv, which is not exported
// for browsers); the browser test compares the two byte for byte on the seed.

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cellValueText(cell: Cell): string {
  if (cell.kind === "number") return String(cell.value);
  if (cell.kind === "notApplicable") return "n/a";
  return cell.kind === "unread" ? "unread" : "";
}

/** Every table cell as one CSV line (`table,row,column,value,raw,source`), in printed order. */
export function cellsCsv(report: Report): string {
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
