import type { TextRun } from "./page-content";

/** A line of text on a page: runs on one baseline, left to right. */
export interface TextLine {
  readonly runs: readonly TextRun[];
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The font size most of its characters use. */
  readonly size: number;
}

const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Whether a character is CJK or full-width (text joined without a space around it). */
export function isWide(character: string): boolean {
  return cjk.test(character);
}

/**
 * Two pieces of text joined as a reader reads them: nothing between CJK or full-width characters
 * (a wrapped Chinese line, characters spaced out to fill a cell), a space between Latin words.
 */
export function joinText(before: string, after: string): string {
  if (before === "") return after;
  if (after === "") return before;
  const last = before.charAt(before.length - 1);
  const first = after.charAt(0);
  if (/\s/u.test(last) || /\s/u.test(first) || isWide(last) || isWide(first)) return before + after;
  return `${before} ${after}`;
}

/** Spaces between two CJK or full-width characters removed (letter-spacing printed as spaces). */
export function squeezeWideSpaces(text: string): string {
  return text.replace(
    /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]) +(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])/gu,
    "$1",
  );
}

function sizeOf(runs: readonly TextRun[]): number {
  const weights = new Map<number, number>();
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + run.text.length);
  }
  let best = runs[0]?.size ?? 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

/** The text of runs on one line: a space where the gap between runs is wide and no space was printed. */
function lineText(runs: readonly TextRun[]): string {
  let text = "";
  let previous: TextRun | undefined;
  for (const run of runs) {
    if (previous) {
      const gap = run.left - previous.right;
      const size = Math.min(run.size, previous.size);
      const spaced = /\s$/u.test(text) || /^\s/u.test(run.text);
      if (!spaced && gap > size * 0.6) text += " ";
      else if (!spaced && gap > size * 0.15 && !isWide(text.charAt(text.length - 1)) && !isWide(run.text.charAt(0)))
        text += " ";
    }
    text += run.text;
    previous = run;
  }
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Runs grouped into lines: runs whose vertical middles are within half a font size of each other
 * share a line; lines top to bottom, runs left to right.
 */
export function groupLines(runs: readonly TextRun[]): TextLine[] {
  const middleOf = (run: TextRun): number => (run.top + run.bottom) / 2;
  const sorted = [...runs].sort((a, b) => middleOf(a) - middleOf(b) || a.left - b.left);
  const groups: TextRun[][] = [];
  let current: TextRun[] | undefined;
  let anchor = 0;
  let anchorSize = 0;
  for (const run of sorted) {
    const middle = middleOf(run);
    if (current && Math.abs(middle - anchor) <= Math.min(anchorSize, run.size) * 0.5) current.push(run);
    else {
      current = [run];
      groups.push(current);
      anchor = middle;
      anchorSize = run.size;
    }
  }
  return groups
    .map((group) => {
      const ordered = group.sort((a, b) => a.left - b.left);
      return {
        runs: ordered,
        text: lineText(ordered),
        left: Math.min(...ordered.map((run) => run.left)),
        right: Math.max(...ordered.map((run) => run.right)),
        top: Math.min(...ordered.map((run) => run.top)),
        bottom: Math.max(...ordered.map((run) => run.bottom)),
        size: sizeOf(ordered),
      };
    })
    .filter((line) => line.text !== "")
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A line split where the gap between runs is wider than two font sizes: the pieces of a row of a
 * table printed without ruling lines. One piece when there is no such gap.
 */
export function splitAtGaps(line: TextLine): TextLine[] {
  const pieces: TextRun[][] = [];
  for (const run of line.runs) {
    const current = pieces[pieces.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && run.left - last.right <= Math.max(last.size, run.size) * 2) current.push(run);
    else pieces.push([run]);
  }
  return pieces.map((runs) => ({
    runs,
    text: lineText(runs),
    left: Math.min(...runs.map((run) => run.left)),
    right: Math.max(...runs.map((run) => run.right)),
    top: Math.min(...runs.map((run) => run.top)),
    bottom: Math.max(...runs.map((run) => run.bottom)),
    size: sizeOf(runs),
  }));
}
