import type { SourcePosition } from "@gongkai/core";
import type { TableSlot } from "./block-document";

/** A table cell as an importer read it, before {@link TableGridBuilder} places it. */
export interface GridCell {
  /** The cell text (trimmed; inner line breaks kept as `\n`). */
  readonly text: string;
  /** Where the cell starts in the source. */
  readonly source?: SourcePosition;
  /** The source marks the cell as a header (`<th>`, a repeated header row). */
  readonly header?: boolean;
  /** Rows the cell spans: 1 when not given; 0 reaches the end of its row group (HTML's `rowspan="0"`). */
  readonly rowSpan?: number;
  /** Columns the cell spans: 1 when not given. */
  readonly colSpan?: number;
  /**
   * The cell continues the cell just before it in its row (DOCX `w:hMerge`): that cell grows over
   * it. Tried before `continuesAbove`; the first cell of a row starts a cell of its own.
   */
  readonly continuesLeft?: boolean;
  /**
   * The cell continues a `mergeable` cell that ends in the row above, in the same column and as
   * wide (DOCX `w:vMerge`): that cell grows down over it. Without one it starts a cell of its own.
   */
  readonly continuesAbove?: boolean;
  /** A cell in the row below may continue this one (`continuesAbove`). */
  readonly mergeable?: boolean;
}

/** How {@link TableGridBuilder} bounds and sizes a grid. */
export interface TableGridOptions {
  /**
   * The most slots (rows × columns) the grid may hold, and the most work placing cells may take,
   * checked as each row and cell comes in: past it the builder sets `truncated` and takes nothing
   * more, so an oversized table costs no more than the limit.
   */
  readonly maxSlots: number;
  /** The widest grid: a span is cut at this column and a cell starting at or past it is dropped (`clamped`). */
  readonly maxColumns?: number;
  /**
   * Where the table ends on the right: `"cells"` (the default) at the last column in which a cell
   * starts, cutting spans that reach past it, as HTML's table model drops columns no cell starts
   * in; `"spans"` at the last column a span or a row's trailing empty columns reach, as a DOCX table
   * grid keeps them.
   */
  readonly width?: "cells" | "spans";
}

/** A slot as it grows: a merge widens or lengthens it until the grid is finished. */
interface GrowingSlot {
  text: string;
  readonly source?: SourcePosition;
  readonly origin: { readonly row: number; readonly column: number };
  rowSpan: number;
  colSpan: number;
  readonly header?: true;
}

/** Whether a placed cell still occupies `row`. */
function occupies(slot: GrowingSlot | undefined, row: number): boolean {
  return slot !== undefined && slot.origin.row + slot.rowSpan > row;
}

/**
 * Builds a table grid from cells with row and column spans, row by row, for every importer (one
 * builder, so HTML, DOCX and any later format agree on what a span means). Cells are placed left
 * to right in the first slot no cell from a row above still occupies; a row span is cut at the end
 * of its row group (`0` reaches it); a column span is cut where it would run into a cell from a row
 * above. Merged cells (DOCX) continue the cell on their left or above, and their text joins its text. The slot count and the work
 * are checked against `maxSlots` while reading, before the grid is built: past it the table is cut
 * short and `truncated` is set, and the importer decides whether that is a finding or an error.
 */
export class TableGridBuilder {
  private maxSlots: number;
  private readonly maxColumns: number;
  private readonly spansWiden: boolean;
  /** Every cell placed, in order; the grid is filled from them when finished. */
  private readonly placed: GrowingSlot[] = [];
  /** Per column, the last cell a later row can meet there: one spanning rows, or one a cell below may continue. */
  private columnSlots: (GrowingSlot | undefined)[] = [];
  /** One past the last column a row-spanning cell of this row group covers. */
  private coveredEnd = 0;
  /** The cells a cell below may continue. */
  private readonly mergeable = new Set<GrowingSlot>();
  /** The cell placed last in the current row (a `continuesLeft` cell grows it). */
  private previous: GrowingSlot | undefined;
  private rowCount = 0;
  private widthSoFar = 0;
  private column = 0;
  private inGroup = false;
  /** Work done so far, in slots visited (bounded by `maxSlots`). */
  cost = 0;
  /** The table went over `maxSlots`; later rows and cells were dropped. */
  truncated = false;
  /** A cell started at or past `maxColumns` and was dropped. */
  clamped = false;

  constructor(options: TableGridOptions) {
    this.maxSlots = options.maxSlots;
    this.maxColumns = options.maxColumns ?? Number.POSITIVE_INFINITY;
    this.spansWiden = options.width === "spans";
  }

  /** How many source rows were kept. */
  get rows(): number {
    return this.rowCount;
  }

  /** How wide the grid is so far. */
  get width(): number {
    return this.widthSoFar;
  }

  /**
   * Count `slots` that another table took against this one's limit (a table nested in a cell,
   * finished while this one is open, when the limit is shared by every table of a document).
   */
  spend(slots: number): void {
    this.maxSlots -= slots;
  }

  /** Start a row group (HTML's `<thead>`, `<tbody>`, `<tfoot>`): row spans end with the group. */
  beginRowGroup(): void {
    this.endRowGroup();
    this.inGroup = true;
  }

  private endRowGroup(): void {
    // A cell still spanning rows at the group's end stops there.
    for (let column = 0; column < this.coveredEnd; column += 1) {
      const slot = this.columnSlots[column];
      if (slot && occupies(slot, this.rowCount)) slot.rowSpan = this.rowCount - slot.origin.row;
    }
    this.inGroup = false;
    this.columnSlots = [];
    this.coveredEnd = 0;
  }

