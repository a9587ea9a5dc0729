import {
  type ColumnDefinition,
  type EditionId,
  getEdition,
  getTableDefinition,
  type Label,
  type RowDefinition,
  type TableDefinition,
  type TableId,
} from "../editions/editions";
import { printedRowsOf } from "../editions/group-rows";

/**
 * What a header cell is for: the heading of a sub-table (table 二's 第二十条 items), a column
 * heading, a row heading, or the top-left corner (信息内容, or table 三's 勾稽 note).
 */
export type HeaderRole = "subtable-heading" | "column-heading" | "row-heading" | "corner";

/**
 * A header cell of the printed layout, as the HTML table model places cells: it starts in its row
 * and covers `rowSpan` rows and `colSpan` grid columns.
 */
export interface HeaderCellLayout {
  readonly kind: "header";
  /** What the cell is for. */
  readonly role: HeaderRole;
  /** The printed text. */
  readonly text: string;
  /** The code of the label (row, column, group or item code). */
  readonly code: string;
  /** Unique in its table, e.g. `t3-r-results-results.denied`; renderers prefix it. */
  readonly id: string;
  /** What the header names: one column, a group of columns, one row, or a group of rows. */
  readonly scope: "col" | "colgroup" | "row" | "rowgroup";
  /** Rows covered, from this one down. */
  readonly rowSpan: number;
  /** Grid columns covered, from this one rightwards. */
  readonly colSpan: number;
}

/** A data cell of the printed layout: which model cell it shows, and the headers that name it. */
export interface DataCellLayout {
  readonly kind: "data";
  /** The row of the model the cell belongs to. */
  readonly row: RowDefinition;
  /** The column of the model the cell belongs to. */
  readonly column: ColumnDefinition;
  /** Grid columns covered. */
  readonly colSpan: number;
  /** The ids of the header cells that name it, outermost first. */
  readonly headers: readonly string[];
}

/** A row of the printed layout: the cells that start in it, left to right. */
export type RowLayout = readonly (HeaderCellLayout | DataCellLayout)[];

/** A run of rows: the header rows (`head`, repeated when a table breaks across pages) or a body. */
export interface SectionLayout {
  /** `head` for column headers, `body` for everything else. */
  readonly kind: "head" | "body";
  /** The sub-table code (table 二's 第二十条 item). */
  readonly code?: string;
  /** Its rows. */
  readonly rows: readonly RowLayout[];
}

/**
 * One table as the edition prints it, format-neutral: a grid of header and data cells with their
 * spans, which every renderer (HTML, Word) and test reads.
 */
export interface TableLayout {
  /** The table. */
  readonly id: TableId;
  /** Its printed title. */
  readonly title: string;
  /** Grid columns in all. */
  readonly columnCount: number;
  /** Grid columns taken by row labels on the left (table 三's row tree is 3 deep). */
  readonly labelColumns: number;
  /** The sections, top to bottom. */
  readonly sections: readonly SectionLayout[];
}

interface LeafSpec {
  /** Header nodes from the outermost group to the leaf. */
  readonly path: readonly Label[];
  /** Grid columns (for column trees) the leaf spans. */
  readonly span: number;
}

/** Table 二's rows each have one label (信息内容), in one column. */
const tableTwoLabelColumns = 1;

const short: Record<TableId, string> = { table2: "t2", table3: "t3", table4: "t4" };

/**
 * The id suffix of a header node: the codes on its path joined by `-`, leaving out a code that
 * the next one repeats as its prefix (`results` › `results.denied` → `results.denied`).
 */
function idOf(base: string, path: readonly Label[], level: number): string {
  const codes = path.slice(0, level + 1).map((node) => node.code);
  return `${base}${codes.filter((code, index) => !codes[index + 1]?.startsWith(`${code}.`)).join("-")}`;
}

function samePrefix(a: readonly Label[], b: readonly Label[], level: number): boolean {
  for (let index = 0; index <= level; index++) {
    if (a[index]?.code !== b[index]?.code) return false;
  }
  return true;
}

