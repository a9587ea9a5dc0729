import { lineColumnAt, parseReport, type Report, ReportValidationError, type ValidationProblem } from "@gongkai/core";
import { findJsonSyntaxError } from "./find-json-syntax-error";
import { JsonSyntaxError } from "./json-syntax-error";
import { reportSchemaVersion } from "./report-schema-constants";

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxError(text) ?? {
      offset: 0,
      message: error instanceof Error ? error.message : "Invalid JSON",
    };
    throw new JsonSyntaxError({ ...problem, ...lineColumnAt(text, problem.offset), cause: error });
  }
}

function stripEnvelope(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { $schema, schemaVersion, ...rest } = value as Record<string, unknown>;
  const problems: ValidationProblem[] = [];
  if ($schema !== undefined && typeof $schema !== "string") {
    problems.push({ pointer: "/$schema", message: "must be a string (the URL of the JSON Schema)" });
  }
  if (schemaVersion !== undefined && schemaVersion !== reportSchemaVersion) {
    problems.push({
      pointer: "/schemaVersion",
      message: `unsupported schemaVersion ${JSON.stringify(schemaVersion)}: this version of @gongkai/to-json reads schemaVersion ${reportSchemaVersion}`,
    });
  }
  if (problems.length > 0) throw new ReportValidationError({ problems });
  return rest;
}

/**
 * Read a report from JSON text (a leading byte-order mark is allowed). `$schema` and
 * `schemaVersion` are accepted and dropped; a missing `schemaVersion` is read as 1.
 *
 * @throws {JsonSyntaxError} when the text is not JSON, with the line and column of the error.
 * @throws {ReportValidationError} when the JSON is not a report (every problem with its JSON
 * pointer), or when `schemaVersion` is not one this package reads.
 * @example
 * const report = parseJson(await readFile("report.json", "utf8"));
 */
export function parseJson(text: string): Report {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return parseReport(stripEnvelope(parseText(body)));
}

/** The result of {@link safeParseJson}. */
export type SafeParseJsonResult =
  | { readonly success: true; readonly report: Report }
  | { readonly success: false; readonly error: JsonSyntaxError | ReportValidationError };

/**
 * {@link parseJson} without throwing.
 *
 * @returns `{ success: true, report }`, or `{ success: false, error }` with a
 * {@link JsonSyntaxError} or a `ReportValidationError`.
 */
export function safeParseJson(text: string): SafeParseJsonResult {
  try {
    return { success: true, report: parseJson(text) };
  } catch (error) {
    if (JsonSyntaxError.isInstance(error) || ReportValidationError.isInstance(error)) {
      return { success: false, error };
    }
    throw error;
  }
}
