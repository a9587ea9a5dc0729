/**
 * Values made once per key and kept, until the cache holds `limit` keys: then it starts over.
 * For what a rendering asks again and again from a few keys (class prefixes, option sets, the
 * findings' rule pages), so that a caller passing ever new keys never grows it without bound.
 */
export class BoundedCache<V> {
  readonly #values = new Map<string, V>();

  constructor(readonly limit: number) {}

  /** The value for `key`: kept, or made by `make` and kept. */
  get(key: string, make: () => V): V {
    if (this.#values.has(key)) return this.#values.get(key) as V;
    const value = make();
    if (this.#values.size >= this.limit) this.#values.clear();
    this.#values.set(key, value);
    return value;
  }
}
