import { describe, expect, it } from "vitest";
import type { TableSlot } from "./block-document";
import { type GridCell, TableGridBuilder, type TableGridOptions } from "./table-grid-builder";

/** Build a grid from rows of cells (a string is a one-slot cell with that text). */
function build(rows: readonly (readonly (GridCell | string)[])[], options: TableGridOptions = { maxSlots: 1_000 }) {
  const builder = new TableGridBuilder(options);
  for (const cells of rows) {
    if (!builder.beginRow()) break;
    for (const cell of cells) builder.addCell(typeof cell === "string" ? { text: cell } : cell);
    builder.endRow();
  }
  return { builder, grid: builder.finish() };
}

/** Each slot as "text" (its own cell's top-left slot) or "^text" (a slot a span covers). */
function picture(grid: TableSlot[][]): string[][] {
  return grid.map((slots, row) =>
    slots.map((slot, column) =>
      slot.origin.row === row && slot.origin.column === column ? slot.text : `^${slot.text}`,
    ),
  );
}

describe("TableGridBuilder: the HTML table model (the default)", () => {
  it("places a cell in the first slot no row-spanning cell above holds", () => {
    const { grid } = build([
      [{ text: "a", rowSpan: 2 }, "b", "c"],
      ["d", "e"],
    ]);
    expect(picture(grid)).toEqual([
      ["a", "b", "c"],
      ["^a", "d", "e"],
    ]);
    expect(grid[1]?.[0]).toBe(grid[0]?.[0]);
    expect(grid[0]?.[0]).toMatchObject({ origin: { row: 0, column: 0 }, rowSpan: 2, colSpan: 1 });
  });

  it("cuts a row span at the end of its row group, and reads rowSpan 0 as reaching it", () => {
    const builder = new TableGridBuilder({ maxSlots: 1_000 });
    builder.beginRowGroup();
    builder.beginRow();
    builder.addCell({ text: "a", rowSpan: 5 });
    builder.addCell({ text: "b", rowSpan: 0 });
    builder.beginRow();
    builder.beginRowGroup();
    builder.beginRow();
    builder.addCell({ text: "c" });
    builder.addCell({ text: "d" });
    const grid = builder.finish();
    expect(picture(grid)).toEqual([
      ["a", "b"],
      ["^a", "^b"],
      ["c", "d"],
    ]);
    expect([grid[0]?.[0]?.rowSpan, grid[0]?.[1]?.rowSpan]).toEqual([2, 2]);
  });

  it("cuts a column span where a cell from a row above holds the slot", () => {
    const { grid } = build([["a", { text: "b", rowSpan: 2 }], [{ text: "c", colSpan: 3 }]]);
    expect(picture(grid)).toEqual([
      ["a", "b"],
      ["c", "^b"],
    ]);
    expect(grid[1]?.[0]?.colSpan).toBe(1);
  });

  it("drops columns in which no cell starts, cutting the spans that reach them", () => {
    const { grid } = build([[{ text: "a", colSpan: 4 }], ["b", "c"]]);
    expect(picture(grid)).toEqual([
      ["a", "^a"],
      ["b", "c"],
    ]);
    expect(grid[0]?.[0]?.colSpan).toBe(2);
  });

  it("fills slots no cell covers with empty slots of their own, and keeps source and header", () => {
    const source = { line: 3, column: 5, offset: 40 };
    const { grid } = build([[{ text: "h", header: true, source }, "x"], ["y"]]);
    expect(grid[0]?.[0]).toEqual({
      text: "h",
      source,
      origin: { row: 0, column: 0 },
      rowSpan: 1,
      colSpan: 1,
      header: true,
    });
    expect(grid[1]?.[1]).toEqual({ text: "", origin: { row: 1, column: 1 }, rowSpan: 1, colSpan: 1 });
    expect(grid[0]?.[1]).not.toHaveProperty("header");
  });
});

