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
