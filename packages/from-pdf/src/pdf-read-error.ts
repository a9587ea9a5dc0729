import { GongkaiError } from "@gongkai/core";

/**
 * Why a PDF file could not be read. Codes are never renamed, only deprecated.
 *
 * - `not-a-pdf`: the bytes do not start with a PDF header (`%PDF-`).
 * - `encrypted`: the file needs a password to open.
 * - `truncated`: the file stops early (no `%%EOF`) and what is there cannot be read.
 * - `corrupt`: the file's structure is broken beyond repair.
 * - `too-large`: the file is larger than `maxBytes`, or one stream is larger than `maxStreamBytes`.
 * - `too-many-pages`: more pages than `maxPages`.
 * - `too-many-objects`: more objects than `maxObjects`.
 * - `decoded-too-large`: the compressed streams inflate past `maxDecodedBytes` together (a
 *   decompression bomb), found before any page is read.
 * - `too-complex`: the pages draw more operators or text runs than `maxOperators`.
 */
export const pdfReadErrorCodes = [
  "not-a-pdf",
  "encrypted",
  "truncated",
  "corrupt",
  "too-large",
  "too-many-pages",
  "too-many-objects",
  "decoded-too-large",
  "too-complex",
] as const;

/** The code of a {@link PdfReadError}. */
export type PdfReadErrorCode = (typeof pdfReadErrorCodes)[number];

const pdfReadErrorMarker = Symbol.for("gongkai.error.pdf-read");

/**
 * A PDF file could not be read: `code` says why; `page` names the page involved and `offset` the
 * byte offset in the file, when known.
 */
export class PdfReadError extends GongkaiError {
  readonly [pdfReadErrorMarker] = true;

  /** Why the file could not be read. */
  readonly code: PdfReadErrorCode;

  /** The 1-based page involved, when one is. */
  readonly page: number | undefined;

  /** Byte offset in the file, when known. */
  readonly offset: number | undefined;

  /**
   * @param options.code - why the file could not be read.
   * @param options.message - what went wrong, in English.
   * @param options.page - the 1-based page involved.
   * @param options.offset - byte offset in the file.
   * @param options.cause - the underlying error, if any.
   */
  constructor(options: { code: PdfReadErrorCode; message: string; page?: number; offset?: number; cause?: unknown }) {
    super({ name: "GongkaiPdfReadError", message: options.message, cause: options.cause });
    this.code = options.code;
    this.page = options.page;
    this.offset = options.offset;
  }

  /** Whether `error` is a PdfReadError from any copy of this package. */
  static override isInstance(error: unknown): error is PdfReadError {
    return (
      typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[pdfReadErrorMarker] === true
    );
  }
}
