import { cellPointer } from "../authoring/cells";
import type { CellReference, DiagnosticLocation, LocalizedText } from "../diagnostics/diagnostic";
import { getTableDefinition, type RowDefinition, type TableDefinition, type TableId } from "../editions/editions";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";

/** One cell as a rule read it: its codes and the cell (undefined when the row or column is missing). */
export interface ReadCell {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  readonly cell: Cell | undefined;
}

/** Read a cell of a report by its codes. */
export function readCell(report: Report, table: TableId, row: string, column: string): ReadCell {
  const rows = report.tables[table]?.rows as
    | Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>
    | undefined;
  return { table, row, column, cell: rows?.[row]?.[column] };
}

const pointerCache = new Map<string, Map<string, string>>();

/** A cell's JSON pointer (from `cellPointer`), cached by table+row and column: findings list many cells. */
function pointerOf(table: TableId, row: string, column: string): string {
  const rowKey = `${table}/${row}`;
  let columns = pointerCache.get(rowKey);
  if (!columns) {
    columns = new Map();
    if (pointerCache.size < 1000) pointerCache.set(rowKey, columns);
  }
  let pointer = columns.get(column);
  if (pointer === undefined) {
    pointer = cellPointer({ table, row, column });
    if (columns.size < 100) columns.set(column, pointer);
  }
  return pointer;
}

/** The reference a diagnostic lists a cell by (built only when a finding is made). */
export function referenceOf(read: ReadCell): CellReference {
  const { table, row, column, cell } = read;
  const value: CellReference["value"] =
    cell?.kind === "number" ? cell.value : cell?.kind === "notApplicable" ? "notApplicable" : "blank";
  return {
    table,
    row,
    column,
    pointer: pointerOf(table, row, column),
    value,
    ...(cell?.source === undefined ? {} : { source: cell.source }),
  };
}

/** The number a cell holds, or undefined for blank, not applicable or missing. */
export function numberOf(read: ReadCell): number | undefined {
  return read.cell?.kind === "number" ? read.cell.value : undefined;
}

/** Whether a cell holds no number (blank, `/`, or missing). */
export function isEmpty(read: ReadCell): boolean {
  return read.cell?.kind !== "number";
}

/** The location of a finding about one cell. */
export function cellLocation(read: ReadCell): DiagnosticLocation {
  const { table, row, column, cell } = read;
  return {
    table,
    row,
    column,
    pointer: pointerOf(table, row, column),
    ...(cell?.source === undefined ? {} : { source: cell.source }),
  };
}

/** What a diagnostic's `actual` is for a cell: its number, null for blank, `notApplicable` for `/`. */
export function actualOf(read: ReadCell): number | string | null {
  const cell = read.cell;
  return cell?.kind === "number" ? cell.value : cell?.kind === "notApplicable" ? "notApplicable" : null;
}

/** A cell's value as a message shows it. */
export function showValue(read: ReadCell): LocalizedText {
  if (read.cell?.kind === "number") return { zh: String(read.cell.value), en: String(read.cell.value) };
  if (read.cell?.kind === "notApplicable") return { zh: "“/”", en: '"/"' };
  return { zh: "空白", en: "blank" };
}

const rowMaps = new Map<TableDefinition, Map<string, RowDefinition>>();

function rowDefinitions(report: Report, table: TableId): Map<string, RowDefinition> {
  const definition = getTableDefinition(report.edition, table);
  let rows = rowMaps.get(definition);
  if (!rows) {
    rows = new Map(definition.rows.map((row) => [row.key, row]));
    rowMaps.set(definition, rows);
  }
  return rows;
}

/** A row's printed label, with its group where the label alone is ambiguous (e.g. `（三）不予公开 1.属于国家秘密`). */
export function rowLabel(report: Report, table: TableId, row: string): LocalizedText {
  const definition = rowDefinitions(report, table).get(row);
  if (!definition) return { zh: row, en: row };
  const group = definition.groups.at(-1);
  const needsGroup = group !== undefined && (table !== "table3" || /^\d/.test(definition.label));
  if (!needsGroup) return { zh: definition.label, en: definition.en };
  return { zh: `${group.label}${definition.label}`, en: `${group.en} › ${definition.en}` };
}

/** A column's printed label, with its header group below 申请人情况 (e.g. `法人或其他组织（商业企业）`). */
export function columnLabel(report: Report, table: TableId, column: string): LocalizedText {
  for (const row of getTableDefinition(report.edition, table).rows) {
    const definition = row.columns.find((candidate) => candidate.key === column);
    if (!definition) continue;
    const group = table === "table3" ? definition.groups[1] : undefined;
    if (!group) return { zh: definition.label, en: definition.en };
    return { zh: `${group.label}（${definition.label}）`, en: `${group.en} (${definition.en})` };
  }
  return { zh: column, en: column };
}
