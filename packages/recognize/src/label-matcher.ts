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
  /** The larger of the two distances the core tolerates ({@link toleratedDistance}), to skip far labels before any work. */
  readonly widestDistance: number;
}

/** How a token matched a label. */
export interface LabelMatch<T> {
  /** The matched label's value. */
  readonly value: T;
  /** 0 exact, 1 prefix (truncated or with a suffix such as a unit), 2 nearest within a small edit distance. */
  readonly tier: number;
  /** The edit distance for tier 2, else 0. */
  readonly distance: number;
}

const shortCore = 3;

/**
 * Optimal string alignment distance (Levenshtein with a swap of two neighbouring characters
 * counting as one edit), giving up (returning `limit + 1`) once it must exceed `limit`. O(n·limit).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(over);
  let previous = new Array<number>(b.length + 1).fill(over);
  let current = new Array<number>(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current.fill(over);
    if (i <= limit) current[0] = i;
    let rowMinimum = current[0] ?? over;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    for (let j = from; j <= to; j += 1) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j - 1] ?? over) + (same ? 0 : 1),
        (previous[j] ?? over) + 1,
        (current[j - 1] ?? over) + 1,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (beforePrevious[j - 2] ?? over) + 1);
      }
      current[j] = Math.min(value, over);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return over;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length] ?? over, over);
}

/** Whether `short` is `long` with characters left out (every character of it, in order, is in `long`). */
export function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (let index = 0; index < long.length && at < short.length; index += 1) {
    if (long.charCodeAt(index) === short.charCodeAt(at)) at += 1;
  }
  return at === short.length;
}

/**
 * The edit distance a label of `length` comparable characters tolerates: none up to three
 * characters, one up to seven, then a quarter of the label. A token that is the label with
 * characters left out (a label printed with characters missing) tolerates a third.
 */
export function toleratedDistance(length: number, omissionsOnly = false): number {
  if (length <= shortCore) return 0;
  if (omissionsOnly) return Math.max(1, Math.floor(length / 3));
  return length <= 7 ? 1 : Math.floor(length / 4);
}

/** Options for {@link LabelMatcher.match}. */
export interface MatchOptions<T> {
  /**
   * The labels the caller is reading (one table's): among labels printed the same, these win. A
   * label the text is nearer to stays the match even when it is not preferred, so a caller can
   * tell "another table's label" from "one of mine".
   */
  readonly prefer?: (value: T) => boolean;
}

/**
 * A tolerant matcher over a fixed set of printed labels (an edition's whole vocabulary). A token
 * matches when, after folding full/half width, dropping whitespace, quotes, punctuation and the
 * leading numbering, it equals a label, is a long enough prefix of one (a truncated header),
 * starts with one (a header with a unit appended), or else is nearest to one within a small edit
 * distance relative to the label's length (a character added, missing, changed, or two swapped;
 * more characters missing when nothing else differs). The best tier wins; two different labels
 * equally near are no match, never a guess. Labels of three characters or fewer (总计, 其他)
 * match only exactly and only with the same numbering.
 */
export class LabelMatcher<T> {
  readonly #labels: readonly PreparedLabel<T>[];
  readonly #exact = new Map<string, PreparedLabel<T>[]>();

  constructor(labels: readonly KnownLabel<T>[]) {
    this.#labels = labels.map((known) => {
      const key = labelKey(known.label);
      const widestDistance = Math.max(toleratedDistance(key.core.length), toleratedDistance(key.core.length, true));
      return { ...key, value: known.value, widestDistance };
    });
    for (const prepared of this.#labels) {
      const list = this.#exact.get(prepared.core) ?? [];
      list.push(prepared);
      this.#exact.set(prepared.core, list);
    }
  }

  /** The best unique match for `text`, or `undefined`. */
  match(text: string, options: MatchOptions<T> = {}): LabelMatch<T> | undefined {
    const key = labelKey(text);
    if (key.core.length === 0 || key.core.length > 200) return undefined;
    const exact = (this.#exact.get(key.core) ?? []).filter(
      (label) => label.core.length > shortCore || label.numbering === key.numbering,
    );
    if (exact.length > 0) {
      const withNumbering = exact.filter((label) => label.numbering === key.numbering);
      return unique(withNumbering.length > 0 ? withNumbering : exact, 0, 0, options);
    }
    if (key.core.length <= shortCore) return undefined;
    const prefix = this.#labels.filter(
      (label) =>
        label.core.length > shortCore &&
        ((label.core.startsWith(key.core) && key.core.length * 2 >= label.core.length) ||
          (key.core.startsWith(label.core) && key.core.length - label.core.length <= 6)),
    );
    if (prefix.length > 0) return unique(prefix, 1, 0, options);
    let best: PreparedLabel<T>[] = [];
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const label of this.#labels) {
      if (label.core.length <= shortCore || Math.abs(key.core.length - label.core.length) > label.widestDistance)
        continue;
      const omissions = key.core.length < label.core.length && isSubsequence(key.core, label.core);
      const limit = toleratedDistance(label.core.length, omissions);
      if (Math.abs(key.core.length - label.core.length) > limit) continue;
      const distance = omissions
        ? label.core.length - key.core.length
        : boundedEditDistance(key.core, label.core, limit);
      if (distance > limit) continue;
      if (distance < bestDistance) {
        best = [label];
        bestDistance = distance;
      } else if (distance === bestDistance) best.push(label);
    }
    return best.length > 0 ? unique(best, 2, bestDistance, options) : undefined;
  }
}

/**
 * The one value the labels give, or undefined when they give two. Labels printed the same (one
 * label in two tables) are one answer: the preferred one wins among them.
 */
function unique<T>(
  labels: readonly PreparedLabel<T>[],
  tier: number,
  distance: number,
  options: MatchOptions<T>,
): LabelMatch<T> | undefined {
  const first = labels[0];
  if (!first) return undefined;
  if (labels.some((label) => label.value !== first.value)) {
    if (labels.some((label) => label.core !== first.core)) return undefined;
    const preferred = options.prefer ? labels.filter((label) => options.prefer?.(label.value)) : [];
    const chosen = preferred[0];
    if (!chosen || preferred.some((label) => label.value !== chosen.value)) return undefined;
    return { value: chosen.value, tier, distance };
  }
  return { value: first.value, tier, distance };
}
