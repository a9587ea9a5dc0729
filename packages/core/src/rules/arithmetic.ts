/** Round away floating-point noise (counts, and money with a few decimals). */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Add up numbers exactly enough for counts and money with two decimals. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return round(total);
}
