import { GongkaiError } from "@gongkai/core";

const marker = Symbol.for("gongkai.error.not-a-report");

/**
 * The document holds nothing that identifies a 政府信息公开工作年度报告: no report year, no part
 * heading and no table. Thrown by `recognize()`; anything less gets imported with diagnostics.
 */
export class NotAReportError extends GongkaiError {
  readonly [marker] = true;

  /** @param options.message - why the document was not taken for a report. */
  constructor(options: { message?: string; cause?: unknown } = {}) {
    super({
      name: "GongkaiNotAReportError",
      message:
        options.message ??
        "Not a government information disclosure annual report: no report year, no part heading and no table were found.",
      cause: options.cause,
    });
  }

  /** Whether `error` is a NotAReportError from any copy of this package. */
  static override isInstance(error: unknown): error is NotAReportError {
    return GongkaiError.hasMarker(error, marker);
  }
}
