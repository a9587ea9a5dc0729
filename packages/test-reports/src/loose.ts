import { type Cell, getTableDefinition, type Report, setCell, type TableId, tableIds } from "@gongkai/core";

/** A table's rows as a loose map from row key to column key to cell. */
export type LooseRows = Record<string, Record<string, Cell>>;

/**
 * Write a cell by loose row and column keys, for builders that walk an edition's table
 * definitions (the keys come from `getTableDefinition`, so they exist).
 */
export function setLoose(report: Report, table: TableId, row: string, column: string, cell: Cell): void {
  // biome-ignore lint/suspicious/noExplicitAny: the keys come from the edition's own definitions
  setCell(report, { table, row, column } as any, cell);
}

/** The cells of a report's table as a loose map (empty when the report has no such table). */
export function rowsOf(report: Report, table: TableId): LooseRows {
  return (report.tables[table]?.rows as LooseRows | undefined) ?? {};
}

/** The value of every number cell of every table, as text, in the edition's row and column order. */
export function numberTexts(report: Report): string[] {
  const texts: string[] = [];
  for (const table of tableIds) {
    const rows = rowsOf(report, table);
    for (const row of getTableDefinition(report.edition, table).rows) {
      for (const column of row.columns) {
        const cell = rows[row.key]?.[column.key];
        if (cell?.kind === "number") texts.push(String(cell.value));
      }
    }
  }
  return texts;
}
