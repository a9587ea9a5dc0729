import type { TableId } from "../editions/editions";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";
import { round, sum } from "./arithmetic";
import { type EditionCell, type ReportArithmetic, reportArithmetic } from "./report-arithmetic";
import { type ReadCell, readCell } from "./table-cells";

/** A table's rows as loose records, for fast reads in the rules' hot loops. */
export type LooseRows = Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>;

/** The rows of a table, or undefined when the report lacks it. */
export function tableRows(report: Report, table: TableId): LooseRows | undefined {
  return report.tables[table]?.rows as LooseRows | undefined;
}

/** The cell at table/row/column as the report's relations see it; undefined when no relation reads it. */
function editionCell(
  arithmetic: ReportArithmetic,
  table: TableId,
  row: string,
  column: string,
): EditionCell | undefined {
  return arithmetic.cells.get(table)?.get(row)?.get(column);
}

/**
 * A cell's value where the importer could not read it (the cell itself, or a part a blank total
 * is computed from): unknown, so no relation that reads it is evaluated.
 */
export const unreadValue = "unread";

/**
 * What a cell means to every rule (the one meaning of a cell, shared by all of them):
 * - a number is its value;
 * - a blank derived cell (a total the edition's sum relations compute) is the sum of its parts,
 *   themselves read the same way, under the first relation (edition order) one of whose parts
 *   holds a number or is unread; `undefined` when no part holds a number;
 * - any other blank, `/`, or a missing cell is `undefined` (a relation counts it as 0);
 * - an unread cell, or a blank total computed from one, is {@link unreadValue}.
 */
export type CellMeaning = number | typeof unreadValue | undefined;

/** What a cell says under {@link CellMeaning}, with every cell read to say it. */
export interface EffectiveValue {
  /** The value: a number, `unread`, or undefined when neither the cell nor its parts hold a number. */
  readonly value: CellMeaning;
  /** Whether the value was computed from parts because the total was blank. */
  readonly computed: boolean;
  /** Every cell read. */
  readonly cells: readonly ReadCell[];
}

function effectiveValueOf(report: Report, cell: EditionCell, depth: number): EffectiveValue {
  const { table, row, column } = cell;
  const read = readCell(report, table, row, column);
  const kind = read.cell?.kind;
  if (kind === "unread") return { value: unreadValue, computed: false, cells: [read] };
  if (kind === "number")
    return { value: (read.cell as Extract<Cell, { kind: "number" }>).value, computed: false, cells: [read] };
  if (kind !== "blank" || depth > 4) return { value: undefined, computed: false, cells: [read] };
  for (const { parts: partCells } of cell.computedBy) {
    const parts: EffectiveValue[] = [];
    const numbers: number[] = [];
    let unread = false;
    for (const part of partCells) {
      const value = effectiveValueOf(report, part, depth + 1);
      parts.push(value);
      if (value.value === unreadValue) unread = true;
      else if (value.value !== undefined) numbers.push(value.value);
    }
    if (numbers.length === 0 && !unread) continue;
    const cells = [read];
    for (const part of parts) cells.push(...part.cells);
    return { value: unread ? unreadValue : sum(numbers), computed: true, cells };
  }
  return { value: undefined, computed: false, cells: [read] };
}

/**
 * The value of a cell under {@link CellMeaning}, with the cells read to find it (for findings'
 * lists of contributing cells and for coverage). Agrees with {@link effectiveNumber} on every cell.
 * `arithmetic` is the report's (`reportArithmetic`), worked out here when not given.
 */
export function effectiveValue(
  report: Report,
  table: TableId,
  row: string,
  column: string,
  arithmetic: ReportArithmetic = reportArithmetic(report),
): EffectiveValue {
  const cell = editionCell(arithmetic, table, row, column);
  if (cell !== undefined) return effectiveValueOf(report, cell, 0);
  // No relation reads this cell: it means what it holds.
  const read = readCell(report, table, row, column);
  const kind = read.cell?.kind;
  const value =
    kind === "number"
      ? (read.cell as Extract<Cell, { kind: "number" }>).value
      : kind === "unread"
        ? unreadValue
        : undefined;
  return { value, computed: false, cells: [read] };
}

/**
 * {@link CellMeaning} of an edition cell read in `rows` (its table's rows), without allocating:
 * the rules' hot loops read every term through this.
 */
export function cellMeaning(rows: LooseRows, cell: EditionCell): CellMeaning {
  const read = rows[cell.row]?.[cell.column];
  if (read === undefined) return undefined;
  if (read.kind === "number") return read.value;
  if (read.kind === "unread") return unreadValue;
  // Most blanks are no total: nothing to compute.
  return read.kind === "blank" && cell.computedBy.length > 0 ? computedMeaning(rows, cell, 0) : undefined;
}

/** The meaning of a blank total at `depth` (the parts are read inline; only blank totals recurse). */
function computedMeaning(rows: LooseRows, cell: EditionCell, depth: number): CellMeaning {
  for (const { relation, parts } of cell.computedBy) {
    let total = 0;
    let any = false;
    let unread = false;
    // Summed across columns, every part lies in the total's row: look it up once.
    const row = relation.along === "columns" ? rows[cell.row] : undefined;
    if (relation.along === "columns" && row === undefined) continue;
    for (const part of parts) {
      const read = row === undefined ? rows[part.row]?.[part.column] : row[part.column];
      if (read === undefined) continue;
      if (read.kind === "number") {
        total += read.value;
        any = true;
      } else if (read.kind === "unread") {
        unread = true;
      } else if (read.kind === "blank" && part.computedBy.length > 0 && depth < 4) {
        const value = computedMeaning(rows, part, depth + 1);
        if (value === unreadValue) unread = true;
        else if (value !== undefined) {
          total += value;
          any = true;
        }
      }
    }
    if (unread) return unreadValue;
    if (any) return round(total);
  }
  return undefined;
}

/** {@link effectiveValue}'s value alone, read without allocating (see {@link CellMeaning}). */
export function effectiveNumber(
  report: Report,
  table: TableId,
  row: string,
  column: string,
  arithmetic: ReportArithmetic = reportArithmetic(report),
): CellMeaning {
  const rows = tableRows(report, table);
  if (rows === undefined) return undefined;
  const cell = editionCell(arithmetic, table, row, column);
  if (cell !== undefined) return cellMeaning(rows, cell);
  const read = rows[row]?.[column];
  return read?.kind === "number" ? read.value : read?.kind === "unread" ? unreadValue : undefined;
}

/**
 * The cells a blank total is computed from (its direct parts under the relation
 * {@link effectiveValue} computes it with), for a finding's list of contributing cells; empty when
 * it is not computed.
 */
export function directParts(
  report: Report,
  table: TableId,
  row: string,
  column: string,
  arithmetic: ReportArithmetic = reportArithmetic(report),
): ReadCell[] {
  const rows = tableRows(report, table);
  const cell = editionCell(arithmetic, table, row, column);
  if (rows === undefined || cell === undefined) return [];
  for (const { parts } of cell.computedBy) {
    const reads: ReadCell[] = [];
    let any = false;
    for (const part of parts) {
      reads.push(readCell(report, table, part.row, part.column));
      any ||= cellMeaning(rows, part) !== undefined;
    }
    if (any) return reads;
  }
  return [];
}
