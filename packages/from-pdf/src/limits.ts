import { Unzlib } from "fflate";
import { PdfReadError } from "./pdf-read-error";

/** Limits for {@link pdfToBlocks}. Every limit has a default (see {@link defaultPdfLimits}). */
export interface PdfLimits {
  /** Largest file accepted, in bytes (default 64 MiB). Larger → `too-large`. */
  readonly maxBytes?: number;
  /** Most pages read (default 300). More → `too-many-pages`. */
  readonly maxPages?: number;
  /** Most objects in the file (default 200 000). More → `too-many-objects`. */
  readonly maxObjects?: number;
  /** Largest stream, compressed, in bytes (default 32 MiB). Larger → `too-large`. */
  readonly maxStreamBytes?: number;
  /**
   * Most bytes all Flate-compressed streams may inflate to together (default 128 MiB), measured
   * before any page is read. More → `decoded-too-large`.
   */
  readonly maxDecodedBytes?: number;
  /** Most drawing operators and text runs over all pages (default 2 000 000). More → `too-complex`. */
  readonly maxOperators?: number;
}

/** The limits {@link pdfToBlocks} applies when its options do not set them. */
export const defaultPdfLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxPages: 300,
  maxObjects: 200_000,
  maxStreamBytes: 32 * 1024 * 1024,
  maxDecodedBytes: 128 * 1024 * 1024,
  maxOperators: 2_000_000,
} as const satisfies Required<PdfLimits>;

/** Whether the bytes are a PDF: `%PDF-` within the first 1024 bytes, as PDF readers accept. */
export function isPdf(bytes: Uint8Array): boolean {
  return headerOffset(bytes) !== -1;
}

function headerOffset(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - 5, 1024);
  for (let index = 0; index <= end; index += 1) {
    if (
      bytes[index] === 0x25 &&
      bytes[index + 1] === 0x50 &&
      bytes[index + 2] === 0x44 &&
      bytes[index + 3] === 0x46 &&
      bytes[index + 4] === 0x2d
    )
      return index;
  }
  return -1;
}

/**
 * Input bytes fed to the inflater at a time: with the stream's backpressure, what one step can
 * make (at most about 1032 times this, deflate's largest ratio) bounds the memory a bomb costs.
 */
const inflateChunk = 16 * 1024;

/** How many bytes a zlib stream inflates to, stopping once it passes `budget`; undefined when it is not zlib data. */
async function inflatedSize(data: Uint8Array, budget: number): Promise<number | undefined> {
  if (typeof DecompressionStream !== "function") return inflatedSizeInScript(data, budget);
  let offset = 0;
  const source = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (offset >= data.length) {
          controller.close();
          return;
        }
        const end = Math.min(offset + inflateChunk, data.length);
        // A copy: the stream may transfer what it is given.
        controller.enqueue(data.slice(offset, end));
        offset = end;
      },
    },
    { highWaterMark: 0 },
  );
  // The platform's zlib (Node and browsers): many times faster than inflating in script.
  const reader = source.pipeThrough(new DecompressionStream("deflate")).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > budget) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    // Not zlib data, or damaged part way (pdf.js reads what inflates): count what came out.
    return total > 0 ? total : undefined;
  }
  return total;
}

/** {@link inflatedSize} without `DecompressionStream` (an older browser): fflate, in 4 KiB steps. */
function inflatedSizeInScript(data: Uint8Array, budget: number): number | undefined {
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
  });
  try {
    for (let offset = 0; offset < data.length && total <= budget; offset += 4096) {
      const end = Math.min(offset + 4096, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch {
    return total > 0 ? total : undefined;
  }
  return total;
}

/** The trailing part of a decoded file that a dictionary before a stream is searched in. */
const dictionaryWindow = 2048;

/**
 * The checks made before pdf.js sees the file: the header, the file size, the number of objects,
 * each stream's size and what the Flate streams inflate to together. Cheap next to parsing (one
 * pass over the bytes and one inflate of each Flate stream by the platform's zlib, stopped at the
 * budget).
 *
 * @returns whether the file declares encryption (its streams are then not measured).
 * @throws {PdfReadError} `not-a-pdf`, `too-large`, `too-many-objects` or `decoded-too-large`.
 */
export async function precheck(bytes: Uint8Array, limits: Required<PdfLimits>): Promise<{ encrypted: boolean }> {
  if (bytes.length > limits.maxBytes) {
    throw new PdfReadError({
      code: "too-large",
      message: `The file has ${bytes.length} bytes, more than maxBytes (${limits.maxBytes}).`,
    });
  }
  if (headerOffset(bytes) === -1) {
    throw new PdfReadError({ code: "not-a-pdf", message: "The file does not start with a PDF header (%PDF-)." });
  }
  const text = latin1(bytes);
  const encrypted = /\/Encrypt\s*\d+\s+\d+\s+R|\/Encrypt\s*<</u.test(text);
  let objects = 0;
  const objectPattern = /\d+\s+\d+\s+obj\b/gu;
  while (objectPattern.exec(text)) {
    objects += 1;
    if (objects > limits.maxObjects) tooManyObjects(objects, limits);
  }
  const streamPattern = /stream(?:\r\n|\n|\r)/gu;
  let decoded = 0;
  for (let match = streamPattern.exec(text); match; match = streamPattern.exec(text)) {
    const keyword = match.index;
    if (text.startsWith("end", keyword - 3)) continue;
    const start = keyword + match[0].length;
    const dictionary = text.slice(Math.max(0, keyword - dictionaryWindow), keyword);
    const dictionaryStart = dictionary.lastIndexOf("obj");
    const own = dictionaryStart === -1 ? dictionary : dictionary.slice(dictionaryStart);
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/u.exec(own);
    let end = declared ? start + Number(declared[1]) : -1;
    if (end < start || end > bytes.length || !text.startsWith("endstream", skipWhitespace(text, end))) {
      end = text.indexOf("endstream", start);
      if (end === -1) end = bytes.length;
    }
    if (end - start > limits.maxStreamBytes) {
      throw new PdfReadError({
        code: "too-large",
        message: `A stream has ${end - start} bytes, more than maxStreamBytes (${limits.maxStreamBytes}).`,
        offset: start,
      });
    }
    const objectStream = /\/Type\s*\/ObjStm/u.test(own) ? /\/N\s+(\d+)/u.exec(own) : null;
    if (objectStream) {
      objects += Number(objectStream[1]);
      if (objects > limits.maxObjects) tooManyObjects(objects, limits);
    }
    if (!encrypted && /\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)\b/u.test(own)) {
      const size = await inflatedSize(bytes.subarray(start, end), limits.maxDecodedBytes - decoded);
      decoded += size ?? 0;
      if (decoded > limits.maxDecodedBytes) {
        throw new PdfReadError({
          code: "decoded-too-large",
          message: `The compressed streams inflate to more than maxDecodedBytes (${limits.maxDecodedBytes}).`,
          offset: start,
        });
      }
    }
    streamPattern.lastIndex = Math.max(streamPattern.lastIndex, end);
  }
  return { encrypted };
}

function tooManyObjects(objects: number, limits: Required<PdfLimits>): never {
  throw new PdfReadError({
    code: "too-many-objects",
    message: `The file has more than ${limits.maxObjects} objects (maxObjects); counted ${objects}.`,
  });
}

function skipWhitespace(text: string, index: number): number {
  let cursor = index;
  while (cursor < text.length && /\s/u.test(text.charAt(cursor))) cursor += 1;
  return cursor;
}

/** The bytes as a string of the same length, one character per byte (windows-1252, as WHATWG's "latin1"). */
function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
