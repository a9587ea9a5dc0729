import { EditionDataError } from "../errors/edition-data-error";
import type { ValidationProblem } from "../errors/report-validation-error";
import { toJsonPointer } from "../model/parse-report";
import { editionIds, tableIds } from "./edition-codes";
import { type EditionDataShape, editionDataSchema } from "./edition-schema";
import { addEdition, findEdition, tableDefinitionsOf } from "./editions";
import { sumRelationsOf } from "./sum-relations";

/** Keys that occur twice in a list, each once. */
function duplicates(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
}

/** What edition data gets wrong beyond its shape: repeated keys, targets naming no cell. */
function problemsOf(data: EditionDataShape): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const definitions = tableDefinitionsOf(data);
  for (const table of tableIds) {
    const rows = definitions[table].rows;
    for (const key of duplicates(rows.map((row) => row.key))) {
      problems.push({ pointer: `/tables/${table}`, message: `the row ${key} occurs twice` });
    }
    for (const row of rows) {
      for (const key of duplicates(row.columns.map((column) => column.key))) {
        problems.push({ pointer: `/tables/${table}`, message: `the row ${row.key} has the column ${key} twice` });
      }
    }
  }
  for (const [fact, targets] of Object.entries(data.narrativeTargets)) {
    targets?.forEach((target, index) => {
      const row = definitions[target.table].rows.find((candidate) => candidate.key === target.row);
      if (row?.columns.some((column) => column.key === target.column) !== true) {
        problems.push({
          pointer: `/narrativeTargets/${fact}/${index}`,
          message: `${target.table} has no cell ${target.row}/${target.column}`,
        });
      }
    });
  }
  return problems;
}

/**
 * Add a format edition from its data, so that every package reads it as it reads the built-in
 * ones: reports in it are created (`createReport`), parsed, checked (its sum relations read from
 * its `derived` expressions), laid out and rendered. The data has the shape of `edition2021`
 * ({@link editionDataSchema}); the edition's id must not be a built-in one. Registering the same
 * data twice does nothing.
 *
 * @returns the edition's data as validated.
 * @throws {EditionDataError} when the data is not the shape of an edition, its id is taken, a key
 *   repeats, a sum expression names no key, or a narrative target names no cell.
 * @example
 * registerEdition({ ...edition2021, id: "2027", appliesToReportYears: "2027-", document: "…" });
 */
export function registerEdition(input: unknown): EditionDataShape {
  const parsed = editionDataSchema.safeParse(input);
  if (!parsed.success) {
    throw new EditionDataError({
      problems: parsed.error.issues.map((issue) => ({ pointer: toJsonPointer(issue.path), message: issue.message })),
      cause: parsed.error,
    });
  }
  const data = parsed.data as EditionDataShape;
  if ((editionIds as readonly string[]).includes(data.id)) {
    throw new EditionDataError({ problems: [{ pointer: "/id", message: `${data.id} is a built-in edition` }] });
  }
  const existing = findEdition(data.id);
  if (existing !== undefined && JSON.stringify(existing) === JSON.stringify(data)) return existing;
  const problems = problemsOf(data);
  if (problems.length > 0) throw new EditionDataError({ problems });
  sumRelationsOf(data);
  addEdition(data);
  return data;
}
