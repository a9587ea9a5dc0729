import { labelKey } from "./normalize";

/** A label the matcher knows, with whatever the caller attaches to it. */
export interface KnownLabel<T> {
  /** The printed label. */
  readonly label: string;
  /** What a match returns. */
  readonly value: T;
}

interface PreparedLabel<T> {
  readonly numbering: string;
  readonly core: string;
  readonly value: T;
}

/** How a token matched a label. */
export interface LabelMatch<T> {
  /** The matched label's value. */
  readonly value: T;
  /** 0 exact, 1 prefix (truncated or with a suffix such as a unit), 2 small edit distance. */
  readonly tier: number;
  /** The edit distance for tier 2, else 0. */
  readonly distance: number;
}

const shortCore = 3;

/**
 * Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. O(n·limit).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    if (from > 1) current[from - 1] = limit + 1;
    for (let j = from; j <= to; j += 1) {
      const substitution = (previous[j - 1] ?? limit + 1) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] ?? limit + 1) + 1;
      const insertion = (current[j - 1] ?? limit + 1) + 1;
      const value = Math.min(substitution, deletion, insertion);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (to < b.length) current[to + 1] = limit + 1;
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? limit + 1;
}

/** The edit distance a label of `length` comparable characters tolerates. */
export function toleratedDistance(length: number): number {
  if (length < 5) return 0;
  return Math.max(1, Math.floor(length / 6));
}

/**
 * A tolerant matcher over a fixed set of printed labels. A token matches when, after folding
 * full/half width, dropping whitespace, quotes, punctuation and the leading numbering, it equals a
 * label, is a long enough prefix of one (a truncated header), starts with one (a header with a unit
 * appended), or is within a small edit distance relative to the label's length. The best tier wins;
 * a tie between different labels is no match. Labels of three characters or fewer (总计, 其他) match
 * only exactly and only with the same numbering.
 */
export class LabelMatcher<T> {
  readonly #labels: readonly PreparedLabel<T>[];
  readonly #exact = new Map<string, PreparedLabel<T>[]>();

  constructor(labels: readonly KnownLabel<T>[]) {
    this.#labels = labels.map((known) => ({ ...labelKey(known.label), value: known.value }));
    for (const prepared of this.#labels) {
      const list = this.#exact.get(prepared.core) ?? [];
      list.push(prepared);
      this.#exact.set(prepared.core, list);
    }
  }

  /** The best unique match for `text`, or `undefined`. */
  match(text: string): LabelMatch<T> | undefined {
    const key = labelKey(text);
    if (key.core.length === 0 || key.core.length > 200) return undefined;
    const exact = (this.#exact.get(key.core) ?? []).filter(
      (label) => label.core.length > shortCore || label.numbering === key.numbering,
    );
    if (exact.length > 0) {
      const withNumbering = exact.filter((label) => label.numbering === key.numbering);
      const chosen = withNumbering.length > 0 ? withNumbering : exact;
      return unique(chosen, 0, 0);
    }
    if (key.core.length <= shortCore) return undefined;
    const prefix = this.#labels.filter(
      (label) =>
        label.core.length > shortCore &&
        ((label.core.startsWith(key.core) && key.core.length * 2 >= label.core.length) ||
          (key.core.startsWith(label.core) && key.core.length - label.core.length <= 6)),
    );
    if (prefix.length > 0) return unique(prefix, 1, 0);
    let best: PreparedLabel<T>[] = [];
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const label of this.#labels) {
      if (label.core.length <= shortCore) continue;
      const limit = toleratedDistance(label.core.length);
      if (limit === 0) continue;
      const distance = boundedEditDistance(key.core, label.core, limit);
      if (distance > limit) continue;
      if (distance < bestDistance) {
        best = [label];
        bestDistance = distance;
      } else if (distance === bestDistance) best.push(label);
    }
    return best.length > 0 ? unique(best, 2, bestDistance) : undefined;
  }
}

function unique<T>(labels: readonly PreparedLabel<T>[], tier: number, distance: number): LabelMatch<T> | undefined {
  const first = labels[0];
  if (!first) return undefined;
  if (labels.some((label) => label.value !== first.value)) return undefined;
  return { value: first.value, tier, distance };
}
