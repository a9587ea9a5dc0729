import { GongkaiError } from "@gongkai/core";

const marker = Symbol.for("gongkai.error.html-limit");

/**
 * The page is larger than the importer's `maxInputLength`, or would make the HTML parser create
 * more than `maxElements` elements (unclosed formatting tags re-opened again and again). Tables and block counts over their
 * limits do not throw: they are cut short with an `import/limit-exceeded` diagnostic.
 */
export class HtmlLimitError extends GongkaiError {
  readonly [marker] = true;

  /** Which limit was hit, as its option name (e.g. `maxInputLength`). */
  readonly limit: string;

  /** The limit's value. */
  readonly maximum: number;

  /** The size of the input that hit it. */
  readonly actual: number;

  /**
   * @param options.limit - the option name of the limit.
   * @param options.maximum - the limit's value.
   * @param options.actual - the size that exceeded it.
   */
  constructor(options: { limit: string; maximum: number; actual: number }) {
    super({
      name: "GongkaiHtmlLimitError",
      message: `HTML input exceeds ${options.limit} (${options.actual} > ${options.maximum})`,
    });
    this.limit = options.limit;
    this.maximum = options.maximum;
    this.actual = options.actual;
  }

  /** Whether `error` is an HtmlLimitError from any copy of this package. */
  static override isInstance(error: unknown): error is HtmlLimitError {
    return GongkaiError.hasMarker(error, marker);
  }
}
