import {
  type Cell,
  type EditionId,
  formatCell,
  type HeaderCellLayout,
  type TableId,
  type TableLayout,
  tableLayout,
} from "@gongkai/core";
import { DocxOptionsError } from "./docx-options-error";
import type { DocxLayout, DocxPreset } from "./preset";

/** What a grid cell holds; decides its alignment. */
export type LayoutCellRole = "header" | "group" | "label" | "value";

/** One cell of a laid-out table row. A cell covers `gridSpan` grid columns. */
export interface LayoutCell {
  readonly text: string;
  readonly gridSpan: number;
  /** `restart` opens a vertical merge, `continue` is a cell merged into the one above. */
  readonly vMerge?: "restart" | "continue";
  readonly role: LayoutCellRole;
}

/** One row: its cells cover every grid column, merged or not. */
export interface LayoutRow {
  readonly cells: readonly LayoutCell[];
  /** A header row (repeated when the table breaks across pages). */
  readonly header: boolean;
}

/** A table as Word lays it out: column widths in twips and rows of cells covering every column. */
export interface DocxTableGrid {
  readonly id: TableId;
  /** Grid column widths in twips; they sum to the table width. */
  readonly columnWidths: readonly number[];
  readonly rows: readonly LayoutRow[];
}

type Rows = Record<string, Record<string, Cell> | undefined> | undefined;

/** Split `total` twips into parts proportional to `weights`, summing exactly to `total`. */
export function splitWidth(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((accumulator, weight) => accumulator + weight, 0);
  const widths = weights.map((weight) => Math.floor((total * weight) / sum));
  let remainder = total - widths.reduce((accumulator, width) => accumulator + width, 0);
  for (let index = 0; remainder > 0; index = (index + 1) % widths.length, remainder--) {
    widths[index] = (widths[index] ?? 0) + 1;
  }
  return widths;
}

/** How a header cell of core's layout prints in Word. */
function headerRole(cell: HeaderCellLayout): LayoutCellRole {
  if (cell.role === "subtable-heading" || cell.scope === "rowgroup") return "group";
  return cell.role === "row-heading" ? "label" : "header";
}

/** A cell merged into the one above it, covering the same grid columns. */
interface Covered {
  remaining: number;
  readonly gridSpan: number;
  readonly role: LayoutCellRole;
}

/**
 * Core's printed layout (cells placed as the HTML table model does: each starts in one row and
 * spans down and right) as Word rows, where every row lists a cell for every grid column and a
 * cell merged from above is a `vMerge="continue"` cell. The text of a merged-into cell is empty:
 * Word and importers join the text of merged cells.
 */
function wordRows(layout: TableLayout, rows: Rows): LayoutRow[] {
  const covered: (Covered | undefined)[] = Array.from({ length: layout.columnCount }, () => undefined);
  const out: LayoutRow[] = [];
  for (const section of layout.sections) {
    for (const row of section.rows) {
      const cells: LayoutCell[] = [];
      let column = 0;
      let next = 0;
      while (column < layout.columnCount) {
        const above = covered[column];
        if (above && above.remaining > 0) {
          cells.push({ text: "", gridSpan: above.gridSpan, vMerge: "continue", role: above.role });
          above.remaining--;
          column += above.gridSpan;
          continue;
        }
        const cell = row[next++];
        if (cell === undefined) break;
        if (cell.kind === "data") {
          const text = formatCell(rows?.[cell.row.key]?.[cell.column.key], cell.column);
          cells.push({ text, gridSpan: cell.colSpan, role: "value" });
          column += cell.colSpan;
          continue;
        }
        const role = headerRole(cell);
        const merged = cell.rowSpan > 1;
        cells.push({
          text: cell.text,
          gridSpan: cell.colSpan,
          role,
          ...(merged ? { vMerge: "restart" as const } : {}),
        });
        covered[column] = merged ? { remaining: cell.rowSpan - 1, gridSpan: cell.colSpan, role } : undefined;
        column += cell.colSpan;
      }
      out.push({ cells, header: section.kind === "head" });
    }
  }
  return out;
}

/**
 * Column widths: table 二 gives its label column a share of the width and splits the rest
 * equally; table 三 gives each row-group column room for a few characters and the row labels the
 * rest of its share; table 四 splits the width equally.
 */
function columnWidths(layout: TableLayout, docx: DocxLayout, preset: DocxPreset): number[] {
  const valueColumns = layout.columnCount - layout.labelColumns;
  const equal = (total: number) => splitWidth(total, Array(valueColumns).fill(1));
  if (layout.id === "table2") {
    const labelWidth = Math.round(docx.tableWidth * preset.table.table2LabelShare);
    return [labelWidth, ...equal(docx.tableWidth - labelWidth)];
  }
  if (layout.id === "table4") return equal(docx.tableWidth);
  const labelWidth = Math.round(docx.tableWidth * preset.table.table3LabelShare);
  const groupWidth = Math.round(preset.table.groupLabelCharacters * docx.tableSize * 10 + 2 * docx.cellPadding);
  const leafWidth = Math.max(labelWidth - groupWidth * (layout.labelColumns - 1), groupWidth);
  const labelColumns = [...Array<number>(layout.labelColumns - 1).fill(groupWidth), leafWidth];
  const valueWidth = docx.tableWidth - labelColumns.reduce((accumulator, width) => accumulator + width, 0);
  if (valueWidth < valueColumns * (docx.tableSize * 10 + 2 * docx.cellPadding)) {
    throw new DocxOptionsError({
      option: "preset.table.table3LabelShare",
      message: "leaves no room for the value columns of table 三",
    });
  }
  return [...labelColumns, ...equal(valueWidth)];
}

/**
 * Lay out one table of a report's edition for Word: core's printed layout (`tableLayout`, the
 * one every renderer reads, with the groups the report prints as one row) with the report's
 * values and Word's column widths.
 */
export function layoutTable(
  edition: EditionId,
  table: TableId,
  rows: Rows,
  docx: DocxLayout,
  preset: DocxPreset,
  groupsAsRows: readonly string[] = [],
): DocxTableGrid {
  const layout = tableLayout(edition, table, groupsAsRows);
  return { id: table, columnWidths: columnWidths(layout, docx, preset), rows: wordRows(layout, rows) };
}
