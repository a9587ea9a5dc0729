import type { ValueColumn } from "./read-value";

/** The most characters a run-together row may have before the splitter refuses it. */
export const maxRunTogetherCharacters = 256;

/** The longest number one cell may hold when splitting run-together digits. */
const maxPartLength = 15;

/** Counts saturate here (they are reported, never enumerated). */
const countCap = 1e15;

/** The most candidate splits listed in a diagnostic. */
export const maxListedSplits = 10;

/** The outcome of splitting run-together digits. */
export interface DigitSplit {
  /** How many ways the text splits into the columns (saturates at 1e15). */
  readonly count: number;
  /** Up to {@link maxListedSplits} candidate splits, each one string per column. */
  readonly candidates: readonly (readonly string[])[];
}

function validPart(part: string, column: ValueColumn): boolean {
  const unsigned = column.signed && (part.startsWith("-") || part.startsWith("+")) ? part.slice(1) : part;
  if (unsigned.length === 0) return false;
  if (column.money) return /^(?:0|[1-9]\d*)(?:\.\d+)?$/u.test(unsigned);
  return /^(?:0|[1-9]\d*)$/u.test(unsigned);
}

/**
 * Count, and list the first few, ways to split whitespace-separated runs of digits into one number
 * per column. Every run boundary is a cell boundary; a cell never has a leading zero (other than
 * `0` itself); decimals only in money columns, signs only in signed columns. Counting is dynamic
 * programming over (position, column), O(length × columns × 15), never enumeration; the
 * candidates are listed by a search that only enters branches with a non-zero count.
 *
 * The split never looks at sums: which split is "right" by the report's arithmetic is the
 * checker's question, not the importer's.
 */
export function splitRunTogether(groups: readonly string[], columns: readonly ValueColumn[]): DigitSplit {
  const text = groups.join("");
  const length = text.length;
  const columnCount = columns.length;
  if (length === 0 || length > maxRunTogetherCharacters) return { count: 0, candidates: [] };
  const groupEnd = new Array<number>(length);
  let position = 0;
  for (const group of groups) {
    for (let index = 0; index < group.length; index += 1) groupEnd[position + index] = position + group.length;
    position += group.length;
  }
  const width = columnCount + 1;
  const ways = new Float64Array((length + 1) * width);
  ways[length * width + columnCount] = 1;
  for (let start = length - 1; start >= 0; start -= 1) {
    const end = Math.min(groupEnd[start] ?? length, start + maxPartLength);
    for (let column = columnCount - 1; column >= 0; column -= 1) {
      const definition = columns[column];
      if (!definition) continue;
      let total = 0;
      for (let stop = start + 1; stop <= end; stop += 1) {
        const rest = ways[stop * width + column + 1] ?? 0;
        if (rest === 0) continue;
        if (!validPart(text.slice(start, stop), definition)) continue;
        total = Math.min(countCap, total + rest);
      }
      ways[start * width + column] = total;
    }
  }
  const count = ways[0] ?? 0;
  const candidates: string[][] = [];
  const parts: string[] = [];
  const walk = (start: number, column: number): void => {
    if (candidates.length >= maxListedSplits) return;
    if (start === length && column === columnCount) {
      candidates.push([...parts]);
      return;
    }
    const definition = columns[column];
    if (!definition) return;
    const end = Math.min(groupEnd[start] ?? length, start + maxPartLength);
    for (let stop = start + 1; stop <= end && candidates.length < maxListedSplits; stop += 1) {
      if ((ways[stop * width + column + 1] ?? 0) === 0) continue;
      const part = text.slice(start, stop);
      if (!validPart(part, definition)) continue;
      parts.push(part);
      walk(stop, column + 1);
      parts.pop();
    }
  };
  if (count > 0) walk(0, 0);
  return { count, candidates };
}
