import { normalizeAgencyName } from "../agency/normalize-agency-name";
import type { Report } from "../model/report";

/** How a prior report given for the cross-year rules fails to be the same agency's previous year. */
export interface PriorMismatch {
  /** The agency names differ after `normalizeAgencyName` (both named). */
  readonly agency: boolean;
  /** The prior's year is not the year before the report's. */
  readonly year: boolean;
}

/**
 * Whether `prior` is the same agency's report for the year before `report`; undefined when it is.
 * A name missing from either report is not a mismatch (nothing to compare).
 */
export function priorMismatch(report: Report, prior: Report): PriorMismatch | undefined {
  const agency = agencyNamesDiffer(report.meta.agency.name, prior.meta.agency.name);
  const year = prior.meta.year !== report.meta.year - 1;
  return agency || year ? { agency, year } : undefined;
}

/** Whether two agency names name different agencies (both non-empty after `normalizeAgencyName`). */
function agencyNamesDiffer(name: string, priorName: string): boolean {
  // The same text normalizes alike: most priors name the agency as this year's report does.
  if (name === priorName) return false;
  const normalized = normalizeAgencyName(name);
  const priorNormalized = normalizeAgencyName(priorName);
  return normalized !== "" && priorNormalized !== "" && normalized !== priorNormalized;
}
