import { cellPointer } from "../authoring/cells";
import type { CellReference, DiagnosticLocation, LocalizedText } from "../diagnostics/diagnostic";
import { getTableDefinition, type TableDefinition, type TableId } from "../editions/editions";
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

/** Cell pointers by table, then row and column, filled as findings need them (keys are edition codes). */
const pointers: Readonly<Record<TableId, Map<string, Map<string, string>>>> = {
  table2: new Map(),
  table3: new Map(),
  table4: new Map(),
};

/** A cell's JSON pointer (from `cellPointer`), cached: findings list many cells, often the same ones. */
function pointerOf(table: TableId, row: string, column: string): string {
  const rows = pointers[table];
  let columns = rows.get(row);
  if (!columns) {
    columns = new Map();
    if (rows.size < 1000) rows.set(row, columns);
  }
  let pointer = columns.get(column);
  if (pointer === undefined) {
    pointer = cellPointer({ table, row, column });
    if (columns.size < 100) columns.set(column, pointer);
  }
  return pointer;
}

// The objects below are built from whole literals rather than by adding `source` afterwards:
// each shape then comes from a literal that V8 keeps, so optimized code using it stays valid.

/** The reference a diagnostic lists a cell by (built only when a finding is made). */
export function referenceOf(read: ReadCell): CellReference {
  const { table, row, column, cell } = read;
  const pointer = pointerOf(table, row, column);
  const value =
    cell?.kind === "number"
      ? cell.value
      : cell?.kind === "notApplicable"
        ? "notApplicable"
        : cell?.kind === "unread"
          ? "unread"
          : "blank";
  return cell?.source === undefined
    ? { table, row, column, pointer, value }
    : { table, row, column, pointer, value, source: cell.source };
}

/** Append the references of `reads` to `references`, in order; returns `references`. */
export function appendReferences(references: CellReference[], reads: readonly ReadCell[]): CellReference[] {
  for (const read of reads) references.push(referenceOf(read));
  return references;
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
  const pointer = pointerOf(table, row, column);
  return cell?.source === undefined
    ? { table, row, column, pointer }
    : { table, row, column, pointer, source: cell.source };
}

/** What a diagnostic's `actual` is for a cell: its number, null for blank, `notApplicable` for `/`, `unread`. */
export function actualOf(read: ReadCell): number | string | null {
  const cell = read.cell;
  return cell?.kind === "number"
    ? cell.value
    : cell?.kind === "notApplicable" || cell?.kind === "unread"
      ? cell.kind
      : null;
}

/** A cell's value as a message shows it: its number, or that it is blank, `/` or unread (a missing cell shows as blank). */
export type ShownValue = number | "blank" | "notApplicable" | "unread";

/** A cell's value as a message shows it (the message modules word it). */
export function shownValue(read: ReadCell): ShownValue {
  const cell = read.cell;
  if (cell?.kind === "number") return cell.value;
  if (cell?.kind === "unread" || cell?.kind === "notApplicable") return cell.kind;
  return "blank";
}

/** The printed labels of one table's rows and columns, as messages name them. */
interface TableLabels {
  readonly rows: ReadonlyMap<string, LocalizedText>;
  readonly columns: ReadonlyMap<string, LocalizedText>;
}

const labelsByTable = new Map<TableDefinition, TableLabels>();

function labelsOf(definition: TableDefinition): TableLabels {
  const rows = new Map<string, LocalizedText>();
  const columns = new Map<string, LocalizedText>();
  // A group printed as one row (2021's （六）其他处理) is named by the group's label.
  for (const row of [...definition.rows, ...definition.groupRows]) {
    // A row's label gets its group where the label alone is ambiguous (`（三）不予公开·1.属于国家秘密`).
    const group = row.groups.at(-1);
    const needsGroup = group !== undefined && (definition.id !== "table3" || /^\d/.test(row.label));
    rows.set(
      row.key,
      Object.freeze(
        needsGroup
          ? { zh: `${group.label}·${row.label}`, en: `${group.en} › ${row.en}` }
          : { zh: row.label, en: row.en },
      ),
    );
    // A column's label is read off the first row that has it, with its header group below 申请人情况.
    for (const column of row.columns) {
      if (columns.has(column.key)) continue;
      const columnGroup = definition.id === "table3" ? column.groups[1] : undefined;
      columns.set(
        column.key,
        Object.freeze(
          columnGroup
            ? { zh: `${columnGroup.label}（${column.label}）`, en: `${columnGroup.en} (${column.en})` }
            : { zh: column.label, en: column.en },
        ),
      );
    }
  }
  return { rows, columns };
}

/** The labels of a table of the report's edition, built once per edition and table. */
function tableLabels(report: Report, table: TableId): TableLabels {
  const definition = getTableDefinition(report.edition, table);
  let labels = labelsByTable.get(definition);
  if (!labels) {
    labels = labelsOf(definition);
    labelsByTable.set(definition, labels);
  }
  return labels;
}

/** A row's printed label, with its group where the label alone is ambiguous (e.g. `（三）不予公开 1.属于国家秘密`). */
export function rowLabel(report: Report, table: TableId, row: string): LocalizedText {
  return tableLabels(report, table).rows.get(row) ?? { zh: row, en: row };
}

/** A column's printed label, with its header group below 申请人情况 (e.g. `法人或其他组织（商业企业）`). */
export function columnLabel(report: Report, table: TableId, column: string): LocalizedText {
  return tableLabels(report, table).columns.get(column) ?? { zh: column, en: column };
}
