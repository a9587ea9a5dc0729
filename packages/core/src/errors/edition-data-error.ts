import { GongkaiError } from "./gongkai-error";
import { listProblems, type ValidationProblem } from "./report-validation-error";

const editionDataMarker = Symbol.for("gongkai.error.edition-data");

/**
 * Edition data that cannot be used (`registerEdition`): not the shape of an edition, an id that is
 * taken, a sum expression naming no key, a narrative target naming no cell; or an edition id no
 * edition has. `problems` lists every problem found, each located by JSON pointer into the data.
 */
export class EditionDataError extends GongkaiError {
  readonly [editionDataMarker] = true;

  /** Every problem found, each with its JSON pointer into the edition data. */
  readonly problems: readonly ValidationProblem[];

  /** @param options.problems - every problem found, each with its JSON pointer into the edition data. */
  constructor(options: { problems: readonly ValidationProblem[]; cause?: unknown }) {
    super({
      name: "GongkaiEditionDataError",
      message: `Unusable edition data: ${listProblems(options.problems)}`,
      cause: options.cause,
    });
    this.problems = options.problems;
  }

  /** Whether `error` is an EditionDataError from any copy of this package. */
  static override isInstance(error: unknown): error is EditionDataError {
    return GongkaiError.hasMarker(error, editionDataMarker);
  }
}
