import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where a text is in a {@link SpillFile}: its byte offset and length. */
export interface SpillLocation {
  readonly offset: number;
  readonly length: number;
}

/** Texts gathered in memory before they are written out together: 256 kB. */
const bufferSize = 256 * 1024;

/**
 * Texts kept on disk rather than in memory, for what a run keeps of every report but reads back
 * only now and then (the series' cross-year slices): appended through a 256 kB buffer to a file in
 * a temporary directory of its own (made on the first write, so a small run never touches the
 * disk); reading one back is one `readSync`, or a copy out of the buffer while it is still there.
 * {@link close} removes the file.
 */
export class SpillFile {
  private directory: string | undefined;
  private descriptor: number | undefined;
  private readonly buffer = Buffer.allocUnsafe(bufferSize);
  /** Bytes in the buffer, not yet in the file. */
  private buffered = 0;
  /** Bytes in the file. */
  private written = 0;

  /**
   * Keep `text`; returns where it is. Throws when the file cannot be made or written (what was
   * kept before stays readable, and a later call tries again).
   */
  add(text: string): SpillLocation {
    const length = Buffer.byteLength(text);
    if (this.buffered + length > bufferSize) this.flush();
    const offset = this.written + this.buffered;
    if (length > bufferSize) this.writeOut(Buffer.from(text));
    else this.buffered += this.buffer.write(text, this.buffered);
    return { offset, length };
  }

  /** The text kept at `location`. */
  read(location: SpillLocation): string {
    if (location.offset >= this.written) {
      const start = location.offset - this.written;
      return this.buffer.toString("utf8", start, start + location.length);
    }
    const bytes = Buffer.allocUnsafe(location.length);
    let read = 0;
    while (read < location.length) {
      const count = readSync(this.descriptor as number, bytes, read, location.length - read, location.offset + read);
      if (count === 0) throw new Error(`spill file: ${location.length - read} bytes missing at ${location.offset}`);
      read += count;
    }
    return bytes.toString("utf8");
  }

  /** Close and remove the file. */
  close(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
    if (this.directory !== undefined) rmSync(this.directory, { recursive: true, force: true });
    this.directory = undefined;
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.writeOut(this.buffer.subarray(0, this.buffered));
    this.buffered = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    if (this.descriptor === undefined) {
      const directory = mkdtempSync(join(tmpdir(), "gongkai-audit-spill-"));
      try {
        this.descriptor = openSync(join(directory, "spill"), "w+");
      } catch (error) {
        rmSync(directory, { recursive: true, force: true });
        throw error;
      }
      this.directory = directory;
    }
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(this.descriptor, bytes, done, bytes.length - done, this.written + done);
    }
    this.written += bytes.length;
  }
}