/** One header cell of a label tree: a node at a level, over the leaves `first` to `end` (exclusive). */
interface TreeSpan {
  readonly node: Label;
  readonly level: number;
  readonly first: number;
  readonly end: number;
  /** The node is a leaf's own label (not a group above it). */
  readonly leaf: boolean;
  /** The summed weight of the leaves it covers (grid columns, for column headers). */
  readonly weight: number;
  readonly id: string;
}

/**
 * The header cells of a tree of labels given as its leaves' paths, level by level: a group covers
 * the run of leaves that share its path, a leaf covers itself. Also returns, per leaf, the ids of
 * its header cells outermost first. Column headers and row headers are this along two axes.
 */
function treeSpans(
  paths: readonly (readonly Label[])[],
  weights: readonly number[],
  idBase: string,
): { depth: number; spans: TreeSpan[]; headersOf: string[][] } {
  const depth = Math.max(...paths.map((path) => path.length));
  const spans: TreeSpan[] = [];
  const headersOf: string[][] = paths.map(() => []);
  for (let level = 0; level < depth; level++) {
    let index = 0;
    while (index < paths.length) {
      const path = paths[index] as readonly Label[];
      if (path.length - 1 < level) {
        index++;
        continue;
      }
      const node = path[level] as Label;
      const id = idOf(idBase, path, level);
      const leaf = path.length - 1 === level;
      let end = index;
      let weight = 0;
      do {
        weight += weights[end] ?? 1;
        headersOf[end]?.push(id);
        end++;
      } while (!leaf && end < paths.length && isUnder(paths[end] as readonly Label[], path, level));
      spans.push({ node, level, first: index, end, leaf, weight, id });
      index = end;
    }
  }
  return { depth, spans, headersOf };
}

/** Whether `other` sits below the group at `level` of `path` (and is not that level's leaf). */
function isUnder(other: readonly Label[], path: readonly Label[], level: number): boolean {
  return other.length - 1 > level && samePrefix(other, path, level);
}

/**
 * Header rows for a tree of column headers: a group spans (colspan) the grid columns of its
 * leaves, a leaf that sits higher than the deepest leaf spans down (rowspan) to the last header
 * row. Returns the rows and, per leaf, the ids of its header cells outermost first.
 */
function columnHeaderRows(
  leaves: readonly LeafSpec[],
  idBase: string,
): { rows: HeaderCellLayout[][]; leafHeaders: string[][] } {
  const { depth, spans, headersOf } = treeSpans(
    leaves.map((leaf) => leaf.path),
    leaves.map((leaf) => leaf.span),
    idBase,
  );
  const rows: HeaderCellLayout[][] = Array.from({ length: depth }, () => []);
  for (const span of spans) {
    rows[span.level]?.push({
      kind: "header",
      role: "column-heading",
      text: span.node.label,
      code: span.node.code,
      id: span.id,
      scope: span.leaf ? "col" : "colgroup",
      rowSpan: span.leaf ? depth - span.level : 1,
      colSpan: span.weight,
    });
  }
  return { rows, leafHeaders: headersOf };
}

/**
 * Row header cells for a tree of row labels: a group spans (rowspan) its rows, a leaf that sits
 * higher than the deepest leaf spans right (colspan) to the data. Returns, per row, its header
 * cells and the ids of its headers outermost first.
 */
function rowHeaderCells(
  paths: readonly (readonly Label[])[],
  idBase: string,
): { depth: number; cells: HeaderCellLayout[][]; rowHeaders: string[][] } {
  const { depth, spans, headersOf } = treeSpans(
    paths,
    paths.map(() => 1),
    idBase,
  );
  const cells: HeaderCellLayout[][] = paths.map(() => []);
  for (const span of spans) {
    cells[span.first]?.push({
      kind: "header",
      role: "row-heading",
      text: span.node.label,
      code: span.node.code,
      id: span.id,
      scope: span.leaf ? "row" : "rowgroup",
      rowSpan: span.leaf ? 1 : span.end - span.first,
      colSpan: span.leaf ? depth - span.level : 1,
    });
  }
  return { depth, cells, rowHeaders: headersOf };
}

