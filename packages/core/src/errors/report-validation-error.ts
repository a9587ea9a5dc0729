import { GongkaiError } from "./gongkai-error";

/** One problem with the shape of a report, located by JSON pointer. */
export interface ValidationProblem {
  /** RFC 6901 JSON pointer to the offending value, e.g. `/tables/table3/rows/newReceived/total`. */
  readonly pointer: string;
  /** What is wrong, in English. */
  readonly message: string;
}

/** The first ten problems as `pointer: message`, joined by `; `, and how many more there are. */
export function listProblems(problems: readonly ValidationProblem[]): string {
  const listed = problems
    .slice(0, 10)
    .map((problem) => `${problem.pointer || "/"}: ${problem.message}`)
    .join("; ");
  return problems.length > 10 ? `${listed} (and ${problems.length - 10} more)` : listed;
}

const validationMarker = Symbol.for("gongkai.error.report-validation");

/** The input is not a report of a known edition; `problems` lists every problem found. */
export class ReportValidationError extends GongkaiError {
  readonly [validationMarker] = true;

  /** Every problem found, each with its JSON pointer. */
  readonly problems: readonly ValidationProblem[];

  /** @param options.problems - every problem found, each with its JSON pointer. */
  constructor(options: { problems: readonly ValidationProblem[]; cause?: unknown }) {
    super({
      name: "GongkaiReportValidationError",
      message: `Not a valid report: ${listProblems(options.problems)}`,
      cause: options.cause,
    });
    this.problems = options.problems;
  }

  /** Whether `error` is a ReportValidationError from any copy of this package. */
  static override isInstance(error: unknown): error is ReportValidationError {
    return GongkaiError.hasMarker(error, validationMarker);
  }
}
