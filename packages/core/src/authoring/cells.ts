import { type ColumnOf, type EditionId, type RowOf, type TableId, tableIds } from "../editions/editions";
import type { Cell } from "../model/cell";
import { escapePointerSegment } from "../model/parse-report";
import type { Report } from "../model/report";
import { createBlankTable } from "./create-report";

type AddressOf<E extends EditionId, T extends TableId> = {
  [Row in RowOf<E, T>]: { readonly table: T; readonly row: Row; readonly column: ColumnOf<E, T, Row> };
}[RowOf<E, T>];

/**
 * A table cell named by its codes. Table 二 rows are `<sub-table>.<row>`
 * (`art20_1.regulations`); table 四 rows are its groups and columns its outcomes. With an
 * edition, a row or column that edition does not have is a compile error.
 */
export type CellAddress<E extends EditionId = EditionId> = E extends EditionId
  ? { [T in TableId]: AddressOf<E, T> }[TableId]
  : never;

/** A cell address without type checking, as read from files or command lines. */
export interface LooseCellAddress {
  /** The table. */
  readonly table: TableId;
  /** The row key. */
  readonly row: string;
  /** The column key. */
  readonly column: string;
}

/** The JSON pointer of a cell in a report, e.g. `/tables/table3/rows/newReceived/total`. */
export function cellPointer(address: LooseCellAddress): string {
  return `/tables/${address.table}/rows/${escapePointerSegment(address.row)}/${escapePointerSegment(address.column)}`;
}

type LooseRows = Record<string, Record<string, Cell> | undefined>;

function rowsOf(report: Report, table: TableId): LooseRows | undefined {
  return report.tables[table]?.rows as LooseRows | undefined;
}

/**
 * Read a cell by its codes.
 *
 * @returns the cell, or `undefined` when the report does not have that table.
 * @example
 * getCell(report, { table: "table3", row: "newReceived", column: "total" })
 */
export function getCell<R extends Report>(report: R, address: CellAddress<R["edition"]>): Cell | undefined {
  return getCellLoose(report, address);
}

/** {@link getCell} for addresses not checked at compile time (from files, CLI flags). */
export function getCellLoose(report: Report, address: LooseCellAddress): Cell | undefined {
  return rowsOf(report, address.table)?.[address.row]?.[address.column];
}

/** A value to write into a cell: a number, `"blank"`, `"n/a"`, or a whole cell. */
export type CellInput = number | "blank" | "n/a" | Cell;

function toCell(value: CellInput): Cell {
  if (typeof value === "number") return { kind: "number", value };
  if (value === "blank") return { kind: "blank" };
  if (value === "n/a") return { kind: "notApplicable", raw: "/" };
  return value;
}

/**
 * Write a cell by its codes, in place. The table is created (all blank) if the report lacks it.
 *
 * @returns the same report, for chaining.
 * @throws {RangeError} when the report's table has no such cell: an address the report's edition
 * does not have (only possible when the compile-time check was bypassed; this includes the row of
 * a group printed as one row, such as 2021's `results.other`, which is no cell address), or a row
 * or column missing from a report that was not parsed (`parseReport` requires every one).
 */
export function setCell<R extends Report>(report: R, address: CellAddress<R["edition"]>, value: CellInput): R {
  const known = (tableIds as readonly string[]).includes(address.table);
  let rows = rowsOf(report, address.table);
  if (!rows && known) {
    const table = createBlankTable(report.edition, address.table);
    (report.tables as Record<TableId, unknown>)[address.table] = table;
    rows = table.rows;
  }
  const row = rows?.[address.row];
  if (!row || !(address.column in row)) {
    throw new RangeError(
      `No cell ${address.table}/${address.row}/${address.column} in a ${report.edition} report` +
        (known ? "" : " (no such table)"),
    );
  }
  row[address.column] = toCell(value);
  return report;
}