function leafPath(column: ColumnDefinition): Label[] {
  return [...column.groups, { code: column.code, label: column.label, en: column.en }];
}

/** Spread `total` grid columns over `count` columns: the later ones take the remainder. */
function spreadSpans(count: number, total: number): number[] {
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index >= count - extra ? 1 : 0));
}

/**
 * Table 二: one body section per 第二十条 item (the rows' `groups`): a heading row spanning the
 * table, a header row (信息内容 and the item's columns), then the item's rows. Items with fewer
 * columns than the widest stretch them as the printed form does, the later ones taking the
 * remainder (FORMAT.md §4: in 2019 （八） 本年增/减 and （九） 采购总金额 span two columns).
 */
function subTablesLayout(edition: EditionId, definition: TableDefinition): TableLayout {
  const base = short[definition.id];
  const runs: RowDefinition[][] = [];
  for (const row of definition.rows) {
    const last = runs.at(-1);
    if (last && last[0]?.groups[0]?.code === row.groups[0]?.code) last.push(row);
    else runs.push([row]);
  }
  const dataColumns = Math.max(...runs.map((run) => run[0]?.columns.length ?? 0));
  const firstColumnHeader = getEdition(edition).tables.table2.firstColumnHeader;
  const sections: SectionLayout[] = runs.map((run) => {
    const first = run[0] as RowDefinition;
    const group = first.groups[0] ?? { code: "rows", label: "", en: "" };
    const groupId = `${base}-${group.code}`;
    const spans = spreadSpans(first.columns.length, dataColumns);
    const leaves = first.columns.map((column, index) => ({ path: leafPath(column), span: spans[index] ?? 1 }));
    const header = columnHeaderRows(leaves, `${groupId}-c-`);
    const rowPaths = run.map((row) => [{ code: row.code, label: row.label, en: row.en }]);
    const rowHeader = rowHeaderCells(rowPaths, `${groupId}-r-`);
    const headerRows: RowLayout[] = header.rows.map((cells, index) =>
      index === 0
        ? [
            {
              kind: "header",
              role: "corner",
              text: firstColumnHeader,
              code: "content",
              id: `${groupId}-content`,
              scope: "col",
              rowSpan: header.rows.length,
              colSpan: rowHeader.depth,
            } satisfies HeaderCellLayout,
            ...cells,
          ]
        : cells,
    );
    const dataRows: RowLayout[] = run.map((row, rowIndex) => [
      ...(rowHeader.cells[rowIndex] ?? []),
      ...row.columns.map(
        (column, columnIndex): DataCellLayout => ({
          kind: "data",
          row,
          column,
          colSpan: spans[columnIndex] ?? 1,
          headers: [groupId, ...(rowHeader.rowHeaders[rowIndex] ?? []), ...(header.leafHeaders[columnIndex] ?? [])],
        }),
      ),
    ]);
    const heading: HeaderCellLayout = {
      kind: "header",
      role: "subtable-heading",
      text: group.label,
      code: group.code,
      id: groupId,
      scope: "rowgroup",
      rowSpan: 1,
      colSpan: rowHeader.depth + dataColumns,
    };
    return { kind: "body", code: group.code, rows: [[heading], ...headerRows, ...dataRows] };
  });
  return {
    id: definition.id,
    title: definition.title,
    columnCount: tableTwoLabelColumns + dataColumns,
    labelColumns: tableTwoLabelColumns,
    sections,
  };
}

/**
 * Table 三: a row header tree (the rows' `groups`: 三、本年度办理结果 › （三）不予公开 › items) beside
 * a column header tree (the columns' `groups`: 申请人情况 › 法人或其他组织 › five columns), with
 * the printed 勾稽 note in the top-left cell.
 */
