import type { Segment } from "./page-content";

/** How close (points) two line positions must be to count as the same grid line. */
const tolerance = 2;

/** A rectangle in page points, top-left origin. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A cell of a ruled table: its slot range in the table's own grid and its box. */
export interface RuledCell {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly box: Rect;
}

/** A table drawn with ruling lines: its outline, grid lines and cells. */
export interface RuledTable {
  readonly box: Rect;
  /** x of the column boundaries, left to right (columns + 1 entries). */
  readonly xs: readonly number[];
  /** y of the row boundaries, top to bottom (rows + 1 entries). */
  readonly ys: readonly number[];
  readonly cells: readonly RuledCell[];
}

/** Positions closer than `tolerance` merged into their mean, sorted. */
export function clusterPositions(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const value of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && value - (last[last.length - 1] as number) <= tolerance) last.push(value);
    else clusters.push([value]);
  }
  return clusters.map((cluster) => cluster.reduce((sum, value) => sum + value, 0) / cluster.length);
}

/** Collinear segments that touch or overlap, merged. */
function mergeSegments(segments: readonly Segment[]): Segment[] {
  const byOrientation = [segments.filter((s) => s.horizontal), segments.filter((s) => !s.horizontal)];
  const merged: Segment[] = [];
  for (const group of byOrientation) {
    const sorted = [...group].sort((a, b) => a.at - b.at || a.from - b.from);
    const lanes: Segment[][] = [];
    for (const segment of sorted) {
      const lane = lanes[lanes.length - 1];
      if (lane && Math.abs((lane[0] as Segment).at - segment.at) <= tolerance) lane.push(segment);
      else lanes.push([segment]);
    }
    for (const lane of lanes) {
      const at = lane.reduce((sum, segment) => sum + segment.at, 0) / lane.length;
      const spans = lane.map((segment) => [segment.from, segment.to] as [number, number]).sort((a, b) => a[0] - b[0]);
      let current: [number, number] | undefined;
      for (const span of spans) {
        if (current && span[0] <= current[1] + tolerance) current[1] = Math.max(current[1], span[1]);
        else {
          if (current) merged.push({ horizontal: lane[0]?.horizontal ?? true, at, from: current[0], to: current[1] });
          current = [span[0], span[1]];
        }
      }
      if (current) merged.push({ horizontal: lane[0]?.horizontal ?? true, at, from: current[0], to: current[1] });
    }
  }
  return merged;
}

function crosses(horizontal: Segment, vertical: Segment): boolean {
  return (
    vertical.at >= horizontal.from - tolerance &&
    vertical.at <= horizontal.to + tolerance &&
    horizontal.at >= vertical.from - tolerance &&
    horizontal.at <= vertical.to + tolerance
  );
}

function find(parent: number[], index: number): number {
  let root = index;
  while (parent[root] !== root) root = parent[root] as number;
  let cursor = index;
  while (parent[cursor] !== root) {
    const next = parent[cursor] as number;
    parent[cursor] = root;
    cursor = next;
  }
  return root;
}

function union(parent: number[], a: number, b: number): void {
  const rootA = find(parent, a);
  const rootB = find(parent, b);
  if (rootA !== rootB) parent[rootB] = rootA;
}

/** Whether a line at `at` covers the stretch from `from` to `to` (its middle, at least). */
function covered(lines: readonly Segment[], at: number, from: number, to: number): boolean {
  const middle = (from + to) / 2;
  const reach = Math.min((to - from) / 2, tolerance * 2);
  return lines.some(
    (line) =>
      Math.abs(line.at - at) <= tolerance && line.from <= middle - reach + 0.01 && line.to >= middle + reach - 0.01,
  );
}

/**
 * The tables a page draws with ruling lines: lines that cross each other form a group; a group
 * with at least two horizontal and two vertical lines is a grid, whose slots merge into cells
 * where the line between them is missing (merged cells become spans). A grid of one cell (a frame
 * around text) is no table. `maxSegments` bounds the work: more lines than that on a page and
 * none are read as tables.
 */
