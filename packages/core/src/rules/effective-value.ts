import type { TableId } from "../editions/editions";
import { getSumRelations, type SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { type LooseRows, sum } from "./sum-checks";
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

/** What a cell says, reading a blank total as the sum of its parts. */
export interface EffectiveValue {
  /** The value; undefined when neither the cell nor its parts hold a number. */
  readonly value: number | undefined;
  /** Whether the value was computed from parts because the total was blank. */
  readonly computed: boolean;
  /** Every cell read. */
  readonly cells: readonly ReadCell[];
}

/**
 * The value of a cell; a blank total (per the edition's sum relations) counts as the sum of its
 * parts, themselves read the same way, when any of them holds a number.
 */
export function effectiveValue(report: Report, table: TableId, row: string, column: string, depth = 0): EffectiveValue {
  const read = readCell(report, table, row, column);
  const number = numberOf(read);
  if (number !== undefined || read.cell?.kind !== "blank" || depth > 4) {
    return { value: number, computed: false, cells: [read] };
  }
  for (const relation of relationsComputing(report, table, row, column)) {
    const parts: EffectiveValue[] = [];
    const numbers: number[] = [];
    for (const part of relation.right) {
      const value =
        relation.along === "rows"
          ? effectiveValue(report, table, part, column, depth + 1)
          : effectiveValue(report, table, row, part, depth + 1);
      parts.push(value);
      if (value.value !== undefined) numbers.push(value.value);
    }
    if (numbers.length === 0) continue;
    const cells = [read];
    for (const part of parts) cells.push(...part.cells);
    return { value: sum(numbers), computed: true, cells };
  }
  return { value: undefined, computed: false, cells: [read] };
}

/**
 * {@link effectiveValue}'s number alone, read without allocating, for the checks' fast paths:
 * a blank total counts as the sum of its parts (themselves read the same way) when any part
 * holds a number.
 */
export function effectiveNumber(
  report: Report,
  table: TableId,
  row: string,
  column: string,
  depth = 0,
): number | undefined {
  const cell = (report.tables[table]?.rows as LooseRows | undefined)?.[row]?.[column];
  if (cell?.kind === "number") return cell.value;
  if (cell?.kind !== "blank" || depth > 4) return undefined;
  for (const relation of relationsComputing(report, table, row, column)) {
    let total = 0;
    let any = false;
    for (const part of relation.right) {
      const value =
        relation.along === "rows"
          ? effectiveNumber(report, table, part, column, depth + 1)
          : effectiveNumber(report, table, row, part, depth + 1);
      if (value !== undefined) {
        total += value;
        any = true;
      }
    }
    if (any) return total;
  }
  return undefined;
}

/**
 * The cells a blank total is computed from (its direct parts under the first sum relation that
 * yields a number), for a finding's list of contributing cells; empty when it is not computed.
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
