import {
  type Cell,
  type EditionId,
  editions,
  formatCell,
  getTableDefinition,
  type Label,
  type RowDefinition,
  type TableId,
} from "@gongkai/core";
import { type DocxLayout, DocxOptionsError, type DocxPreset } from "./preset";

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

/** A table as a full grid: column widths in twips and rows of cells with their spans. */
export interface TableLayout {
  readonly id: TableId;
  /** Grid column widths in twips; they sum to the table width. */
  readonly columnWidths: readonly number[];
  readonly rows: readonly LayoutRow[];
}

type Rows = Record<string, Record<string, Cell> | undefined> | undefined;

/** A path of labels from the outermost group to the node itself. */
type Path = readonly Label[];

function samePrefix(first: Path, second: Path, length: number): boolean {
  if (first.length < length || second.length < length) return false;
  for (let index = 0; index < length; index++) {
    if (first[index]?.code !== second[index]?.code) return false;
  }
  return true;
}

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

/**
 * Header rows for columns given by their label paths: a group spans its columns, a leaf that
 * sits higher than the deepest leaf is merged down to the last header row.
 */
function headerRows(paths: readonly Path[], depth: number, leading: LayoutCell[][]): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: LayoutCell[] = [...(leading[level] ?? [])];
    let column = 0;
    while (column < paths.length) {
      const path = paths[column] as Path;
      const leafLevel = path.length - 1;
      if (leafLevel <= level) {
        const label = path[leafLevel] as Label;
        const merged = depth - leafLevel > 1;
        // A cell merged into the one above is empty: Word and importers join the text of merged cells.
        cells.push({
          text: merged && leafLevel !== level ? "" : label.label,
          gridSpan: 1,
          role: "header",
          ...(merged ? { vMerge: leafLevel === level ? "restart" : "continue" } : {}),
        });
        column++;
        continue;
      }
      let span = 1;
      while (column + span < paths.length && samePrefix(path, paths[column + span] as Path, level + 1)) span++;
      cells.push({ text: (path[level] as Label).label, gridSpan: span, role: "header" });
      column += span;
    }
    rows.push({ cells, header: true });
  }
  return rows;
}

function valueCells(row: RowDefinition, rows: Rows, spans?: readonly number[]): LayoutCell[] {
  const cells = rows?.[row.key];
  return row.columns.map((column, index) => ({
    text: formatCell(cells?.[column.key], column),
    gridSpan: spans?.[index] ?? 1,
    role: "value" as const,
  }));
}

function greatestCommonDivisor(first: number, second: number): number {
  return second === 0 ? first : greatestCommonDivisor(second, first % second);
}

/**
 * Table 二: one block per 第二十条 item (a title row over the full width, a header row
 * 信息内容 + the item's columns, one row per 信息内容). Items have different column counts, so
 * the value area is a grid of lcm(counts) columns and each item's columns span equal shares.
 */
function table2Layout(edition: EditionId, rows: Rows, layout: DocxLayout, preset: DocxPreset): TableLayout {
  const definition = getTableDefinition(edition, "table2");
  const firstHeader = editions[edition].tables.table2.firstColumnHeader;
  const blocks: { group: Label; rows: RowDefinition[] }[] = [];
  for (const row of definition.rows) {
    const group = row.groups[0] as Label;
    const last = blocks[blocks.length - 1];
    if (last && last.group.code === group.code) last.rows.push(row);
    else blocks.push({ group, rows: [row] });
  }
  const counts = blocks.map((block) => (block.rows[0] as RowDefinition).columns.length);
  const valueColumns = counts.reduce(
    (accumulator, count) => (accumulator * count) / greatestCommonDivisor(accumulator, count),
    1,
  );
  const labelWidth = Math.round(layout.tableWidth * preset.table.table2LabelShare);
  const columnWidths = [labelWidth, ...splitWidth(layout.tableWidth - labelWidth, Array(valueColumns).fill(1))];
  const out: LayoutRow[] = [];
  for (const block of blocks) {
    const columns = (block.rows[0] as RowDefinition).columns;
    const spans = columns.map(() => valueColumns / columns.length);
    out.push({ cells: [{ text: block.group.label, gridSpan: valueColumns + 1, role: "group" }], header: false });
    out.push({
      cells: [
        { text: firstHeader, gridSpan: 1, role: "header" },
        ...columns.map((column, index) => ({
          text: column.label,
          gridSpan: spans[index] ?? 1,
          role: "header" as const,
        })),
      ],
      header: false,
    });
    for (const row of block.rows) {
      out.push({
        cells: [{ text: row.label, gridSpan: 1, role: "label" }, ...valueCells(row, rows, spans)],
        header: false,
      });
    }
  }
  return { id: "table2", columnWidths, rows: out };
}

