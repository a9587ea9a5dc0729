import type { SourcePosition } from "@gongkai/core";
import type { TableSlot } from "@gongkai/recognize";

/** The largest `colspan` browsers honour (HTML spec). */
export const maxColSpan = 1000;
/** The largest `rowspan` browsers honour (HTML spec). */
export const maxRowSpan = 65534;

/** The HTML spec's "rules for parsing non-negative integers"; `undefined` when there is no number. */
export function parseNonNegativeInteger(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  if (!match) return undefined;
  const digits = (match[1] as string).replace(/^0+(?=\d)/, "");
  return digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits);
}

/** A `colspan` attribute as browsers read it: 1 when missing, invalid or 0; at most 1000. */
export function colSpanOf(value: string | undefined): number {
  const span = parseNonNegativeInteger(value);
  if (span === undefined || span === 0) return 1;
  return Math.min(span, maxColSpan);
}

/** A `rowspan` attribute as browsers read it: 1 when missing or invalid, 0 for "to the end of the row group", at most 65534. */
export function rowSpanOf(value: string | undefined): number {
  const span = parseNonNegativeInteger(value);
  if (span === undefined) return 1;
  return Math.min(span, maxRowSpan);
}

/** A cell as read from the source, before placement. */
export interface CellDraft {
  readonly text: string;
  readonly source: SourcePosition;
  readonly header: boolean;
  /** The parsed `rowspan` (0: to the end of the row group). */
  readonly rowSpan: number;
  /** The parsed `colspan` (1–1000). */
  readonly colSpan: number;
}

interface PlacedCell {
  readonly draft: CellDraft;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly group: number;
}

/**
 * Builds a table grid by the HTML table model: cells placed left to right in the first free slot,
 * `rowspan` clamped to the end of the row group (`0` reaches it), `colspan` clamped where it would
 * overlap a cell from a row above, trailing columns in which no cell starts dropped. Work and slot
 * count are bounded by `budget`: past it the table is cut short and `truncated` is set.
 */
export class TableGridBuilder {
  private readonly cells: PlacedCell[] = [];
  private readonly groupEnds: number[] = [];
  private coveredUntil: number[] = [];
  /** One past the last column a row-spanning cell of this row group covers. */
  private coveredEnd = 0;
  private rowCount = 0;
  private width = 0;
  private column = 0;
  private inGroup = false;
  /** Work done so far, in slots visited (bounded by the budget). */
  cost = 0;
  /** The table hit its budget; later rows and cells were dropped. */
  truncated = false;
  /** How many source rows were kept. */
  get rows(): number {
    return this.rowCount;
  }

  constructor(private readonly budget: number) {}

  /** Start a `<thead>`, `<tbody>` or `<tfoot>`. */
  beginRowGroup(): void {
    this.endRowGroup();
    this.inGroup = true;
  }

  private endRowGroup(): void {
    if (this.inGroup) this.groupEnds.push(this.rowCount);
    this.inGroup = false;
    this.coveredUntil = [];
    this.coveredEnd = 0;
  }

  /** Start a `<tr>`; `false` when the table is over budget and the row must be skipped. */
  beginRow(): boolean {
    if (this.truncated) return false;
    if (!this.inGroup) this.beginRowGroup();
    if ((this.rowCount + 1) * Math.max(this.width, 1) > this.budget) {
      this.truncated = true;
      return false;
    }
    this.rowCount += 1;
    this.column = 0;
    return true;
  }

  /** Place a cell in the current row; `false` when the table went over budget. */
  addCell(draft: CellDraft): boolean {
    if (this.truncated || this.rowCount === 0) return false;
    const row = this.rowCount - 1;
    const covered = this.coveredUntil;
    let column = this.column;
    while ((covered[column] ?? 0) > row) {
      column += 1;
      this.cost += 1;
    }
    // The span stops at the first slot a cell from a row above holds; past `coveredEnd` none does.
    let colSpan = 1;
    while (colSpan < draft.colSpan && column + colSpan < this.coveredEnd && !((covered[column + colSpan] ?? 0) > row)) {
      colSpan += 1;
    }
    if (column + colSpan >= this.coveredEnd) colSpan = draft.colSpan;
    this.cost += Math.min(colSpan, Math.max(1, this.coveredEnd - column));
    const rowSpan = draft.rowSpan === 0 ? Number.POSITIVE_INFINITY : draft.rowSpan;
    if (rowSpan > 1) {
      for (let index = column; index < column + colSpan; index += 1) covered[index] = row + rowSpan;
      this.coveredEnd = Math.max(this.coveredEnd, column + colSpan);
      this.cost += colSpan;
    }
    const width = Math.max(this.width, column + 1);
    if (this.cost > this.budget || this.rowCount * width > this.budget) {
      this.truncated = true;
      return false;
    }
    this.width = width;
    this.cells.push({ draft, row, column, rowSpan, colSpan, group: this.groupEnds.length });
    this.column = column + colSpan;
    return true;
  }

  /** The grid, `rows[row][column]`, every row as wide as the table. */
  finish(): TableSlot[][] {
    this.endRowGroup();
    const height = this.rowCount;
    const width = this.width;
    const grid: (TableSlot | undefined)[][] = [];
    for (let row = 0; row < height; row += 1) grid.push(new Array<TableSlot | undefined>(width).fill(undefined));
    for (const cell of this.cells) {
      const groupEnd = this.groupEnds[cell.group] ?? height;
      const rowSpan = Math.min(cell.rowSpan, groupEnd - cell.row);
      const colSpan = Math.min(cell.colSpan, width - cell.column);
      const slot: TableSlot = {
        text: cell.draft.text,
        source: cell.draft.source,
        origin: { row: cell.row, column: cell.column },
        rowSpan,
        colSpan,
        ...(cell.draft.header ? { header: true } : {}),
      };
      for (let row = cell.row; row < cell.row + rowSpan; row += 1) {
        const slots = grid[row] as (TableSlot | undefined)[];
        for (let column = cell.column; column < cell.column + colSpan; column += 1) slots[column] = slot;
      }
    }
    return grid.map((slots, row) =>
      slots.map((slot, column) => slot ?? { text: "", origin: { row, column }, rowSpan: 1, colSpan: 1 }),
    );
  }
}
