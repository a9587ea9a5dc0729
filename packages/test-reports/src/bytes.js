// Plain JavaScript (with bytes.d.ts beside it), so that build-pdf.js and the benches, which run
// under node without TypeScript, use the same helper as the TypeScript tests.

/**
 * The byte arrays one after another, as one new array.
 *
 * @param {readonly Uint8Array[]} parts
 * @returns {Uint8Array}
 */
export function concatBytes(...parts) {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
