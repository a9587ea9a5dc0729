import {
  type AgencyKind,
  agencyKinds,
  diagnosticRegistry,
  type EditionId,
  editionIds,
  type Severity,
} from "@gongkai/core";
import * as z from "zod";
import {
  type AuditCrossYearResult,
  type AuditFailure,
  type AuditFailureKind,
  type AuditReportResult,
  auditFailureKinds,
} from "./audit-result";
import type { SeriesEntry } from "./series";

/** The version of the summary's shape; raised when a field changes meaning or goes. */
export const auditSummaryVersion = 1;

const count = z.number().int().min(0);
const percent = z.number().int().min(0).max(100);

/** The summary `audit()` ends with, as written to `summary.json`. */
export const auditSummarySchema = z
  .object({
    $schema: z.string().optional().describe("The JSON Schema this file follows."),
    version: z.literal(auditSummaryVersion).describe("The version of this shape."),
    interrupted: z.boolean().describe("True when the run was stopped before every file was done."),
    totals: z
      .object({
        files: count.describe("Files found in the inputs (an input that matches nothing counts as one, failed)."),
        done: count.describe("Files done (checked or failed)."),
        checked: count.describe("Reports read and checked."),
        failed: count.describe("Files that could not be audited."),
        crossYearPairs: count.describe("Reports checked against their predecessor in the set."),
        findings: count.describe("Findings of every report, cross-year ones included."),
        causes: count.describe(
          "Of those, the ones that are no echo of another (no `causedBy`): the faults to fix, counted once.",
        ),
        error: count,
        warning: count,
        info: count,
      })
      .describe("Counts over the whole run."),
    findingsByRule: z
      .array(
        z.object({
          ruleId: z.string().describe("The rule id (check and import/* rules)."),
          error: count,
          warning: count,
          info: count,
          total: count,
          causes: count.describe("Findings of the rule that are no echo of another (no `causedBy`)."),
          reports: count.describe("Reports with at least one finding of the rule."),
        }),
      )
      .describe("Findings by rule and severity, most first."),
    mostErrors: z
      .array(
        z.object({
          file: z.string(),
          agency: z.string(),
          year: z.number().int(),
          error: count,
          warning: count,
          page: z.string().optional().describe("The report's page, relative to the output directory."),
        }),
      )
      .describe("The reports with the most errors (then warnings), at most 20."),
    latePublication: z
      .array(
        z.object({
          agencyKind: z.enum(agencyKinds),
          reports: count.describe("Reports of this agency kind."),
          withDeadline: count.describe("Reports with a 第四十九条 deadline and a published date."),
          late: count.describe("Of those, published after the deadline."),
          totalDaysLate: count.describe("Days late, summed over the late reports."),
          maxDaysLate: count.describe("The most days late."),
        }),
      )
      .describe("Late publication by agency kind (第四十九条)."),
    editionsByYear: z
      .array(
        z.object({
          year: z.number().int(),
          editions: z.record(z.enum(editionIds), count).describe("Reports of the year by the edition they use."),
        }),
      )
      .describe("Edition usage by report year, oldest first."),
    coverage: z
      .object({
        reports: count.describe("Reports checked with at least one sum relation to evaluate."),
        verified: count.describe("Sum relations (one per line) verified, over every report: every term read."),
        unverifiable: count.describe("Sum relations not verified: a term not read, or its table absent or cut off."),
        inferred: count.describe("Sum relations used to infer a value while reading (read with, not verified)."),
        percentVerified: percent.describe(
          "verified / (verified + unverifiable + inferred), in whole percent (rounded down).",
        ),
        byShare: z
          .array(
            z.object({
              from: percent.describe("The lowest share verified in the bucket, in whole percent."),
              to: percent.describe("The highest (inclusive)."),
              reports: count.describe("Reports whose share verified (rounded down) is in the bucket."),
            }),
          )
          .describe("Reports by the share of their sum relations verified: 0–9 %, 10–19 %, …, 90–99 %, 100 %."),
        lowest: z
          .array(
            z.object({
              file: z.string(),
              agency: z.string(),
              year: z.number().int(),
              verified: count,
              unverifiable: count,
              inferred: count,
              percentVerified: percent,
              page: z.string().optional().describe("The report's page, relative to the output directory."),
            }),
          )
          .describe("The reports with the lowest share verified (below 100 %), at most 20, lowest first."),
      })
      .describe("How much of the reports' arithmetic could be verified (core's `checkReport` coverage)."),
    importProblems: z
      .array(
        z.object({
          kind: z.string().describe("A failure kind, or an import/* rule id."),
          source: z.enum(["failure", "finding"]).describe("A file that failed, or an importer's finding."),
          count: count.describe("Files failed, or findings made."),
        }),
      )
      .describe("What the importers could not read: failed files by kind, then import/* findings by rule."),
    failures: z
      .array(z.object({ file: z.string(), failure: z.enum(auditFailureKinds), reason: z.string() }))
      .describe("Every file that could not be audited, by file name."),
    series: z
      .array(
        z.object({
          key: z.string().describe("The normalized agency name that groups the series."),
          agency: z.string().describe("The agency as its first report names it."),
          years: z.array(
            z.object({
              year: z.number().int(),
              files: z.array(z.string()).describe("The reports of that year (more than one: duplicates)."),
              error: count,
              warning: count,
            }),
          ),
        }),
      )
      .describe("Each agency's reports side by side by year, cross-year findings included in the counts."),
  })
  .describe("The summary of a gongkai audit run.");