describe("TableGridBuilder: merged cells and a fixed grid (DOCX)", () => {
  const spans: TableGridOptions = { maxSlots: 1_000, width: "spans" };

  it("continues a mergeable cell down the column while the width matches, joining the text", () => {
    const { grid } = build(
      [
        [{ text: "top", colSpan: 2, mergeable: true }, "x"],
        [{ text: "more", colSpan: 2, continuesAbove: true, mergeable: true }, "y"],
        [{ text: "", colSpan: 1, continuesAbove: true, mergeable: true }, "z"],
      ],
      spans,
    );
    expect(picture(grid)).toEqual([
      ["top\nmore", "^top\nmore", "x"],
      ["^top\nmore", "^top\nmore", "y"],
      ["", "z", ""],
    ]);
    expect(grid[0]?.[0]).toMatchObject({ rowSpan: 2, colSpan: 2 });
  });

  it("does not continue a cell that is not mergeable or that ended rows before", () => {
    const { grid } = build(
      [["a"], [{ text: "b", continuesAbove: true }], ["c"], [{ text: "d", continuesAbove: true }]],
      spans,
    );
    expect(picture(grid)).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });

  it("continues the cell on the left, but starts a cell for the first cell of a row", () => {
    const { grid } = build([[{ text: "a", continuesLeft: true }, { text: "", continuesLeft: true }, "b"]], spans);
    expect(picture(grid)).toEqual([["a", "^a", "b"]]);
    expect(grid[0]?.[0]?.colSpan).toBe(2);
  });

  it("keeps columns that only a span, skipped slots or trailing empty slots reach", () => {
    const builder = new TableGridBuilder(spans);
    builder.beginRow();
    builder.skip(1);
    builder.addCell({ text: "a", colSpan: 2 });
    builder.endRow(2);
    builder.beginRow();
    builder.addCell({ text: "b" });
    builder.endRow();
    expect(picture(builder.finish())).toEqual([
      ["", "a", "^a", "", ""],
      ["b", "", "", "", ""],
    ]);
  });

  it("cuts a span at maxColumns and drops a cell starting past it, setting clamped", () => {
    const { builder, grid } = build([[{ text: "a", colSpan: 10 }, "b"]], { ...spans, maxColumns: 4 });
    expect(picture(grid)).toEqual([["a", "^a", "^a", "^a"]]);
    expect(builder.clamped).toBe(true);
    expect(builder.truncated).toBe(false);
  });
});

describe("TableGridBuilder limits", () => {
  it("stops at maxSlots while reading: the row that would pass it is refused and the table cut", () => {
    const rows = Array.from({ length: 10 }, (_, row) => [`${row}a`, `${row}b`]);
    const { builder, grid } = build(rows, { maxSlots: 7 });
    expect(builder.truncated).toBe(true);
    expect(builder.rows).toBe(3);
    expect(grid.map((slots) => slots.map((slot) => slot.text))).toEqual([
      ["0a", "0b"],
      ["1a", "1b"],
      ["2a", "2b"],
    ]);
    expect(builder.beginRow()).toBe(false);
  });

  it("refuses a cell that would widen the grid past maxSlots", () => {
    const builder = new TableGridBuilder({ maxSlots: 4, width: "spans" });
    builder.beginRow();
    expect(builder.addCell({ text: "a", colSpan: 2 })).toBe(true);
    builder.endRow();
    expect(builder.beginRow()).toBe(true);
    expect(builder.addCell({ text: "b", colSpan: 3 })).toBe(false);
    expect(builder.truncated).toBe(true);
    expect(builder.finish().map((slots) => slots.map((slot) => slot.text))).toEqual([
      ["a", "a"],
      ["", ""],
    ]);
  });

  it("counts slots another table spent against the limit", () => {
    const builder = new TableGridBuilder({ maxSlots: 10 });
    builder.beginRow();
    builder.addCell({ text: "a" });
    builder.addCell({ text: "b" });
    builder.spend(7);
    expect(builder.beginRow()).toBe(false);
    expect(builder.truncated).toBe(true);
  });
});
