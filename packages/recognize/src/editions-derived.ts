import { type EditionDataShape, listEditions } from "@gongkai/core";

/**
 * A value derived from every registered edition's data (what the recognizer looks for before it
 * knows a report's edition): built on first use, and again only when an edition has been
 * registered since. Editions are only ever added, so their count tells.
 */
export function fromRegisteredEditions<T>(build: (editions: readonly EditionDataShape[]) => T): () => T {
  let built: { readonly editions: number; readonly value: T } | undefined;
  return () => {
    const editions = listEditions();
    if (built?.editions !== editions.length) built = { editions: editions.length, value: build(editions) };
    return built.value;
  };
}
