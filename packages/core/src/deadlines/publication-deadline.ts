import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import type { AgencyKind } from "../taxonomy/agency-kind";
import { InvalidDeadlineError } from "./invalid-deadline-error";

/**
 * The 第四十九条 publication deadlines, as `MM-DD` of the year after the report year, per agency
 * kind; `null` means no deadline. 县级以上人民政府部门 publish by 1月31日; the competent office of a
 * 县级以上地方人民政府 publishes that government's report by 3月31日. The 条例 sets none for
 * townships and street offices (local practice varies), and an unknown kind has none.
 *
 * @see 《中华人民共和国政府信息公开条例》 第四十九条
 */
export const defaultDeadlines: Readonly<Record<AgencyKind, string | null>> = {
  department: "01-31",
  peoplesGovernment: "03-31",
  townshipStreet: null,
  unknown: null,
};

/**
 * The day by which a report on `year` must be published under 第四十九条, for an agency `kind`.
 *
 * @param year - the calendar year the report covers.
 * @param kind - the agency kind; `unknown` never has a deadline.
 * @param deadlines - overrides of {@link defaultDeadlines} (`MM-DD`, or `null` for none), e.g.
 * `{ townshipStreet: "03-31" }` where a province sets one for townships.
 * @returns the deadline as an ISO date (`YYYY-MM-DD`), or `undefined` when there is none.
 * @throws {InvalidDeadlineError} when the configured deadline for `kind` is not a valid `MM-DD` day.
 * @example
 * publicationDeadline(2020, "department") // "2021-01-31"
 */
export function publicationDeadline(
  year: number,
  kind: AgencyKind,
  deadlines?: Partial<Record<AgencyKind, string | null>>,
): string | undefined {
  if (kind === "unknown") return undefined;
  const configured = deadlines?.[kind];
  const monthDay = configured === undefined ? defaultDeadlines[kind] : configured;
  if (monthDay === null) return undefined;
  const date = `${String(year + 1).padStart(4, "0")}-${monthDay}`;
  let valid = validDates.get(date);
  if (valid === undefined) {
    valid = /^\d{2}-\d{2}$/.test(monthDay) && isValid(parseISO(date));
    validDates.set(date, valid);
  }
  if (!valid) throw new InvalidDeadlineError({ kind, value: monthDay });
  return date;
}

/** Days already validated (a handful: one per year and configured deadline). */
const validDates = new Map<string, boolean>();
