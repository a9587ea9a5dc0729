import type { SectionCode } from "../editions/editions";
import { chineseNumeralCharacters, parseChineseNumber } from "./chinese-number";

/**
 * The counts prose states that a table cell also holds:
 * - `newReceived`: requests received this year (表三 一, 总计);
 * - `carriedOver`: requests carried over from last year (表三 二, 总计);
 * - `totalProcessed`: requests handled (表三 （七）总计, 总计);
 * - `carriedForward`: requests carried forward to next year (表三 四, 总计);
 * - `reviewTotal`: administrative reconsiderations (表四 行政复议 总计);
 * - `litigationTotal`: lawsuits (表四 both 行政诉讼 groups' 总计 together);
 * - `normativeDocumentsMade`: normative documents issued this year (表二 第二十条第（一）项).
 */
export const narrativeFacts = [
  "newReceived",
  "carriedOver",
  "totalProcessed",
  "carriedForward",
  "reviewTotal",
  "litigationTotal",
  "normativeDocumentsMade",
] as const;

/** A count prose states that a table cell also holds. */
export type NarrativeFact = (typeof narrativeFacts)[number];

/** One count found in prose. */
export interface NarrativeCount {
  /** What the count is. */
  readonly fact: NarrativeFact;
  /** The count. */
  readonly value: number;
  /** The matched phrase, e.g. `共收到政府信息公开申请49件`. */
  readonly phrase: string;
  /** The number as written, e.g. `49` or `十二`. */
  readonly numberText: string;
  /** 0-based UTF-16 index of the number in the text. */
  readonly index: number;
}

/** Options for {@link extractNarrativeCounts}. */
export interface ExtractNarrativeCountsOptions {
  /**
   * The report year. A sentence that names other years (e.g. `2022年共收到…` in a 2023 report)
   * but not this one is skipped.
   */
  readonly year?: number;
  /** The part the text is in; in `reviewLitigation` reconsideration and litigation counts need no further context. */
  readonly section?: SectionCode;
}

const numeral = `[${chineseNumeralCharacters}]`;
/** A count: Arabic (with optional thousands commas), full-width, or Chinese numerals, not the tail of a longer number. */
const count = `(?<![0-9０-９${chineseNumeralCharacters}])(?<number>[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+|${numeral}+)`;
/** Text inside one clause: no clause punctuation and no digits. */
const gap = (max: number) => `[^，,。；;：:、！!？?\\n0-9０-９]{0,${max}}?`;

interface Pattern {
  readonly fact: NarrativeFact;
  /** Words one of which the text must contain for the pattern to be tried (a cheap pre-check). */
  readonly anchors: readonly string[];
  readonly pattern: RegExp;
  /** The words between the verb and the number must include these. */
  readonly gapMustHave?: readonly string[];
  /** …and must not include these. */
  readonly gapMustNotHave?: RegExp;
  /** The text just before the match must not match this. */
  readonly rejectBefore?: RegExp;
  /** The text just after the match must not match this. */
  readonly rejectAfter?: RegExp;
  /** The sentence must match this (unless the section is `reviewLitigation`). */
  readonly sentenceMustHave?: RegExp;
}

const applicationGap: readonly string[] = ["申请", "公开"];
const notAboutThisCount =
  /其中|较|比|同比|增|减|占|上年|上一年|去年|结转|办结|答复|办理|处理|自然人|法人|予以|不予|部分|无法|转办|未/;
const aboutAnotherYear = /上年|去年|上一年|同比|较|比上|与上/;
const unit = "\\s*(?:件|起|例)";

const patterns: readonly Pattern[] = [
  {
    fact: "newReceived",
    anchors: ["新收", "收到", "受理", "接收"],
    pattern: new RegExp(`(?<verb>新收|收到|受理|接收)(?<gap>${gap(24)})\\s*${count}${unit}`, "gu"),
    gapMustHave: applicationGap,
    gapMustNotHave: notAboutThisCount,
    rejectBefore: new RegExp(`(?:未|没有|无|${aboutAnotherYear.source})[^，,。；;]{0,4}$`),
    rejectAfter: /^\s*[（(]?\s*(?:含|包括|包含)/,
  },
  {
    fact: "carriedOver",
    anchors: ["结转"],
    pattern: new RegExp(`(?:上一?年度?)结转(?<gap>${gap(14)})\\s*${count}${unit}`, "gu"),
    gapMustNotHave: /其中|较|比|下一?年/,
  },
  {
    fact: "carriedForward",
    anchors: ["结转"],
    pattern: new RegExp(`结转(?:至|到)?下一?年度?(?<gap>${gap(10)})\\s*${count}${unit}`, "gu"),
    gapMustNotHave: /其中|较|比/,
  },
  {
    fact: "totalProcessed",
    anchors: ["办理", "答复", "办结"],
    pattern: new RegExp(`(?<verb>办理|答复|办结)(?<gap>${gap(24)})\\s*${count}${unit}`, "gu"),
    gapMustHave: applicationGap,
    gapMustNotHave: /其中|较|比|同比|增|减|占|上年|上一年|去年|结转|自然人|法人|予以|不予|部分|无法|未/,
    rejectBefore: new RegExp(`(?:未|没有|无|受理|收到|新收|${aboutAnotherYear.source})[^，,。；;]{0,4}$`),
  },
  {
    fact: "reviewTotal",
    anchors: ["行政复议"],
    pattern: new RegExp(`行政复议(?<gap>(?:案件?|申请)?(?:共计?|合计|总计)?)\\s*${count}\\s*(?:件|起|宗|个)`, "gu"),
    sentenceMustHave: /公开/,
    rejectBefore: /(?:未|没有|无)[^，,。；;]{0,4}$/,
  },
  {
    fact: "litigationTotal",
    anchors: ["行政诉讼"],
    pattern: new RegExp(`行政诉讼(?<gap>(?:案件?)?(?:共计?|合计|总计)?)\\s*${count}\\s*(?:件|起|宗|个)`, "gu"),
    sentenceMustHave: /公开/,
    rejectBefore: /(?:行政复议[和及与、]|未|没有|无)[^，,。；;]{0,4}$/,
  },
  {
    fact: "normativeDocumentsMade",
    anchors: ["制发"],
    pattern: new RegExp(`制发了?(?:行政)?规范性文件(?<gap>(?:共计?|合计)?)\\s*${count}\\s*(?:件|个|份)`, "gu"),
    rejectBefore: new RegExp(`(?:未|没有|无|${aboutAnotherYear.source})[^，,。；;]{0,4}$`),
  },
];

/** The characters that end a sentence, as UTF-16 code units (reading code units allocates nothing). */
const sentenceEnds = new Set([..."。；;！!？?\n"].map((character) => character.charCodeAt(0)));

function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !sentenceEnds.has(text.charCodeAt(from - 1))) from -= 1;
  let to = end;
  while (to < text.length && !sentenceEnds.has(text.charCodeAt(to))) to += 1;
  return text.slice(from, to);
}