/**
 * Table 三: the 勾稽 note in the top-left header cell, the applicant column tree
 * (申请人情况 › 法人或其他组织 › five columns), and the row tree on the left with every row group
 * (三、本年度办理结果, （三）不予公开 …) merged down over its rows.
 */
function table3Layout(edition: EditionId, rows: Rows, layout: DocxLayout, preset: DocxPreset): TableLayout {
  const definition = getTableDefinition(edition, "table3");
  const firstRow = definition.rows[0] as RowDefinition;
  const columnPaths = firstRow.columns.map((column): Path => [...column.groups, column]);
  const headerDepth = Math.max(...columnPaths.map((path) => path.length));
  const rowPaths = definition.rows.map((row): Path => [...row.groups, row]);
  const labelDepth = Math.max(...rowPaths.map((path) => path.length));
  const labelWidth = Math.round(layout.tableWidth * preset.table.table3LabelShare);
  const groupWidth = Math.round(preset.table.groupLabelCharacters * layout.tableSize * 10 + 2 * layout.cellPadding);
  const leafWidth = Math.max(labelWidth - groupWidth * (labelDepth - 1), groupWidth);
  const labelColumns = [...Array<number>(labelDepth - 1).fill(groupWidth), leafWidth];
  const valueWidth = layout.tableWidth - labelColumns.reduce((accumulator, width) => accumulator + width, 0);
  if (valueWidth < columnPaths.length * (layout.tableSize * 10 + 2 * layout.cellPadding)) {
    throw new DocxOptionsError({
      option: "preset.table.table3LabelShare",
      message: "leaves no room for the value columns of table 三",
    });
  }
  const columnWidths = [...labelColumns, ...splitWidth(valueWidth, Array(columnPaths.length).fill(1))];
  const note = editions[edition].tables.table3.headerNote;
  const leading = Array.from({ length: headerDepth }, (_, level): LayoutCell[] => [
    {
      text: level === 0 ? note : "",
      gridSpan: labelDepth,
      role: "header",
      vMerge: level === 0 ? "restart" : "continue",
    },
  ]);
  const out = headerRows(columnPaths, headerDepth, leading);
  definition.rows.forEach((row, index) => {
    const path = rowPaths[index] as Path;
    const previous = index > 0 ? rowPaths[index - 1] : undefined;
    const cells: LayoutCell[] = [];
    for (let level = 0; level < path.length - 1; level++) {
      const continues = previous !== undefined && samePrefix(path, previous, level + 1);
      cells.push({
        text: continues ? "" : (path[level] as Label).label,
        gridSpan: 1,
        role: "group",
        vMerge: continues ? "continue" : "restart",
      });
    }
    cells.push({ text: row.label, gridSpan: labelDepth - (path.length - 1), role: "label" });
    out.push({ cells: [...cells, ...valueCells(row, rows)], header: false });
  });
  return { id: "table3", columnWidths, rows: out };
}

/**
 * Table 四: one data row of fifteen cells under the header tree 行政复议 {five outcomes} ·
 * 行政诉讼 {未经复议直接起诉 {five} · 复议后起诉 {five}}.
 */
function table4Layout(edition: EditionId, rows: Rows, layout: DocxLayout): TableLayout {
  const definition = getTableDefinition(edition, "table4");
  const paths = definition.rows.flatMap((row) => row.columns.map((column): Path => [...row.groups, row, column]));
  const depth = Math.max(...paths.map((path) => path.length));
  const out = headerRows(paths, depth, []);
  out.push({ cells: definition.rows.flatMap((row) => valueCells(row, rows)), header: false });
  return { id: "table4", columnWidths: splitWidth(layout.tableWidth, Array(paths.length).fill(1)), rows: out };
}

/** Lay out one table of a report's edition as a full grid with merged cells, from the edition data. */
export function layoutTable(
  edition: EditionId,
  table: TableId,
  rows: Rows,
  layout: DocxLayout,
  preset: DocxPreset,
): TableLayout {
  if (table === "table2") return table2Layout(edition, rows, layout, preset);
  if (table === "table3") return table3Layout(edition, rows, layout, preset);
  return table4Layout(edition, rows, layout);
}
