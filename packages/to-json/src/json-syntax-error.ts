import { GongkaiError } from "@gongkai/core";

const marker = Symbol.for("gongkai.error.json-syntax");

/**
 * The text is not JSON. `line` and `column` (1-based; columns count UTF-16 code units) and
 * `offset` (0-based) point at the first character that breaks the JSON grammar, or at the end of
 * the text when it stops too early.
 */
export class JsonSyntaxError extends GongkaiError {
  readonly [marker] = true;

  /** 1-based line of the syntax error. */
  readonly line: number;

  /** 1-based column of the syntax error, in UTF-16 code units. */
  readonly column: number;

  /** 0-based offset of the syntax error in the text. */
  readonly offset: number;

  /**
   * @param options.message - what is wrong, without the position (it is appended).
   * @param options.line - 1-based line of the error.
   * @param options.column - 1-based column of the error.
   * @param options.offset - 0-based offset of the error.
   * @param options.cause - the engine's `SyntaxError`, if any.
   */
  constructor(options: { message: string; line: number; column: number; offset: number; cause?: unknown }) {
    super({
      name: "GongkaiJsonSyntaxError",
      message: `${options.message} at line ${options.line}, column ${options.column}`,
      cause: options.cause,
    });
    this.line = options.line;
    this.column = options.column;
    this.offset = options.offset;
  }

  /** Whether `error` is a JsonSyntaxError from any copy of this package. */
  static override isInstance(error: unknown): error is JsonSyntaxError {
    return GongkaiError.hasMarker(error, marker);
  }
}
