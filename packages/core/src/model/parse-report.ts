import type * as z from "zod";
import { isRegisteredEdition } from "../editions/editions";
import { ReportValidationError, type ValidationProblem } from "../errors/report-validation-error";
import { type Report, registeredReportSchema, reportSchema } from "./report";

/** Escape one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  if (!text.includes("~") && !text.includes("/")) return text;
  return text.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** A JSON pointer (RFC 6901) from path segments. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapePointerSegment(String(segment))}`).join("");
}

function problemsOf(error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({ pointer: toJsonPointer(issue.path), message: issue.message }));
}

/** The schema to read `input` with: its registered edition's, or {@link reportSchema} (the built-in editions). */
function schemaFor(input: unknown): z.ZodType<Report> {
  const edition = typeof input === "object" && input !== null ? (input as { edition?: unknown }).edition : undefined;
  return typeof edition === "string" && isRegisteredEdition(edition) ? registeredReportSchema(edition) : reportSchema;
}

/** The result of {@link safeParseReport}. */
export type SafeParseReportResult =
  | { readonly success: true; readonly report: Report }
  | { readonly success: false; readonly error: ReportValidationError };

/**
 * Validate `input` as a report without throwing.
 *
 * @returns `{ success: true, report }`, or `{ success: false, error }` where `error.problems` lists
 * every problem with its JSON pointer.
 */
export function safeParseReport(input: unknown): SafeParseReportResult {
  const result = schemaFor(input).safeParse(input);
  if (result.success) return { success: true, report: result.data };
  return {
    success: false,
    error: new ReportValidationError({ problems: problemsOf(result.error), cause: result.error }),
  };
}

/**
 * Validate `input` as a report.
 *
 * @throws {ReportValidationError} listing every problem with its JSON pointer.
 */
export function parseReport(input: unknown): Report {
  const result = safeParseReport(input);
  if (!result.success) throw result.error;
  return result.report;
}
