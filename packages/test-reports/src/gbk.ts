/**
 * A test-only GBK encoder: TextEncoder only writes UTF-8, so the table is built by inverting
 * `TextDecoder("gbk")` over every two-byte GBK sequence.
 */
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(new Uint8Array([lead, trail]));
      if (character.length === 1 && character !== "\uFFFD" && !table.has(character))
        table.set(character, [lead, trail]);
    }
  }
  return table;
}

/** `text` as GBK bytes; throws on a character GBK cannot write. */
export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  const map = gbkTable();
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = map.get(character);
    if (!pair) throw new Error(`GBK cannot encode ${character}`);
    bytes.push(...pair);
  }
  return new Uint8Array(bytes);
}
