import { GongkaiError } from "@gongkai/core";

const optionsErrorMarker = Symbol.for("gongkai.error.docx-options");

/** The options given to `toDocx` cannot produce a document (a size that is not positive, a bad date). */
export class DocxOptionsError extends GongkaiError {
  readonly [optionsErrorMarker] = true;

  /** The option at fault, as a dotted path, e.g. `preset.page.textWidth`. */
  readonly option: string;

  /**
   * @param options.option - the option at fault, as a dotted path.
   * @param options.message - what is wrong with it.
   */
  constructor(options: { option: string; message: string }) {
    super({ name: "GongkaiDocxOptionsError", message: `${options.option}: ${options.message}` });
    this.option = options.option;
  }

  /** Whether `error` is a DocxOptionsError from any copy of this package. */
  static override isInstance(error: unknown): error is DocxOptionsError {
    return GongkaiError.hasMarker(error, optionsErrorMarker);
  }
}
