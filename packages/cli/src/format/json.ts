import type { Diagnostic } from "@gongkai/core";
import type { LocatedDiagnostic } from "../locate-diagnostics";
import { countSeverities, type FileOutcome, type Language } from "./file-result";

function diagnosticJson({ diagnostic, position }: LocatedDiagnostic, language: Language) {
  const { fix, cells, url, id, causedBy } = diagnostic as Diagnostic;
  return {
    ...(id === undefined ? {} : { id }),
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
    ...(cells === undefined ? {} : { cells }),
    ...(fix === undefined
      ? {}
      : { fix: { ...(fix.value === undefined ? {} : { value: fix.value }), message: fix.message[language] } }),
    ...(causedBy === undefined ? {} : { causedBy }),
    ...(url === undefined ? {} : { url }),
  };
}

/**
 * The machine-readable result: `{ results, counts, files }`. Each result has the `file`, its
 * `status` (`ok`: no findings; `findings`; `unreadable` with the `reason`), `counts` by
 * severity, and for a checked file the `report` (`agency`, `year`, `edition`) and every finding
 * with all core computed: `id`, `ruleId`, `severity`, `message`, `location` (`table`, `row`,
 * `column`, `pointer`, `source` as `{ line, column }` in the input; `null` when unknown),
 * `expected`, `actual` (`null`: blank), `cells`, `fix`, `causedBy` and the rule's `url`.
 * `coverage` is core's `checkReport` coverage, `{ verified, unverifiable, inferred }`: how many of
 * the edition's sum relations (one relation on one line) were verified, could not be because a
 * cell or table was not read, or were used to infer a value (`--infer-splits`); `null` for an
 * unreadable file. `counts` adds up the severities of all files; `files` counts files by status.
 */
export function formatJson(outcomes: readonly FileOutcome[], language: Language): string {
  const results = outcomes.map((outcome) => {
    if (outcome.status === "unreadable") {
      return {
        file: outcome.file,
        status: "unreadable" as const,
        reason: outcome.reason[language],
        counts: { error: 0, warning: 0, info: 0 },
        coverage: null,
        diagnostics: [],
      };
    }
    const { input, diagnostics } = outcome;
    return {
      file: input.file,
      status: diagnostics.length === 0 ? ("ok" as const) : ("findings" as const),
      report: { agency: input.report.meta.agency.name, year: input.report.meta.year, edition: input.report.edition },
      counts: countSeverities([outcome]),
      coverage: outcome.coverage ?? null,
      diagnostics: diagnostics.map((located) => diagnosticJson(located, language)),
    };
  });
  const checked = outcomes.flatMap((outcome) => (outcome.status === "checked" ? [outcome] : []));
  const document = {
    results,
    counts: countSeverities(checked),
    files: {
      total: results.length,
      ok: results.filter((result) => result.status === "ok").length,
      findings: results.filter((result) => result.status === "findings").length,
      unreadable: results.filter((result) => result.status === "unreadable").length,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
