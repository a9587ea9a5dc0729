/**
 * How many levels of objects and arrays `writeJson` opens before it writes a value whole: two
 * splits a report into its meta, preamble, each part and each table (table 三 with its cells'
 * sources is about 40,000 units), where more levels cost more calls than they save.
 */
const openLevels = 2;

/** An array, or an object of `Object`'s (or no) prototype, without `toJSON`: one whose JSON is its members'. */
function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Write `JSON.stringify(value)` to `write` in parts, in order: the outer objects and arrays
 * (down to {@link openLevels} levels) member by member, each deeper value with one
 * `JSON.stringify`, so that a large report's JSON is never one large string. The parts joined
 * are `JSON.stringify(value)` for any value `JSON.stringify` serializes to a string (members
 * `undefined`, functions and symbols are left out of objects and are `null` in arrays, as there).
 * A deeper value's `toJSON` is called with the key `""`, not its member's name.
 */
export function writeJson(value: unknown, write: (text: string) => void, levels = openLevels): void {
  if (levels === 0 || !isPlainContainer(value)) {
    write(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    write("[");
    for (let index = 0; index < value.length; index++) {
      if (index > 0) write(",");
      const item: unknown = value[index];
      if (isPlainContainer(item)) writeJson(item, write, levels - 1);
      else {
        const text: string | undefined = JSON.stringify(item);
        write(text ?? "null");
      }
    }
    write("]");
    return;
  }
  write("{");
  let separator = "";
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (isPlainContainer(item)) {
      write(`${separator}${JSON.stringify(key)}:`);
      writeJson(item, write, levels - 1);
    } else {
      const text: string | undefined = JSON.stringify(item);
      if (text === undefined) continue;
      write(`${separator}${JSON.stringify(key)}:${text}`);
    }
    separator = ",";
  }
  write("}");
}
