import {
  type Cell,
  getCellLoose,
  getEdition,
  getTableDefinition,
  groupsPrintedAsRows,
  type Report,
  type RowDefinition,
  reportRowsOf,
  type TableId,
} from "@gongkai/core";

/**
 * How {@link printedText} lays a table out as text:
 * - `cellPerLine`: as the seed flattens a page (FORMAT.md §9): a lone `|` starts a row, each
 *   non-empty cell is `text |` on its own line;
 * - `rowPerLine`: one row a line, cells joined by ` | `;
 * - `linePerCell`: tag-stripped text, every non-empty cell on its own line with no separator.
 */
export type PrintedShape = "cellPerLine" | "rowPerLine" | "linePerCell";

/** Printed variants, for importer tests of what real reports print. */
export interface PrintedTextOptions {
  /**
   * The printed text of a row's label (or a row group's label, where `row` is its first row):
   * return it changed for a variant spelling. In the `linePerCell` shape an array prints the label
   * over several lines (a wrapped label, a label one character per line).
   */
  readonly label?: (label: string, row: RowDefinition, table: TableId) => string | readonly string[];
  /**
   * Table 三's rows to print as one row under their group's label (a 2021 report printing
   * （六）其他处理 as the 2019 edition did): group label → the values printed on that row. A report
   * that has the group's own row with its items unread (`groupsPrintedAsRows`) is printed so
   * without this.
   */
  readonly groupRows?: Readonly<Record<string, readonly string[]>>;
  /** The note above table 三's columns (the 勾稽 note), when it should read differently. */
  readonly table3Note?: string;
}

/** A cell as a report prints it: a number with its unit, `/`, or nothing. */
export function printedCell(cell: Cell | undefined): string {
  if (!cell || cell.kind === "blank" || cell.kind === "unread") return "";
  if (cell.kind === "notApplicable") return "/";
  return `${cell.value}${cell.unit ?? ""}`;
}

/**
 * Every cell of tables 二, 三 and 四 as the report prints it ({@link printedCell}), keyed
 * `table/row/column`: what an importer must read back from {@link printedText}.
 */
export function printedCells(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of ["table2", "table3", "table4"] as const) {
    for (const row of reportRowsOf(report, table)) {
      for (const column of row.columns) {
        out[`${table}/${row.key}/${column.key}`] = printedCell(
          getCellLoose(report, { table, row: row.key, column: column.key }),
        );
      }
    }
  }
  return out;
}

/** The printed rows of one table: sub-table headings, header rows, and label + value rows. */
function printedRows(report: Report, table: TableId, options: PrintedTextOptions): (string | readonly string[])[][] {
  const definition = getTableDefinition(report.edition, table);
  const rows: (string | readonly string[])[][] = [];
  const labelOf = (label: string, row: RowDefinition) => options.label?.(label, row, table) ?? label;
  if (table === "table4") {
    rows.push(["行政复议", "行政诉讼"]);
    rows.push(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]);
    const values = definition.rows.flatMap((row) =>
      row.columns.map((column) => printedCell(getCellLoose(report, { table, row: row.key, column: column.key }))),
    );
    rows.push(values);
    return rows;
  }
  if (table === "table3") {
    // The header as the edition's column tree gives it: the 勾稽 note and the tree's root
    // (申请人情况), its children (自然人, 法人或其他组织, 总计), then the grandchildren.
    const columns = definition.rows[0]?.columns ?? [];
    const children: string[] = [];
    for (const column of columns) {
      const label = column.groups[1]?.label ?? column.label;
      if (children[children.length - 1] !== label) children.push(label);
    }
    const root = columns[0]?.groups[0]?.label ?? "";
    rows.push([options.table3Note ?? getEdition(report.edition).tables.table3.headerNote, root]);
    rows.push(children);
    rows.push(columns.filter((column) => column.groups.length > 1).map((column) => column.label));
  }
  // A group the report prints as one row (its own row present, its items not read) is printed so.
  const asRows = groupsPrintedAsRows(report, table);
  const ownValues = (code: string): string[] =>
    definition.rows[0]?.columns.map((column) =>
      printedCell(getCellLoose(report, { table, row: code, column: column.key })),
    ) ?? [];
  let group = "";
  for (const row of definition.rows) {
    if (table === "table2" && row.groups[0]?.label !== group) {
      group = row.groups[0]?.label ?? "";
      rows.push([group]);
      rows.push([
        getEdition(report.edition).tables.table2.firstColumnHeader,
        ...row.columns.map((column) => column.label),
      ]);
    }
    const labels: (string | readonly string[])[] = [];
    if (table === "table3") {
      const innermostGroup = row.groups[row.groups.length - 1];
      const innermost = innermostGroup?.label ?? "";
      const groupValues =
        options.groupRows?.[innermost] ??
        (innermostGroup !== undefined && asRows.includes(innermostGroup.code)
          ? ownValues(innermostGroup.code)
          : undefined);
      if (groupValues) {
        if (innermost !== group) rows.push([labelOf(innermost, row), ...groupValues]);
        group = innermost;
        continue;
      }
      if (innermost !== group && row.groups.length > 0) labels.push(labelOf(innermost, row));
      group = innermost;
    }
    labels.push(labelOf(row.label, row));
    const values = row.columns.map((column) =>
      printedCell(getCellLoose(report, { table, row: row.key, column: column.key })),
    );
    rows.push([...labels, ...values]);
  }
  return rows;
}

/**
 * A report built in code, printed as the text of a report page: a title, the six parts, and its
 * three tables in one of the flattened shapes real pages come in ({@link PrintedShape}), with
 * optional printed variants ({@link PrintedTextOptions}). Importers must read the cells back.
 */
export function printedText(report: Report, shape: PrintedShape, options: PrintedTextOptions = {}): string {
  const lines = [`某县统计局${report.meta.year}年政府信息公开工作年度报告`, "一、总体情况", "全年工作有序开展。"];
  const joined = (cell: string | readonly string[]): string => (typeof cell === "string" ? cell : cell.join(""));
  for (const table of ["table2", "table3", "table4"] as const) {
    lines.push(getTableDefinition(report.edition, table).title);
    for (const row of printedRows(report, table, options)) {
      if (shape === "rowPerLine") lines.push(`${row.map(joined).join(" | ")} |`);
      else if (shape === "linePerCell") {
        for (const cell of row) {
          if (typeof cell === "string") {
            if (cell !== "") lines.push(cell);
          } else lines.push(...cell);
        }
      } else {
        // As the seed flattens: a lone "|" starts the row, each non-empty cell is "text |" on its
        // own line, empty cells are bare "|" glued to the next cell's line (or, at the row's end, to
        // the last line), and the row is padded with "||".
        lines.push("|");
        let pending = "";
        for (const cell of row.map(joined)) {
          if (cell === "") pending += "|";
          else {
            lines.push(`${pending}${cell} |`);
            pending = "";
          }
        }
        lines[lines.length - 1] += ` ${pending}||`;
      }
    }
  }
  lines.push("五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。");
  return lines.join("\n");
}
