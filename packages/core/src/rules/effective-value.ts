import type { TableId } from "../editions/editions";
import { getSumRelations, type SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { type LooseRows, round, sum } from "./sum-checks";
import { numberOf, type ReadCell, readCell } from "./table-cells";

/** Total cells by table, row and column, each with the sum relations that compute it. */
export type TotalsIndex = Map<string, Map<string, Map<string, SumRelation[]>>>;

const totalsIndexes = new Map<Report["edition"], TotalsIndex>();

/**
 * The sum relations that compute each total cell of an edition, by table, row and column, in
 * edition order, built once per edition so reading a blank total never scans the relations.
 */
export function totalsIndex(edition: Report["edition"]): TotalsIndex {
  let index = totalsIndexes.get(edition);
  if (index) return index;
  index = new Map();
  for (const relation of getSumRelations(edition)) {
    if (relation.total === undefined) continue;
    let rows = index.get(relation.table);
    if (!rows) {
      rows = new Map();
      index.set(relation.table, rows);
    }
    for (const line of relation.lines) {
      const [row, column] = relation.along === "rows" ? [relation.total, line] : [line, relation.total];
      let columns = rows.get(row);
      if (!columns) {
        columns = new Map();
        rows.set(row, columns);
      }
      columns.set(column, [...(columns.get(column) ?? []), relation]);
    }
  }
  totalsIndexes.set(edition, index);
  return index;
}

/** The relations that compute the cell at table/row/column, in edition order. */
function relationsComputing(report: Report, table: TableId, row: string, column: string): readonly SumRelation[] {
  return totalsIndex(report.edition).get(table)?.get(row)?.get(column) ?? noRelations;
}

const noRelations: readonly SumRelation[] = [];

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

/**
 * The value of a cell under {@link CellMeaning}, with the cells read to find it (for findings'
 * lists of contributing cells and for coverage). Agrees with {@link effectiveNumber} on every cell.
 */
export function effectiveValue(report: Report, table: TableId, row: string, column: string, depth = 0): EffectiveValue {
  const read = readCell(report, table, row, column);
  const number = numberOf(read);
  if (read.cell?.kind === "unread") return { value: unreadValue, computed: false, cells: [read] };
  if (number !== undefined || read.cell?.kind !== "blank" || depth > 4) {
    return { value: number, computed: false, cells: [read] };
  }
  for (const relation of relationsComputing(report, table, row, column)) {
    const parts: EffectiveValue[] = [];
    const numbers: number[] = [];
    let unread = false;
    for (const part of relation.right) {
      const value =
        relation.along === "rows"
          ? effectiveValue(report, table, part, column, depth + 1)
          : effectiveValue(report, table, row, part, depth + 1);
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
 * {@link effectiveValue}'s value alone, read without allocating, for the checks' fast paths (see
 * {@link CellMeaning}).
 */
export function effectiveNumber(report: Report, table: TableId, row: string, column: string, depth = 0): CellMeaning {
  const cell = (report.tables[table]?.rows as LooseRows | undefined)?.[row]?.[column];
  if (cell?.kind === "number") return cell.value;
  if (cell?.kind === "unread") return unreadValue;
  if (cell?.kind !== "blank" || depth > 4) return undefined;
  for (const relation of relationsComputing(report, table, row, column)) {
    let total = 0;
    let any = false;
    let unread = false;
    for (const part of relation.right) {
      const value =
        relation.along === "rows"
          ? effectiveNumber(report, table, part, column, depth + 1)
          : effectiveNumber(report, table, row, part, depth + 1);
      if (value === unreadValue) unread = true;
      else if (value !== undefined) {
        total += value;
        any = true;
      }
    }
    if (unread) return unreadValue;
    if (any) return round(total);
  }
  return undefined;
}

/**
 * The cells a blank total is computed from (its direct parts under the relation
 * {@link effectiveValue} computes it with), for a finding's list of contributing cells; empty when
 * it is not computed.
 */
export function directParts(report: Report, table: TableId, row: string, column: string): ReadCell[] {
  for (const relation of relationsComputing(report, table, row, column)) {
    const parts: ReadCell[] = [];
    let any = false;
    for (const part of relation.right) {
      const [partRow, partColumn] = relation.along === "rows" ? [part, column] : [row, part];
      parts.push(readCell(report, table, partRow, partColumn));
      any ||= effectiveNumber(report, table, partRow, partColumn) !== undefined;
    }
    if (any) return parts;
  }
  return [];
}
