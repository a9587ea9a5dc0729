import { type Cell, check, type Report, type RuleId, ruleIds, type Severity } from "@gongkai/core";
import { type AuditCrossYearResult, countSeverities } from "./audit-result";

/** The `cross-year/*` rules' severities for `check()`: every other rule off. */
const crossYearOnly: Partial<Record<RuleId, Severity | "off">> = Object.fromEntries(
  ruleIds.filter((id) => !id.startsWith("cross-year/")).map((id) => [id, "off"]),
);

/** The table 二 columns and table 三 rows the `cross-year/*` rules read. */
const table2Columns = new Set(["made", "repealed", "valid"]);
const table3Rows = new Set(["carriedOver", "carriedForward"]);

function pruneRows(
  rows: Record<string, Record<string, Cell>> | undefined,
  keepRow: (row: string) => boolean,
  keepColumn: (column: string) => boolean,
): Record<string, Record<string, Cell>> | undefined {
  if (!rows) return undefined;
  const pruned: Record<string, Record<string, Cell>> = {};
  for (const [row, columns] of Object.entries(rows)) {
    if (!keepRow(row)) continue;
    const kept: Record<string, Cell> = {};
    for (const [column, cell] of Object.entries(columns)) {
      if (!keepColumn(column)) continue;
      const { raw: _raw, ...rest } = cell as Cell & { raw?: string };
      kept[column] = rest as Cell;
    }
    pruned[row] = kept;
  }
  return pruned;
}

/**
 * What of a report its successor's or predecessor's cross-year check reads, as JSON: edition,
 * year, agency, table 二's 制发/废止/现行有效 columns and table 三's 上年结转 and 结转下年度 rows
 * (cells without their raw text). A few hundred bytes, kept for the whole run in place of the report.
 */
export function crossYearSlice(report: Report): string {
  const table2 = pruneRows(
    report.tables.table2?.rows as Record<string, Record<string, Cell>> | undefined,
    () => true,
    (column) => table2Columns.has(column),
  );
  const table3 = pruneRows(
    report.tables.table3?.rows as Record<string, Record<string, Cell>> | undefined,
    (row) => table3Rows.has(row),
    () => true,
  );
  return JSON.stringify({
    edition: report.edition,
    meta: { agency: report.meta.agency, year: report.meta.year },
    preamble: [],
    parts: [],
    tables: { ...(table2 ? { table2: { rows: table2 } } : {}), ...(table3 ? { table3: { rows: table3 } } : {}) },
  });
}

/** One report of a series, as the run keeps it. */
interface SeriesReport {
  /** Its task's number in the run. */
  readonly id: number;
  readonly file: string;
  readonly slice: string;
}

/** A cross-year result, and the task number of its later report (whose page shows the findings). */
export interface CrossYearPair {
  readonly result: AuditCrossYearResult;
  readonly later: number;
}

/** One year of a series in the summary. */
export interface SeriesYear {
  readonly year: number;
  readonly files: string[];
  errors: number;
  warnings: number;
}

/** One agency's reports across years. */
export interface SeriesEntry {
  /** The agency's name as its first report gives it. */
  readonly agency: string;
  readonly years: Map<number, SeriesYear>;
  /** The first report read for each year (the one its neighbours are checked against). */
  readonly reports: Map<number, SeriesReport>;
}

/**
 * Groups reports by series (normalized agency name) and year as they arrive, and checks each
 * report against its predecessor as soon as both have been read.
 */
export class SeriesTracker {
  readonly series = new Map<string, SeriesEntry>();

  /**
   * Add a report; returns the cross-year results this completes (with its predecessor, with its
   * successor, or none).
   */
  add(input: {
    id: number;
    file: string;
    series: string;
    agency: string;
    year: number;
    slice: string;
    errors: number;
    warnings: number;
  }): CrossYearPair[] {
    let entry = this.series.get(input.series);
    if (!entry) {
      entry = { agency: input.agency, years: new Map(), reports: new Map() };
      this.series.set(input.series, entry);
    }
    const year = entry.years.get(input.year);
    if (year) {
      year.files.push(input.file);
      year.errors += input.errors;
      year.warnings += input.warnings;
    } else {
      entry.years.set(input.year, {
        year: input.year,
        files: [input.file],
        errors: input.errors,
        warnings: input.warnings,
      });
    }
    if (entry.reports.has(input.year)) return [];
    const current = { id: input.id, file: input.file, slice: input.slice };
    entry.reports.set(input.year, current);
    const results: CrossYearPair[] = [];
    const prior = entry.reports.get(input.year - 1);
    if (prior) {
      results.push({ result: this.compare(input.series, input.agency, input.year, current, prior), later: current.id });
    }
    const next = entry.reports.get(input.year + 1);
    if (next) {
      results.push({ result: this.compare(input.series, entry.agency, input.year + 1, next, current), later: next.id });
    }
    for (const { result } of results) {
      const counted = entry.years.get(result.year);
      if (counted) {
        counted.errors += result.counts.error;
        counted.warnings += result.counts.warning;
      }
    }
    return results;
  }

  private compare(
    series: string,
    agency: string,
    year: number,
    report: SeriesReport,
    prior: SeriesReport,
  ): AuditCrossYearResult {
    const diagnostics = check(JSON.parse(report.slice) as Report, {
      prior: JSON.parse(prior.slice) as Report,
      rules: crossYearOnly,
    });
    return {
      kind: "cross-year",
      file: report.file,
      priorFile: prior.file,
      series,
      agency,
      year,
      diagnostics,
      counts: countSeverities(diagnostics),
    };
  }
}
