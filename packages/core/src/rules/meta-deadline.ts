import { differenceInCalendarDays, isAfter, isValid, parseISO } from "date-fns";
import { InvalidDeadlineError } from "../deadlines/invalid-deadline-error";
import { publicationDeadline } from "../deadlines/publication-deadline";
import { formatDate } from "../format/format-date";
import { agencyKindLabels } from "../taxonomy/agency-kind";
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

/**
 * `meta/deadline`: the report was published after its 第四十九条 deadline: 1月31日 for a
 * department, 3月31日 for a people's government, of the year after the report year; townships
 * and street offices only when `options.deadlines` sets one; an unknown agency kind never.
 *
 * @see 《中华人民共和国政府信息公开条例》 第四十九条
 */
export const metaDeadline: CoreRule = {
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
        message: {
          zh: `配置的${agencyKindLabels[agency.kind].zh}发布期限“${error.value}”不是有效的“月-日”日期，未核对发布期限。`,
          en: `The configured deadline for ${agencyKindLabels[agency.kind].en} "${error.value}" is not a valid MM-DD day; the deadline was not checked.`,
        },
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
    const kind = agencyKindLabels[agency.kind];
    const inferred = agency.kindInferred === true;
    emit({
      message: {
        zh: `报告发布于${formatDate(publishedDate, "zh")}，晚于《条例》第四十九条规定的${kind.zh}发布期限${formatDate(deadline, "zh")}，逾期${days}天。${inferred ? "机关类型系推断所得，如有误请更正类型。" : ""}`,
        en: `Published on ${publishedDate}, ${days} day${days === 1 ? "" : "s"} after the Article 49 deadline ${deadline} for a ${kind.en.toLowerCase()}.${inferred ? " The agency kind was inferred; correct it if wrong." : ""}`,
      },
      location,
      expected: deadline,
      actual: publishedDate,
    });
  },
};
