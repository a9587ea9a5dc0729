import { EditionDataError } from "../errors/edition-data-error";
import type { ValidationProblem } from "../errors/report-validation-error";
import type { Report } from "../model/report";
import { type EditionId, type TableId, tableIds } from "./edition-codes";
import type { EditionDataShape } from "./edition-schema";
import { getEdition, tableDefinitionsOf } from "./editions";
import { groupsPrintedIn, printedRowsOf } from "./group-rows";

/**
 * A sum relation of section 7 of the format reference, as data. On every line it holds on (a
 * column when `along` is `rows`, a row when `along` is `columns`), the cells of `left` add up to
 * the cells of `right`. When `total` is set, `left` is that one total and the relation can
 * compute it.
 */
export interface SumRelation {
  /** The id of the rule that checks it, e.g. `table3/balance`. */
  readonly ruleId: string;
  /** The table it holds in. */
  readonly table: TableId;
  /** `rows`: sums run down each column; `columns`: sums run across each row. */
  readonly along: "rows" | "columns";
  /** The keys (rows or columns) on the left side. */
  readonly left: readonly string[];
  /** The keys on the right side. */
  readonly right: readonly string[];
  /** The lines (columns or rows) it holds on. */
  readonly lines: readonly string[];
  /** Whether the rule is printed on the form (the 勾稽 note of table 三). */
  readonly printed: boolean;
  /** The left side is one total that the right side computes. */
  readonly total?: string;
}

/**
 * The cell a relation reads at `key` on `line`: the key names the row and the line the column when
 * sums run down rows, and the other way round when they run across columns.
 */
export function relationAddress(relation: SumRelation, line: string, key: string): { row: string; column: string } {
  return relation.along === "rows" ? { row: key, column: line } : { row: line, column: key };
}

/**
 * The keys one side of a relation names, read from the edition data's expression: terms joined by
 * `+`, each a key (`naturalPerson`) or `sum(prefix.*)`, every key of `candidates` under `prefix.`
 * that is not itself a total. A term naming no key is a problem, reported at `pointer`.
 */
