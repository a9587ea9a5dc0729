import { closeSync, openSync, rmSync, writeSync } from "node:fs";

/**
 * The UTF-8 of one chunk is made here, every time: room for a chunk of 16 Ki UTF-16 units
 * (to-html's largest) at up to three bytes a unit. A longer text is encoded a part at a time.
 */
const scratch = new Uint8Array(3 * 16_384);
const encoder = new TextEncoder();

/** Write all of `text` to `descriptor` as UTF-8, through the scratch buffer. */
function writeText(descriptor: number, text: string): void {
  let rest = text;
  while (rest.length > 0) {
    // encodeInto stops before a character that does not fit, never inside one.
    const { read, written } = encoder.encodeInto(rest, scratch);
    let offset = 0;
    while (offset < written) offset += writeSync(descriptor, scratch, offset, written - offset);
    rest = read === rest.length ? "" : rest.slice(read);
  }
}

/**
 * Write a file from `chunks` (such as to-html's `toHtmlPageChunks`), one chunk at a time, so that
 * neither the file's text nor its UTF-8 is ever one large object. If a chunk cannot be made or
 * written, or the file cannot be closed, the file is removed (no partial file is left behind;
 * a file that was there before is gone too) and the error is thrown.
 */
export function writeFileChunks(path: string, chunks: Iterable<string>): void {
  const descriptor = openSync(path, "w");
  let open = true;
  try {
    for (const chunk of chunks) writeText(descriptor, chunk);
    open = false;
    closeSync(descriptor);
  } catch (error) {
    // The error to report is the first one: closing and removing are tried, whatever they throw.
    try {
      if (open) closeSync(descriptor);
    } catch {
      // Already reporting why the file could not be written.
    }
    try {
      rmSync(path, { force: true });
    } catch {
      // Likewise: the file could not be removed either, but the first error says why it is wrong.
    }
    throw error;
  }
}
