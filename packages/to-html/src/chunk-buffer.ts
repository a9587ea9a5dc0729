/**
 * The longest chunk `toHtmlPageChunks` yields, in UTF-16 code units: 16 Ki, so a chunk takes at
 * most 32 kB in memory and 48 kB as UTF-8, well under the size past which a JavaScript engine
 * allocates an object on its own pages (V8: 128 kB, a string of 64 Ki two-byte units), which costs
 * far more than the copying it saves on some machines.
 */
export const chunkLength = 16_384;

/** Whether a chunk may end before `index`: not between the two halves of a surrogate pair. */
function canCutBefore(text: string, index: number): boolean {
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  return !(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff);
}

/**
 * Text gathered into chunks of at most {@link chunkLength} UTF-16 code units, in order: the
 * chunks joined are the text added. A chunk is closed when the next text would not fit, so small
 * texts are never split; a text longer than a chunk is cut, never inside a surrogate pair.
 */
export class ChunkBuffer {
  /** Closed chunks not yet taken. */
  #chunks: string[] = [];
  /** The texts of the chunk being filled. */
  #parts: string[] = [];
  #length = 0;

  /** Append `text`. */
  add(text: string): void {
    if (this.#length + text.length > chunkLength) {
      this.#close();
      let start = 0;
      while (text.length - start > chunkLength) {
        let end = start + chunkLength;
        if (!canCutBefore(text, end)) end--;
        this.#chunks.push(text.slice(start, end));
        start = end;
      }
      if (start > 0) this.#parts.push(text.slice(start));
      else this.#parts.push(text);
      this.#length = text.length - start;
      return;
    }
    this.#parts.push(text);
    this.#length += text.length;
  }

  /** The chunks closed since the last call. */
  take(): string[] {
    const chunks = this.#chunks;
    this.#chunks = [];
    return chunks;
  }

  /** Close the chunk being filled; then every chunk not yet taken. */
  finish(): string[] {
    this.#close();
    return this.take();
  }

  #close(): void {
    if (this.#length === 0) return;
    this.#chunks.push(this.#parts.length === 1 ? (this.#parts[0] as string) : this.#parts.join(""));
    this.#parts = [];
    this.#length = 0;
  }
}
