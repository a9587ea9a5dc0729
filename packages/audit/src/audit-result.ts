import type { AgencyKind, Coverage, Diagnostic, EditionId } from "@gongkai/core";

/** Why a file has no result: the kinds of failure the audit records. */
export const auditFailureKinds = [
  "unreadable",
  "not-a-report",
  "invalid-json",
  "import-error",
  "check-error",
  "timeout",
  "crashed",
] as const;

/**
 * Why a file has no result: `unreadable` (the file could not be read), `not-a-report`, `invalid-json`, `import-error` (an importer failed),
 * `check-error` (checking or rendering failed), `timeout` (past the per-file time limit) or
 * `crashed` (the worker died).
 */
export type AuditFailureKind = (typeof auditFailureKinds)[number];

/** Findings of one report by severity. */
export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** One report read and checked. */
export interface AuditReportResult {
  readonly kind: "report";
  /** The file as it was found (the input path, or a path below an input directory). */
  readonly file: string;
  /** The format it was read as. */
  readonly format: string;
  /** The agency as the report names it, and its kind. */
  readonly agency: { readonly name: string; readonly kind: AgencyKind };
  /** The series the report belongs to: its agency name normalized (`""`: no name, no series). */
  readonly series: string;
  /** The year the report covers. */
  readonly year: number;
  /** The format edition it is laid out in. */
  readonly edition: EditionId;
  /** The published date, when the report gives one (`YYYY-MM-DD`). */
  readonly publishedDate?: string;
  /** The 第四十九条 deadline for its agency kind, when there is one (`YYYY-MM-DD`). */
  readonly deadline?: string;
  /** Days past the deadline (0 when on time); absent without a date or a deadline. */
  readonly daysLate?: number;
  /** The per-report page, relative to the output directory, when pages are written. */
  readonly page?: string;
  /** The importer's and `check()`'s findings (the cross-year ones come in a `cross-year` result). */
  readonly diagnostics: readonly Diagnostic[];
  /** The findings by severity. */
  readonly counts: SeverityCounts;
  /**
   * How many of the edition's sum relations (one per line) `checkReport` verified, could not
   * verify (a term not read, or its table absent) or used to infer a value.
   */
  readonly coverage: Coverage;
}

/** One file that could not be audited, and why. */
export interface AuditFailure {
  readonly kind: "failure";
  /** The file as it was found. */
  readonly file: string;
  /** Why it failed. */
  readonly failure: AuditFailureKind;
  /** What went wrong, in words. */
  readonly reason: string;
}

/**
 * A report checked against its predecessor in the set (the same agency's report of the year
 * before), with core's `check(report, { prior })` running the `cross-year/*` rules. It comes as
 * soon as both reports of the pair have been read, whichever came first.
 */
export interface AuditCrossYearResult {
  readonly kind: "cross-year";
  /** The later report's file. */
  readonly file: string;
  /** The predecessor's file. */
  readonly priorFile: string;
  /** The series (normalized agency name). */
  readonly series: string;
  /** The agency as the later report names it. */
  readonly agency: string;
  /** The later report's year. */
  readonly year: number;
  /** The `cross-year/*` findings (none when the reports agree). */
  readonly diagnostics: readonly Diagnostic[];
  /** The findings by severity. */
  readonly counts: SeverityCounts;
}

/** What `audit()` yields, in the order things finish. */
export type AuditResult = AuditReportResult | AuditFailure | AuditCrossYearResult;

/** The severities of `diagnostics`, counted. */
export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") error++;
    else if (diagnostic.severity === "warning") warning++;
    else info++;
  }
  return { error, warning, info };
}
