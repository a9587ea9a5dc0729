import { type Cell, check, type Report, type RuleId, ruleIds, type Severity } from "@gongkai/core";
import { type AuditCrossYearResult, countSeverities } from "./audit-result";
import { SpillFile, type SpillLocation } from "./spill-file";

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
 * (cells without their raw text). About a kilobyte, kept for the whole run (on disk: see
 * {@link SeriesTracker}) in place of the report.
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

/** A cross-year result, and the task number of its later report (whose page shows the findings). */
export interface CrossYearPair {
  readonly result: AuditCrossYearResult;
  readonly later: number;
}

/** One year of a series in the summary. */
export interface SeriesYear {
  readonly year: number;
  /** The year's reports in the order they were read (more than one: duplicates). */
  readonly files: string[];
  errors: number;
  warnings: number;
  /**
   * The first report read for the year, the one its neighbours are checked against (`files[0]`):
   * its task's number in the run, and where its cross-year slice is kept (the slice itself when
   * it could not be written to disk).
   */
  readonly first: { readonly id: number; readonly slice: SpillLocation | string };
}

/** One agency's reports across years. */
export interface SeriesEntry {
  /** The agency's name as its first report gives it. */
  readonly agency: string;
  readonly years: Map<number, SeriesYear>;
}

/**
 * Groups reports by series (normalized agency name) and year as they arrive, and checks each
 * report against its predecessor as soon as both have been read. The cross-year slices wait in a
 * {@link SpillFile}, since a report's neighbour may come at any time until the run ends: what stays
 * in memory per report is its file name, year and counts (for the summary) and where its slice is.
 * When the temporary directory cannot be written (full, read-only), slices stay in memory and the
 * run goes on.
 * {@link close} removes the file.
 */
export class SeriesTracker {
  readonly series = new Map<string, SeriesEntry>();
  private readonly slices = new SpillFile();

  /** Remove the kept slices (the summary's series stay). */
  close(): void {
    this.slices.close();
  }

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
      entry = { agency: input.agency, years: new Map() };
      this.series.set(input.series, entry);
    }
    const known = entry.years.get(input.year);
    if (known) {
      known.files.push(input.file);
      known.errors += input.errors;
      known.warnings += input.warnings;
      return [];
    }
    const current: SeriesYear = {
      year: input.year,
      files: [input.file],
      errors: input.errors,
      warnings: input.warnings,
      first: { id: input.id, slice: this.keep(input.slice) },
    };
    entry.years.set(input.year, current);
    const results: CrossYearPair[] = [];
    const prior = entry.years.get(input.year - 1);
    if (prior) {
      results.push({
        result: this.compare(input.series, input.agency, current, prior),
        later: current.first.id,
      });
    }
    const next = entry.years.get(input.year + 1);
    if (next) {
      results.push({ result: this.compare(input.series, entry.agency, next, current), later: next.first.id });
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

  /** Keep a slice: in the spill file, or in memory when it cannot be written. */
  private keep(slice: string): SpillLocation | string {
    try {
      return this.slices.add(slice);
    } catch {
      return slice;
    }
  }

  private sliceOf(year: SeriesYear): string {
    const { slice } = year.first;
    return typeof slice === "string" ? slice : this.slices.read(slice);
  }

  private compare(series: string, agency: string, report: SeriesYear, prior: SeriesYear): AuditCrossYearResult {
    const diagnostics = check(JSON.parse(this.sliceOf(report)) as Report, {
      prior: JSON.parse(this.sliceOf(prior)) as Report,
      rules: crossYearOnly,
    });
    return {
      kind: "cross-year",
      file: report.files[0] as string,
      priorFile: prior.files[0] as string,
      series,
      agency,
      year: report.year,
      diagnostics,
      counts: countSeverities(diagnostics),
    };
  }
}