/** The summary `audit()` ends with. */
export type AuditSummary = z.infer<typeof auditSummarySchema>;

const mostErrorsSize = 20;

interface RuleCounts {
  error: number;
  warning: number;
  info: number;
  causes: number;
  reports: number;
}

interface LateCounts {
  reports: number;
  withDeadline: number;
  late: number;
  totalDaysLate: number;
  maxDaysLate: number;
}

type MostErrorsEntry = AuditSummary["mostErrors"][number];
type LowestCoverageEntry = AuditSummary["coverage"]["lowest"][number];

/** `part` of `whole` in whole percent, rounded down (0 of nothing is 0). */
function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

/** The byShare bucket of a share: 0 for 0–9 %, …, 9 for 90–99 %, 10 for 100 %. */
function shareBucket(percentVerified: number): number {
  return Math.min(10, Math.floor(percentVerified / 10));
}

/** Whether `a` has less verified than `b`: a lower share, then more unverifiable, then the file name. */
function coveredLess(a: LowestCoverageEntry, b: LowestCoverageEntry): boolean {
  if (a.percentVerified !== b.percentVerified) return a.percentVerified < b.percentVerified;
  if (a.unverifiable !== b.unverifiable) return a.unverifiable > b.unverifiable;
  return a.file < b.file;
}

/** Insert `entry` into `list`, kept sorted by `above` and at most `size` long. */
function insertRanked<T>(list: T[], entry: T, above: (a: T, b: T) => boolean, size: number): void {
  if (list.length === size && !above(entry, list[list.length - 1] as T)) return;
  let index = list.length;
  while (index > 0 && above(entry, list[index - 1] as T)) index--;
  list.splice(index, 0, entry);
  if (list.length > size) list.pop();
}

/** Whether `a` ranks above `b`: more errors, then more warnings, then the file name (so ties are stable). */
function ranksAbove(a: MostErrorsEntry, b: MostErrorsEntry): boolean {
  if (a.error !== b.error) return a.error > b.error;
  if (a.warning !== b.warning) return a.warning > b.warning;
  return a.file < b.file;
}

/**
 * Counts what the summary shows, one result at a time: nothing of a report is kept but its place
 * in a bounded top list and its series entry.
 */
export class SummaryAggregator {
  private files = 0;
  private checked = 0;
  private failed = 0;
  private crossYearPairs = 0;
  private readonly severityTotals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly rules = new Map<string, RuleCounts>();
  private readonly mostErrors: MostErrorsEntry[] = [];
  private causes = 0;
  private readonly coverage = { reports: 0, verified: 0, unverifiable: 0, inferred: 0 };
  private readonly coverageBuckets: number[] = Array.from({ length: 11 }, () => 0);
  private readonly lowestCoverage: LowestCoverageEntry[] = [];
  private readonly late = new Map<AgencyKind, LateCounts>();
  private readonly editions = new Map<number, Record<EditionId, number>>();
  private readonly failureKinds = new Map<AuditFailureKind, number>();
  private readonly importFindings = new Map<string, number>();
  private readonly failures: AuditSummary["failures"] = [];

  /** Set the number of files found. */
  setFiles(files: number): void {
    this.files = files;
  }

