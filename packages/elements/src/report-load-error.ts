import { GongkaiError } from "@gongkai/core";

const marker = Symbol.for("gongkai.error.report-load");

/** Why a report could not be loaded. */
export const reportLoadErrorCodes = [
  /** `src` names another origin: the element only reads its own page's origin. */
  "cross-origin",
  /** The request failed or answered with an HTTP error. */
  "fetch-failed",
  /** The file is larger than the element reads (`maxReportBytes`). */
  "too-large",
  /** The file was read, but is not a report (not JSON of one, or nothing recognizable). */
  "not-a-report",
] as const;

/** Why a report could not be loaded: one of `reportLoadErrorCodes`. */
export type ReportLoadErrorCode = (typeof reportLoadErrorCodes)[number];

/**
 * A report could not be loaded from `src`, an inline script, or bytes. `code` says why; `cause`
 * carries the importer's own typed error when there is one (`ReportValidationError`,
 * `JsonSyntaxError`, `DocxReadError`, …).
 */
export class ReportLoadError extends GongkaiError {
  readonly [marker] = true;

  /** Why the report could not be loaded. */
  readonly code: ReportLoadErrorCode;

  /**
   * @param options.code - why the report could not be loaded.
   * @param options.message - what went wrong, for people.
   * @param options.cause - the underlying error, if any.
   */
  constructor(options: { code: ReportLoadErrorCode; message: string; cause?: unknown }) {
    super({ name: "GongkaiReportLoadError", message: options.message, cause: options.cause });
    this.code = options.code;
  }

  /** Whether `error` is a ReportLoadError from any copy of this package. */
  static override isInstance(error: unknown): error is ReportLoadError {
    return GongkaiError.hasMarker(error, marker);
  }
}
