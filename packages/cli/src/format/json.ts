import type { FileResult, Language } from "./file-result";

/**
 * The machine-readable result: `{ results: [{ file, report: { agency, year, edition },
 * diagnostics: [{ ruleId, severity, message, location: { table, row, column, pointer, source },
 * expected?, actual? }] }] }`. Location keys are always present (`null` when unknown); `source` is
 * the `{ line, column }` in the input file; `expected` and `actual` appear when the rule gave them
 * (`actual: null` means the cell was blank).
 */
export function formatJson(results: readonly FileResult[], language: Language): string {
  const document = {
    results: results.map(({ input, diagnostics }) => ({
      file: input.file,
      report: { agency: input.report.meta.agency.name, year: input.report.meta.year, edition: input.report.edition },
      diagnostics: diagnostics.map(({ diagnostic, position }) => ({
        ruleId: diagnostic.ruleId,
        severity: diagnostic.severity,
        message: diagnostic.message[language],
        location: {
          table: diagnostic.location.table ?? null,
          row: diagnostic.location.row ?? null,
          column: diagnostic.location.column ?? null,
          pointer: diagnostic.location.pointer,
          source: position ? { line: position.line, column: position.column } : null,
        },
        ...(diagnostic.expected === undefined ? {} : { expected: diagnostic.expected }),
        ...(diagnostic.actual === undefined ? {} : { actual: diagnostic.actual }),
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
