const marker = "gongkai.error";
const symbol = Symbol.for(marker);

/**
 * The base of every error gongkai throws. `GongkaiError.isInstance(error)` works across two
 * installed copies of the package, where `instanceof` does not.
 */
export class GongkaiError extends Error {
  readonly [symbol] = true;

  /**
   * @param options.name - the error's name, e.g. `GongkaiReportValidationError`.
   * @param options.message - what went wrong.
   * @param options.cause - the underlying error, if any.
   */
  constructor(options: { name: string; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name;
  }

  /** Whether `error` is a GongkaiError from any copy of this package. */
  static isInstance(error: unknown): error is GongkaiError {
    return GongkaiError.hasMarker(error, symbol);
  }

  /**
   * Whether `error` carries `marker`, a `Symbol.for` key every copy of a package shares: what each
   * subclass's one-line `isInstance` asks.
   */
  protected static hasMarker(error: unknown, marker: symbol): boolean {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
