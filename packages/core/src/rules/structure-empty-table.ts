import { getTableDefinition, type TableId, tableIds } from "../editions/editions";
import type { Cell } from "../model/cell";
import type { CoreRule } from "./emit";
import { isTableCutOff, tableSection } from "./truncation";

/**
 * What a table holds: `none` when it has no cell at all (a malformed table, left to other
 * rules), `blank` when every cell is blank, `values` when any cell holds a number, `/`, or a
 * value that could not be read.
 */
function contentOf(
  rows: Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>,
): "none" | "blank" | "values" {
  let cells = 0;
  for (const row of Object.values(rows)) {
    if (!row) continue;
    for (const cell of Object.values(row)) {
      if (cell?.kind !== "blank") return "values";
      cells += 1;
    }
  }
  return cells === 0 ? "none" : "blank";
}

/** What a `structure/empty-table` finding is worded from. */
export interface EmptyTableData {
  readonly table: TableId;
  /** The table's printed title. */
  readonly title: string;
  /** Whether every table of the report is blank (not one filled in). */
  readonly allEmpty: boolean;
}

/**
 * `structure/empty-table`: a statistics table in which no cell holds anything (every cell
 * blank), as in the template `gongkai init` writes. A report with no value in any table is an
 * error (it is not filled in); one empty table among filled ones is a warning. A table in or after
 * the part where the source stops (`meta.truncatedAt`) is not reported.
 *
 * @see 《中华人民共和国政府信息公开条例》 第五十条
 */
export const structureEmptyTable: CoreRule<EmptyTableData> = {
  run({ report }, emit) {
    const empty: TableId[] = [];
    let present = 0;
    for (const table of tableIds) {
      // A table the source stopped before, or inside, is not read, not blank (coverage says so).
      if (isTableCutOff(report, table) || report.meta.truncatedAt?.part === tableSection(table)) continue;
      const rows = report.tables[table]?.rows as Parameters<typeof contentOf>[0] | undefined;
      const content = rows ? contentOf(rows) : "none";
      if (content === "none") continue;
      present += 1;
      if (content === "blank") empty.push(table);
    }
    const allEmpty = present > 0 && empty.length === present;
    for (const table of empty) {
      const title = getTableDefinition(report.edition, table).title;
      emit({
        ...(allEmpty ? {} : { severity: "warning" as const }),
        data: { table, title, allEmpty },
        location: { table, pointer: `/tables/${table}` },
      });
    }
  },
};