  /** Start a row; `false` when the table is over its limit and the row must be skipped. */
  beginRow(): boolean {
    if (this.truncated) return false;
    if (!this.inGroup) this.beginRowGroup();
    if ((this.rowCount + 1) * Math.max(this.widthSoFar, 1) > this.maxSlots) {
      this.truncated = true;
      return false;
    }
    this.rowCount += 1;
    this.column = 0;
    this.previous = undefined;
    return true;
  }

  /** Leave `columns` empty slots before the next cell of the row (DOCX `w:gridBefore`). */
  skip(columns: number): void {
    this.column = Math.min(this.column + columns, this.maxColumns);
  }

  /**
   * End the row, `emptyAfter` empty slots after its last cell (DOCX `w:gridAfter`, which widen a
   * `"spans"` grid); `false` when that takes the table over its limit.
   */
  endRow(emptyAfter = 0): boolean {
    if (this.truncated) return false;
    this.skip(emptyAfter);
    if (this.spansWiden) return this.widen(this.column);
    return true;
  }

  /**
   * Place a cell in the current row; `false` when it was dropped: the table went over its limit
   * (`truncated`) or the cell starts past `maxColumns` (`clamped`).
   */
  addCell(cell: GridCell): boolean {
    if (this.truncated || this.rowCount === 0) return false;
    const row = this.rowCount - 1;
    let column = this.column;
    while (occupies(this.columnSlots[column], row)) {
      column += 1;
      this.cost += 1;
    }
    if (column >= this.maxColumns) {
      this.clamped = true;
      return false;
    }
    const wanted = Math.min(cell.colSpan ?? 1, this.maxColumns - column);
    // The span stops at the first slot a cell from a row above holds; past `coveredEnd` none does.
    let colSpan = 1;
    while (
      colSpan < wanted &&
      column + colSpan < this.coveredEnd &&
      !occupies(this.columnSlots[column + colSpan], row)
    ) {
      colSpan += 1;
    }
    if (column + colSpan >= this.coveredEnd) colSpan = wanted;
    this.cost += Math.min(colSpan, Math.max(1, this.coveredEnd - column));
    const left = cell.continuesLeft ? this.previous : undefined;
    const above = left === undefined && cell.continuesAbove ? this.slotAbove(row, column, colSpan) : undefined;
    const merged = left ?? above;
    const rowSpan = cell.rowSpan === 0 ? Number.POSITIVE_INFINITY : (cell.rowSpan ?? 1);
    if (merged === undefined && rowSpan > 1) this.cost += colSpan;
    const width = Math.max(this.widthSoFar, this.spansWiden ? column + colSpan : column + 1);
    if (this.cost > this.maxSlots || this.rowCount * width > this.maxSlots) {
      this.truncated = true;
      return false;
    }
    let slot: GrowingSlot;
    if (merged) {
      slot = merged;
      if (left) slot.colSpan += colSpan;
      else slot.rowSpan += 1;
      if (cell.text !== "") slot.text = slot.text === "" ? cell.text : `${slot.text}\n${cell.text}`;
    } else {
      slot = {
        text: cell.text,
        ...(cell.source ? { source: cell.source } : {}),
        origin: { row, column },
        rowSpan,
        colSpan,
        ...(cell.header ? { header: true as const } : {}),
      };
      if (rowSpan > 1 || cell.mergeable) {
        for (let index = column; index < column + colSpan; index += 1) this.columnSlots[index] = slot;
      }
      if (rowSpan > 1) this.coveredEnd = Math.max(this.coveredEnd, column + colSpan);
      else if (cell.mergeable) this.mergeable.add(slot);
      this.placed.push(slot);
    }
    this.widthSoFar = width;
    this.column = column + colSpan;
    this.previous = slot;
    return true;
  }

  /** The `mergeable` cell ending just above `row` at `column`, `colSpan` wide, if there is one. */
  private slotAbove(row: number, column: number, colSpan: number): GrowingSlot | undefined {
    const above = this.columnSlots[column];
    return above &&
      this.mergeable.has(above) &&
      above.origin.row + above.rowSpan === row &&
      above.origin.column === column &&
      above.colSpan === colSpan
      ? above
      : undefined;
  }

  /** Widen the grid to `width` columns; `false` (and `truncated`) when that takes it over its limit. */
  private widen(width: number): boolean {
    const wider = Math.max(this.widthSoFar, width);
    if (this.cost > this.maxSlots || this.rowCount * wider > this.maxSlots) {
      this.truncated = true;
      return false;
    }
    this.widthSoFar = wider;
    return true;
  }

  /** The grid, `rows[row][column]`, every row as wide as the table; slots no cell covers are empty. */
  finish(): TableSlot[][] {
    this.endRowGroup();
    const height = this.rowCount;
    const width = this.widthSoFar;
    const grid: (TableSlot | undefined)[][] = [];
    for (let row = 0; row < height; row += 1) grid.push(new Array<TableSlot | undefined>(width));
    for (const slot of this.placed) {
      const { row: top, column: left } = slot.origin;
      slot.rowSpan = Math.min(slot.rowSpan, height - top);
      slot.colSpan = Math.min(slot.colSpan, width - left);
      for (let row = top; row < top + slot.rowSpan; row += 1) {
        const slots = grid[row] as (TableSlot | undefined)[];
        for (let column = left; column < left + slot.colSpan; column += 1) slots[column] = slot;
      }
    }
    for (let row = 0; row < height; row += 1) {
      const slots = grid[row] as (TableSlot | undefined)[];
      for (let column = 0; column < width; column += 1) {
        slots[column] ??= { text: "", origin: { row, column }, rowSpan: 1, colSpan: 1 };
      }
    }
    return grid as TableSlot[][];
  }
}
