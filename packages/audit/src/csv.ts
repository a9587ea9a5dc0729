import { type Cell, type Diagnostic, getTableDefinition, type Report, tableIds } from "@gongkai/core";

/** Quote a CSV field when it needs it (RFC 4180): commas, quotes, line breaks. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (RFC 4180, CRLF end) from its fields. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function cellValueText(cell: Cell): string {
  if (cell.kind === "number") return String(cell.value);
  if (cell.kind === "notApplicable") return "n/a";
  return cell.kind === "unread" ? "unread" : "";
}

/** The columns of {@link reportCellRows}. */
export const cellColumns = ["table", "row", "column", "value", "raw", "source"] as const;

/**
 * Every table cell of a report as CSV fields, in the edition's printed order: `table, row,
 * column, value, raw, source`. `value` is the number, empty for a blank cell, `n/a` for not
 * applicable and `unread` for a cell the importer could not read; `raw` is the text as the
 * source had it; `source` is `line:column`.
 */
export function reportCellRows(report: Report): string[][] {
  const lines: string[][] = [];
  for (const table of tableIds) {
    const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
    if (!rows) continue;
    for (const row of getTableDefinition(report.edition, table).rows) {
      for (const column of row.columns) {
        const cell = rows[row.key]?.[column.key];
        if (!cell) continue;
        const source = cell.source ? `${cell.source.line}:${cell.source.column}` : "";
        lines.push([table, row.key, column.key, cellValueText(cell), cell.raw ?? "", source]);
      }
    }
  }
  return lines;
}

/** The header of `findings.csv`. */
export const findingsCsvHeader = csvLine([
  "file",
  "agency",
  "year",
  "ruleId",
  "severity",
  "table",
  "row",
  "column",
  "pointer",
  "line",
  "sourceColumn",
  "expected",
  "actual",
  "id",
  "causedBy",
  "message",
]);

/** The header of `cells.csv`. */
export const cellsCsvHeader = csvLine(["file", "agency", "year", ...cellColumns]);

/** `findings.csv` lines for one report's findings. */
export function findingsCsv(file: string, agency: string, year: number, diagnostics: readonly Diagnostic[]): string {
  let text = "";
  for (const diagnostic of diagnostics) {
    const { location } = diagnostic;
    text += csvLine([
      file,
      agency,
      String(year),
      diagnostic.ruleId,
      diagnostic.severity,
      location.table ?? "",
      location.row ?? "",
      location.column ?? "",
      location.pointer,
      location.source ? String(location.source.line) : "",
      location.source ? String(location.source.column) : "",
      diagnostic.expected === undefined ? "" : String(diagnostic.expected),
      diagnostic.actual === undefined || diagnostic.actual === null ? "" : String(diagnostic.actual),
      diagnostic.id ?? "",
      diagnostic.causedBy ?? "",
      diagnostic.message.zh,
    ]);
  }
  return text;
}

/** `cells.csv` lines for one report's cells. */
export function cellsCsv(file: string, agency: string, year: number, report: Report): string {
  let text = "";
  for (const fields of reportCellRows(report)) text += csvLine([file, agency, String(year), ...fields]);
  return text;
}
