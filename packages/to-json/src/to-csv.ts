import { type Cell, type Report, reportRowsOf, tableIds } from "@gongkai/core";

/** Quote a CSV field when it needs it (RFC 4180): commas, quotes, line breaks. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * What a cell is, as the `state` column of {@link toCsv} names it: the model's kind (`number`,
 * `blank`, `notApplicable`, `unread`), and `inferred` for a number chosen by `resolveRunTogether`
 * rather than read.
 */
export type CellCsvState = Cell["kind"] | "inferred";

/** The `state` of a cell (see {@link CellCsvState}). */
export function cellCsvState(cell: Cell): CellCsvState {
  return cell.kind === "number" && cell.inferred !== undefined ? "inferred" : cell.kind;
}

/**
 * The `value` of a cell: the number (inferred ones included); `n/a` for not applicable; empty for
 * a blank cell and for an unread one, whose `state` says which.
 */
function cellCsvValue(cell: Cell): string {
  if (cell.kind === "number") return String(cell.value);
  return cell.kind === "notApplicable" ? "n/a" : "";
}

/**
 * The columns of {@link cellCsvRows} and {@link toCsv}, in order: the six of the first release
 * (`table,row,column,value,raw,source`), then `state`.
 */
export const cellCsvColumns = ["table", "row", "column", "value", "raw", "source", "state"] as const;

/**
 * Every table cell of a report as CSV fields (see {@link cellCsvColumns}), in the edition's
 * printed order. Codes are the model's (`art20_1.regulations`, `litigationDirect`,
 * `unfinished`); `value` is the number, `n/a` for not applicable, and empty for a blank or unread
 * cell; `raw` is the text as the source had it; a group printed as one row (`reportRowsOf`) is
 * listed under the group's code before its items; `source` is `line:column`; `state` is
 * {@link cellCsvState}.
 */
export function cellCsvRows(report: Report): string[][] {
  const lines: string[][] = [];
  for (const table of tableIds) {
    const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
    if (!rows) continue;
    for (const row of reportRowsOf(report, table)) {
      for (const column of row.columns) {
        const cell = rows[row.key]?.[column.key];
        if (!cell) continue;
        const source = cell.source ? `${cell.source.line}:${cell.source.column}` : "";
        lines.push([table, row.key, column.key, cellCsvValue(cell), cell.raw ?? "", source, cellCsvState(cell)]);
      }
    }
  }
  return lines;
}

/**
 * Every table cell as one CSV line (RFC 4180, CRLF line ends) under a header line: the
 * {@link cellCsvColumns}, from {@link cellCsvRows}. The same text in a browser and in Node
 * (`gongkai import --format csv`, the audit's `cells.csv`, the checker's download).
 *
 * @example
 * toCsv(report).split("\r\n")[0] // "table,row,column,value,raw,source,state"
 */
export function toCsv(report: Report): string {
  const lines = [cellCsvColumns.join(",")];
  for (const fields of cellCsvRows(report)) lines.push(fields.map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
