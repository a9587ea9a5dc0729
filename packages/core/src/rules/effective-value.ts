import type { TableId } from "../editions/editions";
import { relationAddress, reportSumRelations, type SumRelation } from "../editions/sum-relations";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";
import { round, sum } from "./arithmetic";
import { type ReadCell, readCell } from "./table-cells";

/** A table's rows as loose records, for fast reads in the rules' hot loops. */
export type LooseRows = Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>;

/** The rows of a table, or undefined when the report lacks it. */
export function tableRows(report: Report, table: TableId): LooseRows | undefined {
  return report.tables[table]?.rows as LooseRows | undefined;
}

/**
 * One cell of an edition's table as the sum relations see it: its codes and the relations that
 * compute it (none unless it is a total). Built once per edition, so that reading a blank cell
 * that is no total costs no lookup.
 */
export interface EditionCell {
  /** The table. */
  readonly table: TableId;
  /** The row key. */
  readonly row: string;
  /** The column key. */
  readonly column: string;
  /** The relations computing this cell, in edition order, each with its parts on this cell's line. */
  readonly computedBy: readonly Computation[];
}

/** A relation computing a total cell, with the cells it adds up on that cell's line. */
export interface Computation {
  /** The relation. */
  readonly relation: SumRelation;
  /** Its right side on the total's line, in order. */
  readonly parts: readonly EditionCell[];
}

/** A relation on one line, with the cells of both sides. */
export interface RelationLine {
  /** The line (a column for sums down rows, a row for sums across columns). */
  readonly line: string;
  /** The left side's cells on this line, in order. */
  readonly left: readonly EditionCell[];
  /** The right side's cells on this line, in order. */
  readonly right: readonly EditionCell[];
}

/** The cells of an edition the sum relations read, by table, row and column, and each relation's lines. */
interface EditionCells {
  /** Every cell a relation reads, by table, row and column (totals in the order relations compute them first). */
  readonly cells: Map<TableId, Map<string, Map<string, EditionCell>>>;
  /** The total cells, in edition order: by table, row, then column. */
  readonly totals: readonly EditionCell[];
  /** Each relation's lines. */
  readonly lines: ReadonlyMap<SumRelation, readonly RelationLine[]>;
}

interface MutableEditionCell extends EditionCell {
  readonly computedBy: Computation[];
}

function buildEditionCells(relations: readonly SumRelation[]): EditionCells {
  const cells = new Map<TableId, Map<string, Map<string, MutableEditionCell>>>();
  const cellOf = (table: TableId, row: string, column: string): MutableEditionCell => {
    let rows = cells.get(table);
    if (!rows) {
      rows = new Map();
      cells.set(table, rows);
    }
    let columns = rows.get(row);
    if (!columns) {
      columns = new Map();
      rows.set(row, columns);
    }
    let cell = columns.get(column);
    if (!cell) {
      cell = { table, row, column, computedBy: [] };
      columns.set(column, cell);
    }
    return cell;
  };
  const lines = new Map<SumRelation, RelationLine[]>();
  // Totals first, in edition order, so that the cell maps list them as the relations compute them.
  for (const relation of relations) {
    if (relation.total === undefined) continue;
    for (const line of relation.lines) {
      const { row, column } = relationAddress(relation, line, relation.total);
      cellOf(relation.table, row, column);
    }
  }
  for (const relation of relations) {
    const on = (line: string, key: string) => {
      const { row, column } = relationAddress(relation, line, key);
      return cellOf(relation.table, row, column);
    };
    const relationLines: RelationLine[] = [];
    for (const line of relation.lines) {
      const left = relation.left.map((key) => on(line, key));
      const right = relation.right.map((key) => on(line, key));
      relationLines.push({ line, left, right });
      if (relation.total !== undefined) on(line, relation.total).computedBy.push({ relation, parts: right });
    }
    lines.set(relation, relationLines);
  }
  const totals: EditionCell[] = [];
  for (const rows of cells.values()) {
    for (const columns of rows.values()) {
      for (const cell of columns.values()) if (cell.computedBy.length > 0) totals.push(cell);
    }
  }
  return { cells, totals, lines };
}

const editionCellsByRelations = new WeakMap<readonly SumRelation[], EditionCells>();

/** The cells the report's sum relations read (`reportSumRelations`), built once per set of relations. */
function editionCells(report: Report): EditionCells {
  const relations = reportSumRelations(report);
  let built = editionCellsByRelations.get(relations);
  if (!built) {
    built = buildEditionCells(relations);
    editionCellsByRelations.set(relations, built);
  }
  return built;
}

/** The cell at table/row/column as the report's relations see it; undefined when no relation reads it. */
function editionCell(report: Report, table: TableId, row: string, column: string): EditionCell | undefined {
  return editionCells(report).cells.get(table)?.get(row)?.get(column);
}

/** The total cells of the report's relations (those a sum relation computes), by table, row, then column. */
export function totalCells(report: Report): readonly EditionCell[] {
  return editionCells(report).totals;
}

/** A relation's lines (a relation of `reportSumRelations(report)`), each with the cells of both sides. */
export function relationLines(report: Report, relation: SumRelation): readonly RelationLine[] {
  return editionCells(report).lines.get(relation) ?? [];
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
 */
export function effectiveValue(report: Report, table: TableId, row: string, column: string): EffectiveValue {
  const cell = editionCell(report, table, row, column);
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
export function effectiveNumber(report: Report, table: TableId, row: string, column: string): CellMeaning {
  const rows = tableRows(report, table);
  if (rows === undefined) return undefined;
  const cell = editionCell(report, table, row, column);
  if (cell !== undefined) return cellMeaning(rows, cell);
  const read = rows[row]?.[column];
  return read?.kind === "number" ? read.value : read?.kind === "unread" ? unreadValue : undefined;
}

/**
 * The cells a blank total is computed from (its direct parts under the relation
 * {@link effectiveValue} computes it with), for a finding's list of contributing cells; empty when
 * it is not computed.
 */
export function directParts(report: Report, table: TableId, row: string, column: string): ReadCell[] {
  const rows = tableRows(report, table);
  const cell = editionCell(report, table, row, column);
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
