import { GongkaiError } from "@gongkai/core";

/** Why `importFile` could not read its input. */
export const importFileErrorReasons = ["unsupported-format", "invalid-utf8"] as const;

/** Why `importFile` could not read its input. */
export type ImportFileErrorReason = (typeof importFileErrorReasons)[number];

const marker = Symbol.for("gongkai.error.import-file");

/**
 * The input is in no format gongkai reads (`unsupported-format`: a binary file of another kind), or is
 * JSON that is not UTF-8 (`invalid-utf8`). Errors an importer throws (not valid JSON, not a
 * report, a DOCX that cannot be opened) pass through `importFile` as they are.
 */
export class ImportFileError extends GongkaiError {
  readonly [marker] = true;

  /** Why the input could not be read. */
  readonly reason: ImportFileErrorReason;

  /**
   * @param options.reason - why the input could not be read.
   * @param options.message - what went wrong, in English.
   */
  constructor(options: { reason: ImportFileErrorReason; message: string; cause?: unknown }) {
    super({ name: "GongkaiImportFileError", message: options.message, cause: options.cause });
    this.reason = options.reason;
  }

  /** Whether `error` is an ImportFileError from any copy of this package. */
  static override isInstance(error: unknown): error is ImportFileError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
