import { differenceInCalendarDays, isAfter, isValid, parseISO } from "date-fns";
import { InvalidDeadlineError } from "../deadlines/invalid-deadline-error";
import { publicationDeadline } from "../deadlines/publication-deadline";
import type { AgencyKind } from "../taxonomy/agency-kind";
import type { CoreRule } from "./emit";

const plainDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day number (days since 1970-01-01) of a date written `YYYY-MM-DD`, as date-fns reads it
 * but without its cost: `NaN` when no such day exists (`2021-02-30`), undefined for any other
 * form of date (left to date-fns).
 */
function dayNumber(text: string): number | undefined {
  const match = plainDate.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const leap = year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0);
  const length = month === 1 && leap ? 29 : monthLengths[month];
  if (length === undefined || day < 1 || day > length) return Number.NaN;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime() / 86_400_000;
}

/** What a `meta/deadline` finding is worded from: a configured deadline that is no day, or a late publication. */
export type DeadlineData =
  | { readonly kind: "invalidDeadline"; readonly agencyKind: AgencyKind; readonly value: string }
  | {
      readonly kind: "late";
      readonly agencyKind: AgencyKind;
      /** Whether the agency kind was inferred (the message then asks to correct it if wrong). */
      readonly inferred: boolean;
      readonly publishedDate: string;
      readonly deadline: string;
      /** Days after the deadline. */
      readonly days: number;
    };

/**
 * `meta/deadline`: the report was published after its 第四十九条 deadline: 1月31日 for a
 * department, 3月31日 for a people's government, of the year after the report year; townships
 * and street offices only when `options.deadlines` sets one; an unknown agency kind never.
 *
 * @see 《中华人民共和国政府信息公开条例》 第四十九条
 */
export const metaDeadline: CoreRule<DeadlineData> = {
  run({ report, options }, emit) {
    const { agency, year, publishedDate, sources } = report.meta;
    if (publishedDate === undefined) return;
    const source = sources?.publishedDate;
    const location = source ? { pointer: "/meta/publishedDate", source } : { pointer: "/meta/publishedDate" };
    let deadline: string | undefined;
    try {
      deadline = publicationDeadline(year, agency.kind, options.deadlines);
    } catch (error) {
      if (!InvalidDeadlineError.isInstance(error)) throw error;
      emit({
        data: { kind: "invalidDeadline", agencyKind: agency.kind, value: error.value },
        location,
      });
      return;
    }
    // ISO dates compare as strings; only a report published after the deadline needs date arithmetic.
    if (deadline === undefined || publishedDate <= deadline) return;
    const publishedDay = dayNumber(publishedDate);
    const dueDay = dayNumber(deadline);
    let days: number;
    if (publishedDay !== undefined && dueDay !== undefined) {
      if (!(publishedDay > dueDay)) return; // also when either day does not exist
      days = publishedDay - dueDay;
    } else {
      const published = parseISO(publishedDate);
      const due = parseISO(deadline);
      if (!isValid(published) || !isAfter(published, due)) return;
      days = differenceInCalendarDays(published, due);
    }
    emit({
      data: {
        kind: "late",
        agencyKind: agency.kind,
        inferred: agency.kindInferred === true,
        publishedDate,
        deadline,
        days,
      },
      location,
      expected: deadline,
      actual: publishedDate,
    });
  },
};