/** The counting units every pattern ends with. */
const unitCharacter = /[件起例个宗份]/g;
/** The characters a count ends with. */
const countCharacters = new Set(`0123456789０１２３４５６７８９${chineseNumeralCharacters}`);
const whitespace = /\s/;

/**
 * Whether the text has a number followed by a counting unit (`[0-9０-９零…万]\s*[件起例个宗份]`):
 * the cheap test before the patterns. Units are rare, so it finds them and looks back from each.
 */
function mentionsCount(text: string): boolean {
  unitCharacter.lastIndex = 0;
  for (let match = unitCharacter.exec(text); match !== null; match = unitCharacter.exec(text)) {
    let before = match.index - 1;
    while (before >= 0 && whitespace.test(text.charAt(before))) before -= 1;
    if (before >= 0 && countCharacters.has(text.charAt(before))) return true;
  }
  return false;
}

function includesAny(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return false;
}

function includesAll(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

function byIndex(left: NarrativeCount, right: NarrativeCount): number {
  return left.index - right.index;
}

const yearPattern = /(\d{4})\s*年/g;

function namesOnlyOtherYears(sentence: string, year: number): boolean {
  let named = false;
  yearPattern.lastIndex = 0;
  for (let match = yearPattern.exec(sentence); match !== null; match = yearPattern.exec(sentence)) {
    if (Number(match[1]) === year) return false;
    named = true;
  }
  return named;
}

/**
 * Find the counts a paragraph states for table cells: `共收到政府信息公开申请49件` (received),
 * `上年结转2件`, `共办理政府信息公开申请1527件` (handled), `结转下年度办理1件`,
 * `行政复议93件`, `行政诉讼19件`, `制发行政规范性文件6个`. Only confident patterns are read:
 * an application count needs a verb (收到, 受理, 新收; 办理, 答复, 办结) and the words 申请 and 公开 in the
 * same clause; a comparison (较上年, 同比), a share (其中, 占) or another year in the clause makes
 * the match be skipped; reconsideration and litigation counts need the sentence to be about
 * 公开 (or the text to be in part 四). Numbers may be Arabic, full-width or simple Chinese.
 *
 * @example
 * extractNarrativeCounts("2021年共收到政府信息公开申请132件，已全部办结。")
 * // [{ fact: "newReceived", value: 132, phrase: "收到政府信息公开申请132件", numberText: "132", index: 16 }]
 */
export function extractNarrativeCounts(text: string, options: ExtractNarrativeCountsOptions = {}): NarrativeCount[] {
  const counts: NarrativeCount[] = [];
  if (!mentionsCount(text)) return counts;
  for (const rule of patterns) {
    if (!includesAny(text, rule.anchors)) continue;
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const groups = match.groups ?? {};
      const numberText = groups.number as string;
      const gapText = groups.gap ?? "";
      const start = match.index;
      const end = start + match[0].length;
      if (rule.gapMustHave && !includesAll(gapText, rule.gapMustHave)) continue;
      if (rule.gapMustNotHave?.test(gapText)) continue;
      if (rule.rejectBefore?.test(text.slice(Math.max(0, start - 8), start))) continue;
      if (rule.rejectAfter?.test(text.slice(end, end + 6))) continue;
      const sentence = sentenceAround(text, start, end);
      if (rule.sentenceMustHave && options.section !== "reviewLitigation" && !rule.sentenceMustHave.test(sentence)) {
        continue;
      }
      if (options.year !== undefined && namesOnlyOtherYears(sentence, options.year)) continue;
      const value = parseChineseNumber(numberText);
      if (value === undefined) continue;
      const index = start + match[0].lastIndexOf(numberText, match[0].length);
      counts.push({ fact: rule.fact, value, phrase: match[0], numberText, index });
    }
  }
  return counts.length > 1 ? counts.sort(byIndex) : counts;
}