function gridLayout(edition: EditionId, definition: TableDefinition): TableLayout {
  const base = short[definition.id];
  const columns = definition.rows[0]?.columns ?? [];
  const header = columnHeaderRows(
    columns.map((column) => ({ path: leafPath(column), span: 1 })),
    `${base}-c-`,
  );
  const rowHeader = rowHeaderCells(
    definition.rows.map((row) => [...row.groups, { code: row.code, label: row.label, en: row.en }]),
    `${base}-r-`,
  );
  const note = definition.id === "table3" ? getEdition(edition).tables.table3.headerNote : "";
  const headerRows: RowLayout[] = header.rows.map((cells, index) =>
    index === 0
      ? [
          {
            kind: "header",
            role: "corner",
            text: note,
            code: "note",
            id: `${base}-note`,
            scope: "colgroup",
            rowSpan: header.rows.length,
            colSpan: rowHeader.depth,
          } satisfies HeaderCellLayout,
          ...cells,
        ]
      : cells,
  );
  const bodyRows: RowLayout[] = definition.rows.map((row, rowIndex) => [
    ...(rowHeader.cells[rowIndex] ?? []),
    ...row.columns.map(
      (column, columnIndex): DataCellLayout => ({
        kind: "data",
        row,
        column,
        colSpan: 1,
        headers: [...(rowHeader.rowHeaders[rowIndex] ?? []), ...(header.leafHeaders[columnIndex] ?? [])],
      }),
    ),
  ]);
  return {
    id: definition.id,
    title: definition.title,
    columnCount: rowHeader.depth + columns.length,
    labelColumns: rowHeader.depth,
    sections: [
      { kind: "head", rows: headerRows },
      { kind: "body", rows: bodyRows },
    ],
  };
}

/**
 * Table 四: its model rows (行政复议, and 行政诉讼's 未经复议直接起诉 and 复议后起诉) are printed as
 * column groups over their outcome columns, with every value in one data row.
 */
function singleRowLayout(definition: TableDefinition): TableLayout {
  const base = short[definition.id];
  const cells = definition.rows.flatMap((row) => row.columns.map((column) => ({ row, column })));
  const header = columnHeaderRows(
    cells.map(({ row, column }) => ({
      path: [...row.groups, { code: row.code, label: row.label, en: row.en }, ...leafPath(column)],
      span: 1,
    })),
    `${base}-c-`,
  );
  const dataRow: RowLayout = cells.map(
    ({ row, column }, index): DataCellLayout => ({
      kind: "data",
      row,
      column,
      colSpan: 1,
      headers: header.leafHeaders[index] ?? [],
    }),
  );
  return {
    id: definition.id,
    title: definition.title,
    columnCount: cells.length,
    labelColumns: 0,
    sections: [
      { kind: "head", rows: header.rows },
      { kind: "body", rows: [dataRow] },
    ],
  };
}

const cache = new Map<string, TableLayout>();

/**
 * The printed layout of a table in an edition, derived from core's edition data
 * (`getTableDefinition`: the rows' and columns' `groups`). Table 二 is printed as stacked
 * sub-tables, table 三 as a grid with row and column header trees, table 四 as column groups over
 * one data row. `groupsAsRows` lists the groups printed as one row in place of their items (for a
 * report, `groupsPrintedAsRows(report, table)`: 2021's （六）其他处理 printed as 2019 printed it).
 *
 * @example
 * tableLayout(report.edition, "table3", groupsPrintedAsRows(report, "table3"))
 */
export function tableLayout(edition: EditionId, table: TableId, groupsAsRows: readonly string[] = []): TableLayout {
  const key = `${edition}/${table}/${groupsAsRows.join("|")}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const full = getTableDefinition(edition, table);
  const definition = groupsAsRows.length === 0 ? full : { ...full, rows: printedRowsOf(full, groupsAsRows) };
  const layout =
    table === "table2"
      ? subTablesLayout(edition, definition)
      : table === "table3"
        ? gridLayout(edition, definition)
        : singleRowLayout(definition);
  cache.set(key, layout);
  return layout;
}
