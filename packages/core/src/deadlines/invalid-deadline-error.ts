import { GongkaiError } from "../errors/gongkai-error";
import type { AgencyKind } from "../taxonomy/agency-kind";

const invalidDeadlineMarker = Symbol.for("gongkai.error.invalid-deadline");

/** A configured deadline is not a valid `MM-DD` day. */
export class InvalidDeadlineError extends GongkaiError {
  readonly [invalidDeadlineMarker] = true;

  /** The agency kind whose deadline is wrong. */
  readonly kind: AgencyKind;

  /** The configured value. */
  readonly value: string;

  /**
   * @param options.kind - the agency kind whose deadline is wrong.
   * @param options.value - the configured value.
   */
  constructor(options: { kind: AgencyKind; value: string }) {
    super({
      name: "GongkaiInvalidDeadlineError",
      message: `The deadline for ${options.kind} must be a day as MM-DD (e.g. "01-31"), not ${JSON.stringify(options.value)}`,
    });
    this.kind = options.kind;
    this.value = options.value;
  }

  /** Whether `error` is an InvalidDeadlineError from any copy of this package. */
  static override isInstance(error: unknown): error is InvalidDeadlineError {
    return GongkaiError.hasMarker(error, invalidDeadlineMarker);
  }
}
