import type { TableId } from "../editions/edition-codes";
import type { EditionDataShape } from "../editions/edition-schema";
import { getEdition } from "../editions/editions";
import { relationAddress, type SumRelation, sumRelationsIn } from "../editions/sum-relations";
import type { Report } from "../model/report";

/**
 * One cell of an edition's table as the sum relations see it: its codes and the relations that
 * compute it (none unless it is a total). Built once per set of relations, so that reading a
 * blank cell that is no total costs no lookup.
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

/**
 * A report's arithmetic as every rule reads it: its edition's data, the sum relations that hold
 * in its tables (`reportSumRelations`), grouped by rule, and the cells they read. `check()` works
 * it out once and hands it to each rule in its context; the functions that read cells take it, or
 * work it out from the report when they are not given it.
 */
export interface ReportArithmetic {
  /** The data of the report's edition. */
  readonly edition: EditionDataShape;
  /** The sum relations that hold in the report's tables, in edition order. */
  readonly relations: readonly SumRelation[];
  /** The relations by the id of the rule that checks them, each list in edition order. */
  readonly byRule: ReadonlyMap<string, readonly SumRelation[]>;
  /** Every cell a relation reads, by table, row and column (totals in the order relations compute them first). */
  readonly cells: ReadonlyMap<TableId, ReadonlyMap<string, ReadonlyMap<string, EditionCell>>>;
  /** The total cells, in edition order: by table, row, then column. */
  readonly totals: readonly EditionCell[];
  /** Each relation's lines. */
  readonly lines: ReadonlyMap<SumRelation, readonly RelationLine[]>;
}

interface MutableEditionCell extends EditionCell {
  readonly computedBy: Computation[];
}

/** The relations of a report grouped and laid out over their cells (everything but the edition). */
function buildArithmetic(edition: EditionDataShape, relations: readonly SumRelation[]): ReportArithmetic {
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
  const byRule = new Map<string, SumRelation[]>();
  for (const relation of relations) {
    const listed = byRule.get(relation.ruleId);
    if (listed) listed.push(relation);
    else byRule.set(relation.ruleId, [relation]);
  }
  return { edition, relations, byRule, cells, totals, lines };
}

const arithmeticByRelations = new WeakMap<readonly SumRelation[], ReportArithmetic>();

/**
 * The report's arithmetic ({@link ReportArithmetic}): built once per edition and set of groups
 * printed as one row, looked up for each report.
 *
 * @throws {EditionDataError} when no edition has the report's id.
 */
export function reportArithmetic(report: Report): ReportArithmetic {
  const edition = getEdition(report.edition);
  const relations = sumRelationsIn(edition, report);
  let built = arithmeticByRelations.get(relations);
  if (!built) {
    built = buildArithmetic(edition, relations);
    arithmeticByRelations.set(relations, built);
  }
  return built;
}

/** The relations `ruleId` checks in the report, in edition order. */
export function relationsOf(arithmetic: ReportArithmetic, ruleId: string): readonly SumRelation[] {
  return arithmetic.byRule.get(ruleId) ?? [];
}

/** A relation's lines (a relation of the report's arithmetic), each with the cells of both sides. */
export function relationLines(arithmetic: ReportArithmetic, relation: SumRelation): readonly RelationLine[] {
  return arithmetic.lines.get(relation) ?? [];
}