function parseSide(
  expression: string,
  candidates: readonly string[],
  totals: ReadonlySet<string>,
  pointer: string,
  problems: ValidationProblem[],
): string[] {
  const keys: string[] = [];
  for (const raw of expression.split("+")) {
    const term = raw.trim();
    const wildcard = /^sum\(\s*([^()\s]+)\.\*\s*\)$/u.exec(term);
    const found = wildcard
      ? candidates.filter((key) => key.startsWith(`${wildcard[1]}.`) && !totals.has(key))
      : candidates.filter((key) => key === term);
    if (found.length === 0) problems.push({ pointer, message: `the term "${term}" of "${expression}" names no key` });
    for (const key of found) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Unique keys in order. */
function unique(keys: Iterable<string>): string[] {
  return [...new Set(keys)];
}

/** The groups of each table printed as one row (see `groupsPrintedAsRows`); none for the edition's own relations. */
type GroupsAsRows = Readonly<Partial<Record<TableId, readonly string[]>>>;

/**
 * The sum relations of an edition, read from its data: each table's stated relations (table 三's
 * printed 勾稽 note), then each total row (`derived` on a row: it holds down every column), then
 * each total column (`derived` on a column: it holds across every row that has the column; one
 * relation for every row with the same total and parts). A group in `asRows` is read as one row
 * in place of its items (`printedRowsOf`): `sum(results.*)` then names the group's row, not its
 * items, and the group's row is a line of the relations across columns. Problems are collected,
 * not thrown.
 */
function relationsFrom(data: EditionDataShape, problems: ValidationProblem[], asRows: GroupsAsRows): SumRelation[] {
  const relations: SumRelation[] = [];
  const definitions = tableDefinitionsOf(data);
  for (const table of tableIds) {
    const definition = { ...definitions[table], rows: printedRowsOf(definitions[table], asRows[table] ?? []) };
    const rowKeys = definition.rows.map((row) => row.key);
    const columnKeys = unique(definition.rows.flatMap((row) => row.columns.map((column) => column.key)));
    const totalRows = new Set(definition.rows.filter((row) => row.derived).map((row) => row.key));
    const stated = table === "table3" ? (data.tables.table3.relations ?? []) : [];
    stated.forEach((relation, index) => {
      const pointer = `/tables/${table}/relations/${index}`;
      const alongRows = relation.along === "rows";
      const candidates = alongRows ? rowKeys : columnKeys;
      const totals = alongRows ? totalRows : new Set<string>();
      const [left = "", right = ""] = relation.equation.split("=").map((side) => side.trim());
      relations.push({
        ruleId: relation.rule,
        table,
        along: relation.along,
        left: parseSide(left, candidates, totals, pointer, problems),
        right: parseSide(right, candidates, totals, pointer, problems),
        lines: alongRows ? columnKeys : rowKeys,
        printed: relation.printed,
      });
    });
    for (const row of definition.rows) {
      if (row.sum === null) continue;
      const pointer = `/tables/${table}/rows/${row.key}`;
      if (row.sumRule === null) problems.push({ pointer, message: "a total row names no rule" });
      relations.push({
        ruleId: row.sumRule ?? "",
        table,
        along: "rows",
        left: [row.key],
        right: parseSide(row.sum, rowKeys, totalRows, pointer, problems),
        lines: row.columns.map((column) => column.key),
        printed: false,
        total: row.key,
      });
    }
    const byColumn: SumRelation[] = [];
    for (const row of definition.rows) {
      const keys = row.columns.map((column) => column.key);
      const totalColumns = new Set(row.columns.filter((column) => column.derived).map((column) => column.key));
      for (const column of row.columns) {
        if (column.sum === null) continue;
        const pointer = `/tables/${table}/columns/${column.key}`;
        if (column.sumRule === null) problems.push({ pointer, message: "a total column names no rule" });
        const right = parseSide(column.sum, keys, totalColumns, pointer, problems);
        const ruleId = column.sumRule ?? "";
        const same = byColumn.find(
          (relation) =>
            relation.ruleId === ruleId && relation.total === column.key && relation.right.join() === right.join(),
        );
        if (same) (same.lines as string[]).push(row.key);
        else
          byColumn.push({
            ruleId,
            table,
            along: "columns",
            left: [column.key],
            right,
            lines: [row.key],
            printed: false,
            total: column.key,
          });
      }
    }
    relations.push(...byColumn);
  }
  return relations;
}

const relationsByData = new WeakMap<EditionDataShape, Map<string, readonly SumRelation[]>>();

/**
 * The sum relations of edition data, or an {@link EditionDataError} listing every expression that
 * names no key (built once per edition and set of groups printed as one row; `asRows` undefined:
 * the edition's own relations).
 */
export function sumRelationsOf(data: EditionDataShape, asRows?: GroupsAsRows): readonly SumRelation[] {
  let byGroups = relationsByData.get(data);
  if (!byGroups) {
    byGroups = new Map();
    relationsByData.set(data, byGroups);
  }
  const key = asRows === undefined ? "" : tableIds.map((table) => (asRows[table] ?? []).join("|")).join("/");
  let relations = byGroups.get(key);
  if (!relations) {
    const problems: ValidationProblem[] = [];
    relations = relationsFrom(data, problems, asRows ?? {});
    if (problems.length > 0) throw new EditionDataError({ problems });
    byGroups.set(key, relations);
  }
  return relations;
}

/**
 * The sum relations that hold in one report's tables: its edition's ({@link getSumRelations}),
 * except that a group the report prints as one row (`groupsPrintedAsRows`: its own row present,
 * its items not read) is one term in place of its items. Every rule, coverage count, effective
 * value and `fix()` reads a report's relations through this, so they all agree on what a sum reads.
 */
export function reportSumRelations(report: Report): readonly SumRelation[] {
  return sumRelationsIn(getEdition(report.edition), report);
}

/** {@link reportSumRelations}, given the data of the report's edition. */
export function sumRelationsIn(data: EditionDataShape, report: Report): readonly SumRelation[] {
  const definitions = tableDefinitionsOf(data);
  let asRows: Partial<Record<TableId, readonly string[]>> | undefined;
  for (const table of tableIds) {
    const groups = groupsPrintedIn(definitions[table], report);
    if (groups.length > 0) {
      asRows ??= {};
      asRows[table] = groups;
    }
  }
  return sumRelationsOf(data, asRows);
}

/**
 * The sum relations that hold in an edition's tables (section 7 of the format reference), read
 * from the edition data: the relations it states and the totals' `derived` expressions.
 */
export function getSumRelations(edition: EditionId): readonly SumRelation[] {
  return sumRelationsOf(getEdition(edition));
}
