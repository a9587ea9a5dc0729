import type { CoreRule } from "./emit";
import { priorMismatch } from "./prior-mismatch";

/** What a `cross-year/prior-mismatch` finding is worded from: what differs, as given in each report. */
export interface PriorMismatchData {
  /** The agency names, when they differ. */
  readonly agency: { readonly prior: string; readonly current: string } | undefined;
  /** The report years, when they are not consecutive. */
  readonly year: { readonly prior: number; readonly current: number } | undefined;
}

/**
 * `cross-year/prior-mismatch`: the prior report given (`options.prior`, `--prior`) is not the same
 * agency's report for the previous year: the agency names differ after `normalizeAgencyName`
 * (bracket style, full/half width, whitespace, 关于…的, years and title words aside), or the years
 * are not consecutive. `cross-year/carry-over` and `cross-year/valid-documents` are then not run.
 */
export const crossYearPriorMismatch: CoreRule<PriorMismatchData> = {
  run({ report, options }, emit) {
    const prior = options.prior;
    if (!prior) return;
    const mismatch = priorMismatch(report, prior);
    if (!mismatch) return;
    emit({
      data: {
        agency: mismatch.agency ? { prior: prior.meta.agency.name, current: report.meta.agency.name } : undefined,
        year: mismatch.year ? { prior: prior.meta.year, current: report.meta.year } : undefined,
      },
      location: { pointer: mismatch.agency ? "/meta/agency/name" : "/meta/year" },
      ...(mismatch.agency
        ? { expected: report.meta.agency.name, actual: prior.meta.agency.name }
        : { expected: report.meta.year - 1, actual: prior.meta.year }),
    });
  },
};
