import { unreadReasonLabels } from "../../model/cell";
import type { TotalData } from "../../rules/sum-checks";
import type { ShownValue } from "../../rules/table-cells";
import type { BalanceTerm } from "../../rules/table3-balance";
import { agencyKindLabels } from "../../taxonomy/agency-kind";
import type { MessageDataOf } from "../diagnostic-registry";
import { runTogetherCount, splitsListed } from "./import-wording";
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

/** The tables' full names, as the empty-table finding and the importer findings name them. */
const tableTitles = {
  table2: "Table 2 (proactive disclosure)",
  table3: "Table 3 (requests received and handled)",
  table4: "Table 4 (reconsideration and litigation)",
} as const;

/** Why the text is taken to stop early, as the truncation finding says it. */
function truncationReason(data: MessageDataOf<"import/truncated">): string {
  switch (data.reason) {
    case "tableIncomplete":
      return `${tableTitles[data.table]} is incomplete`;
    case "partHeadingCut":
      return "a part heading is cut short";
    case "midSentence":
      return "the last paragraph stops mid-sentence";
    case "emptyLastPart":
      return "nothing follows the last part heading";
    case "onlyOverview":
      return "the text stops inside part 一 (overview)";
  }
}

/** A limit an importer met, as the limit finding says it. */
function limitExceeded(data: MessageDataOf<"import/limit-exceeded">): string {
  switch (data.kind) {
    case "textRun":
      return `A run of text longer than ${data.max} characters was not searched for a table.`;
    case "tableLabels":
      return `More than ${data.max} table labels in one run of text; the rest were not read.`;
    case "tableTokens":
      return `The table has more than ${data.max} cells or text pieces; the rest were not read.`;
    case "rowCells":
      return `A table row has ${data.cells} cells; only the first ${data.max} were read.`;
    case "textRowCells":
      return `A table row has ${data.cells} cells; only the first ${data.max} were kept.`;
    case "runTogether":
      return `Row "${data.row}" has more than ${data.max} run-together characters; not split, imported as unread.`;
    case "pageBlocks":
      return `The page has more than ${data.max} blocks (maxBlocks); the rest was not imported.`;
    case "tableSlots":
      return `The table exceeds the slot limit (${data.option} = ${data.budget}); only its first ${data.rows} row(s) were imported.`;
    case "tableColumns":
      return `A table row is wider than ${data.max} columns; the cells past that were not imported.`;
    case "textTableRows":
      return `A table has more than ${data.max} rows; the rest were not read.`;
    case "findingsPerRule":
      return `${data.count} findings of ${data.ruleId}; only the first ${data.max} are listed.`;
  }
}

/** An encoding problem, as the encoding finding says it. */
function encodingProblem(data: MessageDataOf<"import/encoding">): string {
  switch (data.kind) {
    case "undecodable":
      return `${data.sequences} undecodable byte sequence(s) at line ${data.line}, column ${data.column} (${data.encoding}); replaced with U+FFFD.`;
    case "moreUndecodable":
      return `${data.more} more undecodable runs in ${data.encoding} (${data.characters} replacement characters in all).`;
    case "unsupportedLabel":
      return `The encoding "${data.label}" is not supported; decoding as the file declares, or as detected.`;
    case "guessed":
      return `The input declares no encoding and is not valid UTF-8; decoded as ${data.encoding.toUpperCase()}.`;
    case "invalidUtf8Part":
      return `${data.part} has bytes that are not valid UTF-8; they were replaced with U+FFFD.`;
    case "unmappedFont":
      return `Text on page${plural(data.pages.length)} ${data.pages.join(", ")} uses a font without a Unicode map; it cannot be read.`;
    case "fontNotLoaded":
      return `Text on page${plural(data.pages.length)} ${data.pages.join(", ")} uses a font that could not be loaded (the CMap or font data a font without an embedded program needs was not found; in a browser, set cMapUrl); it cannot be read.`;
  }
}

/** The English wording of every finding: check rules', importers' and check()'s own. */
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
        ? `${tableTitles[data.table]} is entirely blank: none of the report's tables is filled in.`
        : `${tableTitles[data.table]} is entirely blank; if there is nothing to report, write 0.`,
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
  "import/unreadable-value": {
    message: (data) =>
      `The text "${data.text}" in row "${data.row}", column "${data.column}" is not a value; imported as unread.`,
  },
  "import/run-together": {
    message: (data) => {
      if (data.count === 0)
        return `Row "${data.row}" has its digits run together ("${data.text}") and they cannot be split into ${data.columns} values; imported as unread.`;
      const { listed, more } = splitsListed(data);
      return `Row "${data.row}" has its digits run together ("${data.text}"); ${runTogetherCount(data.count)} splits are possible (${listed.join("; ")}${more > 0 ? `; and ${more} more` : ""}); imported as unread, with the splits as candidates.`;
    },
  },
  "import/split-digits": {
    message: (data) =>
      `Row "${data.row}" had its digits run together ("${data.text}"); they split only one way: ${data.split.join(" | ")}.`,
  },
  "import/column-count": {
    message: (data) =>
      data.unit === "values"
        ? `Row "${data.row}" has ${data.found} values for ${data.columns} columns; they cannot be placed, imported as unread.`
        : `Row "${data.row}" has ${data.found} cells for ${data.columns} columns; which is which cannot be told, imported as unread.`,
  },
  "import/missing-row": {
    message: (data) => `Row "${data.label}" (${data.english}) was not found in the table; imported as unread.`,
  },
  "import/unknown-row": {
    message: (data) => `The table row "${data.label}" matches no row of the edition; not imported.`,
  },
  "import/group-as-row": {
    message: (data) =>
      `The table prints "${data.label}" as one row (${data.values.join(" | ")}) without its ${data.items} items; ${data.kept ? "the row's values are imported as the group's total and counted in the total, and the items as unread" : "the items are imported as unread, and the row's values were not imported"}.`,
  },
  "import/missing-table": {
    message: (data) => `${tableTitles[data.table]} was not found in the report.`,
  },
  "import/truncated": {
    message: (data) =>
      `The text stops at line ${data.line} (${truncationReason(data)}); what follows was not imported.`,
  },
  "import/meta-missing": {
    message: (data) => {
      switch (data.kind) {
        case "agencySpam":
          return `The agency name carried what looks like injected spam ("${data.raw}"); it was cut away and the name may be incomplete.`;
        case "agencyName":
          return "The agency name was not found.";
        case "year":
          return "The report year was not found.";
        case "yearInferred":
          return `No title states the report year; ${data.year} was inferred from ${data.from === "mention" ? "the year the text mentions most" : "the year before the published date"}.`;
        case "publishedDate":
          return "The published date was not found.";
      }
    },
  },
  "import/edition-inferred": {
    message: (data) =>
      `No table label showed the format edition; the ${data.edition} edition was inferred from the report year.`,
  },
  "import/limit-exceeded": { message: limitExceeded },
  "import/encoding": { message: encodingProblem },
  "import/embedded-report-invalid": {
    message: (data) =>
      `The page's embedded report data is invalid (${data.kind === "json" ? `not valid JSON: ${data.detail}` : `not a valid report: ${data.problems}`}); the report was recognized from the markup instead.`,
  },
  "import/no-text-layer": {
    message: ({ pages }) =>
      `Page${plural(pages.length)} ${pages.join(", ")} ha${pages.length === 1 ? "s" : "ve"} no text layer (a scan?); nothing on ${pages.length === 1 ? "it" : "them"} was read.`,
  },
  "internal/rule-failed": {
    message: (data) => `Rule ${data.rule} could not check this report: ${data.error}`,
  },
};
