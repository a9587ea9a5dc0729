import type { Cell } from "../model/cell";
import type { Report } from "../model/report";
import type { TableId } from "./edition-codes";
import { getEdition, type RowDefinition, type TableDefinition, tableDefinitionsOf } from "./editions";

type LooseRows = Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>;

/** Whether a row was not read at all: absent, or every cell unread because its row was not found. */
function notRead(cells: Readonly<Record<string, Cell>> | undefined): boolean {
  if (cells === undefined) return true;
  for (const key in cells) {
    const cell = cells[key];
    if (cell?.kind !== "unread" || cell.reason !== "rowNotFound") return false;
  }
  return true;
}

const none: readonly string[] = Object.freeze([]);

/**
 * The groups of a table the report prints as one row: the report has the group's own row
 * (`mayPrintAsRow` in the edition data, e.g. 2021's `results.other`) and none of the group's
 * items was read (each absent, or unread `rowNotFound` in every cell). For these groups, and only
 * these, the group's row stands for its items wherever a sum reads them, and renderers print the
 * group as one row. This is the one place that decides it.
 *
 * @example
 * groupsPrintedAsRows(report, "table3") // ["results.other"] for a 2021 report printing （六） as one row
 */
export function groupsPrintedAsRows(report: Report, table: TableId): readonly string[] {
  return groupsPrintedIn(tableDefinitionsOf(getEdition(report.edition))[table], report);
}

/** {@link groupsPrintedAsRows} of the table `definition` (of the report's edition) in `report`. */
export function groupsPrintedIn(definition: TableDefinition, report: Report): readonly string[] {
  const groupRows = definition.groupRows;
  if (groupRows.length === 0) return none;
  const rows = report.tables[definition.id]?.rows as LooseRows | undefined;
  if (rows === undefined) return none;
  let found: string[] | undefined;
  for (const group of groupRows) {
    if (rows[group.key] === undefined || !group.items.every((item) => notRead(rows[item]))) continue;
    found ??= [];
    found.push(group.key);
  }
  return found ?? none;
}

const printedByDefinition = new WeakMap<TableDefinition, Map<string, readonly RowDefinition[]>>();

/**
 * A table's rows as a report prints them when it prints the groups `asRows` as one row each: the
 * group's row in place of its items (the edition's rows when `asRows` is empty). Built once per
 * table and set of groups.
 */
export function printedRowsOf(definition: TableDefinition, asRows: readonly string[]): readonly RowDefinition[] {
  if (asRows.length === 0) return definition.rows;
  const key = asRows.join("|");
  let byKey = printedByDefinition.get(definition);
  if (!byKey) {
    byKey = new Map();
    printedByDefinition.set(definition, byKey);
  }
  let rows = byKey.get(key);
  if (!rows) {
    const groups = definition.groupRows.filter((group) => asRows.includes(group.key));
    const built: RowDefinition[] = [];
    for (const row of definition.rows) {
      const group = groups.find((candidate) => candidate.items.includes(row.key));
      if (group === undefined) built.push(row);
      else if (group.items[0] === row.key) built.push(group);
    }
    rows = built;
    byKey.set(key, rows);
  }
  return rows;
}

/**
 * Every row of a report's table in printed order, to list its cells (JSON, CSV, comparisons): the
 * edition's rows, with the row of a group printed as one row (`mayPrintAsRow`) before the group's
 * items wherever the report has that row. A report without one gets the edition's rows.
 */
export function reportRowsOf(report: Report, table: TableId): readonly RowDefinition[] {
  const definition = tableDefinitionsOf(getEdition(report.edition))[table];
  const rows = report.tables[table]?.rows as LooseRows | undefined;
  const present = definition.groupRows.filter((group) => rows?.[group.key] !== undefined);
  if (present.length === 0) return definition.rows;
  const listed: RowDefinition[] = [];
  for (const row of definition.rows) {
    const group = present.find((candidate) => candidate.items[0] === row.key);
    if (group !== undefined) listed.push(group);
    listed.push(row);
  }
  return listed;
}
