import { unreadReasonLabels } from "../../model/cell";
import type { TotalData } from "../../rules/sum-checks";
import type { ShownValue } from "../../rules/table-cells";
import type { BalanceTerm } from "../../rules/table3-balance";
import { agencyKindLabels } from "../../taxonomy/agency-kind";
import type { MessageFormat, RuleMessages } from "./localize";

/** A cell's value in an English message. */
function value(shown: ShownValue): string {
  if (typeof shown === "number") return String(shown);
  return shown === "unread" ? "unread" : shown === "notApplicable" ? '"/"' : "blank";
}

/** `s` when `count` is not 1. */
function plural(count: number): string {
  return count === 1 ? "" : "s";
}

/** A total rule's wording, given how it names its line and its parts. */
function totals(line: (data: TotalData) => string, parts: (data: TotalData) => string): MessageFormat<TotalData> {
  return {
    message: (data) =>
      typeof data.shown === "number"
        ? `${line(data)}: ${data.total.en} is ${data.shown}, but ${parts(data)} add up to ${data.expected}${data.anyPart ? "" : " (all blank)"}.`
        : `${line(data)}: ${data.total.en} is ${value(data.shown)}; it should be the sum of ${parts(data)}, ${data.expected}.`,
    fix: (data) => `Set ${data.total.en} to ${data.expected}.`,
  };
}

/** A balance term: its label and how it was read, e.g. `1. New requests this year (49)`. */
function term({ label, shown }: BalanceTerm): string {
  const read =
    shown.kind === "number"
      ? String(shown.value)
      : shown.kind === "blankTotal"
        ? shown.sameAxis
          ? `blank, counted as its items' sum ${shown.sum}`
          : `blank, counted as its row's sum ${shown.sum}`
        : `${value(shown.value)}, counted as 0`;
  return `${label.en} (${read})`;
}

/** The tables' numerals, as the Chinese forms print them. */
const tableNumerals = { table2: "二", table3: "三", table4: "四" } as const;

/** The tables as the empty-table finding names them. */
const emptyTableNames = {
  table2: "Table 2 (proactive disclosure)",
  table3: "Table 3 (requests received and handled)",
  table4: "Table 4 (reconsideration and litigation)",
} as const;

/** The English wording of every check rule's findings. */
export const en: RuleMessages = {
  "table3/balance": {
    message: (data) =>
      `Column ${data.column.en} does not balance: ${data.left.map(term).join(" + ")} = ${data.leftSum}, but ${data.right.map(term).join(" + ")} = ${data.rightSum}.`,
    fix: (data) =>
      `If the other items are right, ${data.last.en} should be ${data.balancing} (now ${value(data.lastShown)}).`,
  },
  "table3/results-total": totals(
    (data) => `Column ${data.line.en}`,
    () => "the outcome items",
  ),
  "table3/row-total": totals(
    (data) => `Row "${data.line.en}"`,
    () => "the natural-person and legal-person columns",
  ),
  "table4/group-total": totals(
    (data) => data.line.en,
    (data) => data.parts.map((part) => part.en.toLowerCase()).join(", "),
  ),
  "cross-year/prior-mismatch": {
    message: ({ agency, year }) => {
      const reasons: string[] = [];
      if (agency) reasons.push(`the prior report is by "${agency.prior}", this one by "${agency.current}"`);
      if (year)
        reasons.push(`the prior report covers ${year.prior}, not the year before this report (${year.current})`);
      return `Cross-year checks (carry-over, documents in force) were not run: ${reasons.join("; ")}.`;
    },
  },
  "cross-year/carry-over": {
    message: (data) =>
      `Column ${data.column.en}: this year's ${data.thisRow.en} is ${value(data.current)}, but the ${data.priorYear} report's ${data.priorRow.en} is ${value(data.last)}; they should match.`,
    fix: (data) =>
      `If last year's report is right, this year's ${data.thisRow.en} (${data.column.en}) should be ${value(data.last)}.`,
  },
  "cross-year/valid-documents": {
    message: (data) =>
      `${data.row.en}: ${data.lastValid} in force last year + ${value(data.made)} issued − ${value(data.repealed)} repealed gives ${data.expected}, but ${data.valid} are in force this year. Documents can also lapse (e.g. on expiry); if so, say so in the report.`,
  },
  "narrative/number-mismatch": {
    message: (data) => {
      const cells = data.targets
        .map((target) => `table ${tableNumerals[target.table]} "${target.row.en}" ${target.column.en}`)
        .join(" + ");
      return `The text says "${data.phrase}" (${data.stated}), but ${cells} is ${data.tableValue}${data.computed ? " (the total is blank; counted as the sum of its parts)" : ""}.`;
    },
  },
  "meta/deadline": {
    message: (data) =>
      data.kind === "invalidDeadline"
        ? `The configured deadline for ${agencyKindLabels[data.agencyKind].en} "${data.value}" is not a valid MM-DD day; the deadline was not checked.`
        : `Published on ${data.publishedDate}, ${data.days} day${plural(data.days)} after the Article 49 deadline ${data.deadline} for a ${agencyKindLabels[data.agencyKind].en.toLowerCase()}.${data.inferred ? " The agency kind was inferred; correct it if wrong." : ""}`,
  },
  "meta/edition-mismatch": {
    message: (data) =>
      `A report on ${data.year} should use the ${data.expected} edition (${data.expectedDocument}), but this one is laid out in the ${data.used} edition (${data.usedDocument}).`,
  },
  "structure/missing-part": {
    message: (data) => `The report has no part "${data.label}" (${data.en}).`,
  },
  "structure/part-numbering": {
    message: (data) =>
      `The part "${data.heading}" is numbered ${data.numeral}; it should be ${data.expected} (${data.en})${data.others > 0 ? `; ${data.others} other part${data.others === 1 ? " is" : "s are"} also numbered ${data.numeral}` : ""}.`,
    fix: (data) => `Renumber the part as ${data.expected} ("${data.label}").`,
  },
  "structure/empty-table": {
    message: (data) =>
      data.allEmpty
        ? `${emptyTableNames[data.table]} is entirely blank: none of the report's tables is filled in.`
        : `${emptyTableNames[data.table]} is entirely blank; if there is nothing to report, write 0.`,
  },
  "cell/invalid-value": {
    message: (data) =>
      `${data.row.en} (${data.column.en}): the value ${data.value} ${data.problem === "negative" ? "is negative, but the column cannot be" : "is a fraction, but the column is a count"}${data.raw === undefined ? "" : ` (source text "${data.raw}")`}.`,
  },
  "coverage/unverifiable": {
    message: (data) => {
      const name = `Table ${tableNumerals[data.table]}`;
      const list = data.skipped.map((entry) => `${entry.ruleId} (${entry.count})`).join(", ");
      const why = data.reasons
        .map((reason) => (reason === "tableAbsent" ? "the report has no such table" : unreadReasonLabels[reason].en))
        .join("; ");
      return data.absent
        ? `${name} was not checked (${why}): ${data.total} sum relation instance${plural(data.total)} skipped: ${list}.`
        : `${name} has ${data.unreadCells} unread cell${plural(data.unreadCells)} (${why}); the ${data.total} sum relation instance${plural(data.total)} reading them ${data.total === 1 ? "was" : "were"} not checked: ${list}.`;
    },
  },
};
