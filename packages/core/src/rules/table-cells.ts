import { cellPointer, getCellLoose } from "../authoring/cells";
import type { CellReference, DiagnosticLocation, LocalizedText } from "../diagnostics/diagnostic";
import { getTableDefinition, type RowDefinition, type TableId } from "../editions/editions";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";

/** One cell as a rule read it: the cell (undefined when the row or column is missing) and its reference. */
export interface ReadCell {
  readonly cell: Cell | undefined;
  readonly reference: CellReference;
}

/** Read a cell of a report by its codes, with the reference a diagnostic lists it by. */
export function readCell(report: Report, table: TableId, row: string, column: string): ReadCell {
  const cell = getCellLoose(report, { table, row, column });
  const value: CellReference["value"] =
    cell?.kind === "number" ? cell.value : cell?.kind === "notApplicable" ? "notApplicable" : "blank";
  const reference: CellReference = {
    table,
    row,
    column,
    pointer: cellPointer({ table, row, column }),
    value,
    ...(cell?.source === undefined ? {} : { source: cell.source }),
  };
  return { cell, reference };
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
  const { table, row, column, pointer, source } = read.reference;
  return { table, row, column, pointer, ...(source === undefined ? {} : { source }) };
}

/** What a diagnostic's `actual` is for a cell: its number, null for blank, `notApplicable` for `/`. */
export function actualOf(read: ReadCell): number | string | null {
  const value = read.reference.value;
  return value === "blank" ? null : value;
}

/** A cell's value as a message shows it. */
export function showValue(read: ReadCell): LocalizedText {
  if (read.cell?.kind === "number") return { zh: String(read.cell.value), en: String(read.cell.value) };
  if (read.cell?.kind === "notApplicable") return { zh: "“/”", en: '"/"' };
  return { zh: "空白", en: "blank" };
}

function rowDefinitions(report: Report, table: TableId): Map<string, RowDefinition> {
  return new Map(getTableDefinition(report.edition, table).rows.map((row) => [row.key, row]));
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
