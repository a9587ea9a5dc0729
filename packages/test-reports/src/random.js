// Plain JavaScript (with random.d.ts beside it), so that the benches, which run under node without
// TypeScript, draw the same numbers as the TypeScript builders.

/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed gives the same numbers
 * in [0, 1).
 *
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