export function findRuledTables(segments: readonly Segment[], maxSegments: number): RuledTable[] {
  if (segments.length > maxSegments) return [];
  const lines = mergeSegments(segments).filter((line) => line.to - line.from > tolerance * 2);
  const parent = lines.map((_, index) => index);
  const hIndex = lines.map((line, index) => (line.horizontal ? index : -1)).filter((index) => index >= 0);
  const vIndex = lines.map((line, index) => (line.horizontal ? -1 : index)).filter((index) => index >= 0);
  for (const h of hIndex) {
    for (const v of vIndex) if (crosses(lines[h] as Segment, lines[v] as Segment)) union(parent, h, v);
  }
  const groups = new Map<number, Segment[]>();
  lines.forEach((line, index) => {
    const root = find(parent, index);
    const group = groups.get(root);
    if (group) group.push(line);
    else groups.set(root, [line]);
  });
  const tables: RuledTable[] = [];
  for (const group of groups.values()) {
    const groupH = group.filter((line) => line.horizontal);
    const groupV = group.filter((line) => !line.horizontal);
    if (groupH.length < 2 || groupV.length < 2) continue;
    const table = gridOf(groupH, groupV);
    if (table && table.cells.length > 1) tables.push(table);
  }
  return tables.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

function gridOf(horizontals: readonly Segment[], verticals: readonly Segment[]): RuledTable | undefined {
  const left = Math.min(...horizontals.map((line) => line.from));
  const right = Math.max(...horizontals.map((line) => line.to));
  const top = Math.min(...verticals.map((line) => line.from));
  const bottom = Math.max(...verticals.map((line) => line.to));
  // The outline counts as grid lines too: a table cut by a page break has no closing rule, its
  // vertical lines running on past the last horizontal one.
  const xs = clusterPositions([...verticals.map((line) => line.at), left, right]);
  const ys = clusterPositions([...horizontals.map((line) => line.at), top, bottom]);
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows * columns > 100_000) return undefined;
  const slot = (row: number, column: number): number => row * columns + column;
  const parent = Array.from({ length: rows * columns }, (_, index) => index);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const y0 = ys[row] as number;
      const y1 = ys[row + 1] as number;
      const x1 = xs[column + 1] as number;
      if (column + 1 < columns && !covered(verticals, x1, y0, y1))
        union(parent, slot(row, column), slot(row, column + 1));
      if (row + 1 < rows && !covered(horizontals, y1, xs[column] as number, x1))
        union(parent, slot(row, column), slot(row + 1, column));
    }
  }
  const extents = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const root = find(parent, slot(row, column));
      const extent = extents.get(root);
      if (!extent) extents.set(root, { r0: row, r1: row, c0: column, c1: column });
      else {
        extent.r0 = Math.min(extent.r0, row);
        extent.r1 = Math.max(extent.r1, row);
        extent.c0 = Math.min(extent.c0, column);
        extent.c1 = Math.max(extent.c1, column);
      }
    }
  }
  // A merged area that is not a rectangle (a broken line) is read as its bounding box; boxes that
  // then overlap keep the first (top-left) one.
  const taken = new Array<boolean>(rows * columns).fill(false);
  const cells: RuledCell[] = [];
  const ordered = [...extents.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const extent of ordered) {
    let free = true;
    for (let row = extent.r0; row <= extent.r1 && free; row += 1) {
      for (let column = extent.c0; column <= extent.c1; column += 1) if (taken[slot(row, column)]) free = false;
    }
    if (!free) continue;
    for (let row = extent.r0; row <= extent.r1; row += 1) {
      for (let column = extent.c0; column <= extent.c1; column += 1) taken[slot(row, column)] = true;
    }
    cells.push({
      row: extent.r0,
      column: extent.c0,
      rowSpan: extent.r1 - extent.r0 + 1,
      colSpan: extent.c1 - extent.c0 + 1,
      box: {
        left: xs[extent.c0] as number,
        right: xs[extent.c1 + 1] as number,
        top: ys[extent.r0] as number,
        bottom: ys[extent.r1 + 1] as number,
      },
    });
  }
  return {
    box: { left: xs[0] as number, right: xs[columns] as number, top: ys[0] as number, bottom: ys[rows] as number },
    xs,
    ys,
    cells,
  };
}
