import { GongkaiError } from "@gongkai/core";

const marker = Symbol.for("gongkai.error.to-html-options");

/** An option passed to `toHtml` or `toHtmlPage` is not usable (e.g. a class prefix with spaces). */
export class ToHtmlOptionsError extends GongkaiError {
  readonly [marker] = true;

  /** The name of the offending option. */
  readonly option: string;

  /**
   * @param options.option - the name of the offending option.
   * @param options.message - what is wrong with it.
   */
  constructor(options: { option: string; message: string }) {
    super({ name: "GongkaiToHtmlOptionsError", message: `Invalid option ${options.option}: ${options.message}` });
    this.option = options.option;
  }

  /** Whether `error` is a ToHtmlOptionsError from any copy of this package. */
  static override isInstance(error: unknown): error is ToHtmlOptionsError {
    return GongkaiError.hasMarker(error, marker);
  }
}