  private countFindings(diagnostics: AuditReportResult["diagnostics"]): void {
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      let counts = this.rules.get(diagnostic.ruleId);
      if (!counts) {
        counts = { error: 0, warning: 0, info: 0, causes: 0, reports: 0 };
        this.rules.set(diagnostic.ruleId, counts);
      }
      counts[diagnostic.severity]++;
      if (diagnostic.causedBy === undefined) {
        counts.causes++;
        this.causes++;
      }
      if (!seen.has(diagnostic.ruleId)) {
        seen.add(diagnostic.ruleId);
        counts.reports++;
      }
      this.severityTotals[diagnostic.severity]++;
      if (diagnosticRegistry[diagnostic.ruleId].origin === "import") {
        this.importFindings.set(diagnostic.ruleId, (this.importFindings.get(diagnostic.ruleId) ?? 0) + 1);
      }
    }
  }

  private rankErrors(entry: MostErrorsEntry): void {
    if (entry.error === 0 && entry.warning === 0) return;
    insertRanked(this.mostErrors, entry, ranksAbove, mostErrorsSize);
  }

  private countCoverage(result: AuditReportResult): void {
    const { verified, unverifiable, inferred } = result.coverage;
    const relations = verified + unverifiable + inferred;
    if (relations === 0) return;
    this.coverage.reports++;
    this.coverage.verified += verified;
    this.coverage.unverifiable += unverifiable;
    this.coverage.inferred += inferred;
    const percentVerified = percentOf(verified, relations);
    (this.coverageBuckets[shareBucket(percentVerified)] as number)++;
    if (verified === relations) return;
    insertRanked(
      this.lowestCoverage,
      {
        file: result.file,
        agency: result.agency.name,
        year: result.year,
        verified,
        unverifiable,
        inferred,
        percentVerified,
        ...(result.page ? { page: result.page } : {}),
      },
      coveredLess,
      mostErrorsSize,
    );
  }

  /** Count one result. */
  add(result: AuditReportResult | AuditFailure | AuditCrossYearResult): void {
    if (result.kind === "failure") {
      this.failed++;
      this.failureKinds.set(result.failure, (this.failureKinds.get(result.failure) ?? 0) + 1);
      this.failures.push({ file: result.file, failure: result.failure, reason: result.reason });
      return;
    }
    if (result.kind === "cross-year") {
      this.crossYearPairs++;
      this.countFindings(result.diagnostics);
      return;
    }
    this.checked++;
    this.countFindings(result.diagnostics);
    this.rankErrors({
      file: result.file,
      agency: result.agency.name,
      year: result.year,
      error: result.counts.error,
      warning: result.counts.warning,
      ...(result.page ? { page: result.page } : {}),
    });
    this.countCoverage(result);
    let late = this.late.get(result.agency.kind);
    if (!late) {
      late = { reports: 0, withDeadline: 0, late: 0, totalDaysLate: 0, maxDaysLate: 0 };
      this.late.set(result.agency.kind, late);
    }
    late.reports++;
    if (result.daysLate !== undefined) {
      late.withDeadline++;
      if (result.daysLate > 0) {
        late.late++;
        late.totalDaysLate += result.daysLate;
        late.maxDaysLate = Math.max(late.maxDaysLate, result.daysLate);
      }
    }
    let editions = this.editions.get(result.year);
    if (!editions) {
      editions = Object.fromEntries(editionIds.map((edition) => [edition, 0])) as Record<EditionId, number>;
      this.editions.set(result.year, editions);
    }
    editions[result.edition]++;
  }

  /** The summary so far, with each series' years side by side. */
  summary(series: ReadonlyMap<string, SeriesEntry>, interrupted: boolean): AuditSummary {
    const findingsByRule = [...this.rules]
      .map(([ruleId, { error, warning, info, causes, reports }]) => ({
        ruleId,
        error,
        warning,
        info,
        total: error + warning + info,
        causes,
        reports,
      }))
      .sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId));
    const totals = this.severityTotals;
    return {
      version: auditSummaryVersion,
      interrupted,
      totals: {
        files: this.files,
        done: this.checked + this.failed,
        checked: this.checked,
        failed: this.failed,
        crossYearPairs: this.crossYearPairs,
        findings: totals.error + totals.warning + totals.info,
        causes: this.causes,
        error: totals.error,
        warning: totals.warning,
        info: totals.info,
      },
      findingsByRule,
      mostErrors: [...this.mostErrors],
      latePublication: agencyKinds.flatMap((agencyKind) => {
        const late = this.late.get(agencyKind);
        return late ? [{ agencyKind, ...late }] : [];
      }),
      editionsByYear: [...this.editions]
        .sort(([a], [b]) => a - b)
        .map(([year, editions]) => ({ year, editions: { ...editions } })),
      coverage: {
        ...this.coverage,
        percentVerified: percentOf(
          this.coverage.verified,
          this.coverage.verified + this.coverage.unverifiable + this.coverage.inferred,
        ),
        byShare: this.coverageBuckets.map((reports, bucket) => ({
          from: bucket * 10,
          to: bucket === 10 ? 100 : bucket * 10 + 9,
          reports,
        })),
        lowest: [...this.lowestCoverage],
      },
      importProblems: [
        ...auditFailureKinds.flatMap((kind) => {
          const failed = this.failureKinds.get(kind);
          return failed ? [{ kind, source: "failure" as const, count: failed }] : [];
        }),
        ...[...this.importFindings]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, found]) => ({ kind, source: "finding" as const, count: found })),
      ],
      failures: [...this.failures].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      series: [...series]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => ({
          key,
          agency: entry.agency,
          years: [...entry.years.values()]
            .sort((a, b) => a.year - b.year)
            .map((year) => ({
              year: year.year,
              files: [...year.files].sort(),
              error: year.errors,
              warning: year.warnings,
            })),
        })),
    };
  }
}
