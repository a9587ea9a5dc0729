import { GongkaiError } from "@gongkai/core";

/**
 * Why a .docx file could not be read. Codes are never renamed, only deprecated.
 *
 * - `not-a-zip`: the bytes are not a zip archive at all.
 * - `truncated-zip`: a zip archive that stops early (no end-of-central-directory record, or an
 *   entry runs past the end of the file).
 * - `corrupt-zip`: the archive's records contradict each other or the compressed data is broken
 *   (bad signature, bad deflate stream, wrong CRC, an entry inflating past its declared size).
 * - `unsupported-zip`: encrypted entries, a compression method other than stored/deflate, or a
 *   multi-disk archive.
 * - `too-many-entries`: more entries than `maxEntries`.
 * - `too-large`: a part to read is larger than `maxEntrySize`, or the parts read together exceed
 *   `maxTotalSize`.
 * - `compression-ratio`: a part to read claims a compression ratio above `maxCompressionRatio`.
 * - `missing-part`: the archive has no main document part (`word/document.xml`).
 * - `dtd-forbidden`: an XML part has a DOCTYPE or ENTITY declaration (never resolved).
 * - `malformed-xml`: an XML part is not well-formed (or uses an undefined entity).
 * - `too-complex`: the XML nests deeper than `maxDepth`, or the tables need more than
 *   `maxTableSlots` grid slots.
 * - `invalid-option`: a limit in the options is not a positive number (nothing was read).
 */
export const docxReadErrorCodes = [
  "not-a-zip",
  "truncated-zip",
  "corrupt-zip",
  "unsupported-zip",
  "too-many-entries",
  "too-large",
  "compression-ratio",
  "missing-part",
  "dtd-forbidden",
  "malformed-xml",
  "too-complex",
  "invalid-option",
] as const;

/** The code of a {@link DocxReadError}. */
export type DocxReadErrorCode = (typeof docxReadErrorCodes)[number];

const docxReadErrorMarker = Symbol.for("gongkai.error.docx-read");

/**
 * A .docx file could not be read: `code` says why, `part` names the zip entry involved and
 * `offset` the byte (zip) or character (XML) offset in it, when known.
 */
export class DocxReadError extends GongkaiError {
  readonly [docxReadErrorMarker] = true;

  /** Why the file could not be read. */
  readonly code: DocxReadErrorCode;

  /** The zip entry involved (e.g. `word/document.xml`), when one is. */
  readonly part: string | undefined;

  /** Byte offset in the zip, or character offset in the XML part, when known. */
  readonly offset: number | undefined;

  /**
   * @param options.code - why the file could not be read.
   * @param options.message - what went wrong, in English.
   * @param options.part - the zip entry involved.
   * @param options.offset - byte offset in the zip, or character offset in the XML part.
   * @param options.cause - the underlying error, if any.
   */
  constructor(options: {
    code: DocxReadErrorCode;
    message: string;
    part?: string;
    offset?: number;
    cause?: unknown;
  }) {
    super({ name: "GongkaiDocxReadError", message: options.message, cause: options.cause });
    this.code = options.code;
    this.part = options.part;
    this.offset = options.offset;
  }

  /** Whether `error` is a DocxReadError from any copy of this package. */
  static override isInstance(error: unknown): error is DocxReadError {
    return GongkaiError.hasMarker(error, docxReadErrorMarker);
  }
}
