import { type AgencyKind, agencyKinds, type SourcePosition } from "@gongkai/core";
import type { BlockDocument } from "../block-document";
import type { FindingCollector } from "../diagnostics";
import {
  inferAgencyKind,
  looksLikeAgencyLine,
  looksLikeSignature,
  matchAnnouncedTitle,
  matchContactAgency,
  matchLabelledDate,
  matchPeriodYear,
  matchProducerAgency,
  matchSourceAgency,
  matchStandaloneDate,
  matchSubjectAgency,
  matchTitle,
  mostMentionedYear,
  stripPinyin,
  stripSpam,
} from "../meta";
import { isChrome, isMetaLine, type Unit } from "../structure";
import type { FoundPart } from "./parts";

/** The closing (落款 and 成文日期) under a report. */
export interface Closing {
  /** The index of its first unit: the report's content ends here. */
  readonly from: number;
  /** The signature line, whitespace removed. */
  readonly signature?: string;
  /** The date line, as an ISO date. */
  readonly date?: string;
}

/** Where the report year was read. */
export type YearSource = "title" | "period" | "mention" | "date" | "none";

/** What the meta stage read: the title, the report's extent, year, published date and agency. */
export interface MetaReading {
  /** The standalone title line, when one was found. */
  readonly title: ReturnType<typeof matchTitle>;
  /** The unit of the title line, or -1. */
  readonly titleUnit: number;
  /** The units a title printed over two lines takes. */
  readonly titleUnits: ReadonlySet<number>;
  /** The closing after the last part, when there is one. */
  readonly closing: Closing | undefined;
  /** The first unit after the report's content (the closing or the trailing portal chrome). */
  readonly contentEnd: number;
  /** The report year, when any source gave one. */
  readonly year: number | undefined;
  /** Where `year` was read. */
  readonly yearSource: YearSource;
  /** The published date and where it was read. */
  readonly published: { readonly date: string; readonly source: SourcePosition | undefined } | undefined;
  /** The agency name as found, before spam was cut from it. */
  readonly rawAgency: string;
  /** The agency name to store ("" when none). */
  readonly agencyName: string;
  /** Spam was cut out of the agency name. */
  readonly agencyStripped: boolean;
  /** The agency kind: as the container states it, else from its name or the signature. */
  readonly agencyKind: AgencyKind;
  /** Whether the kind was inferred (from the name or signature, or so stated by the container). */
  readonly agencyKindInferred: boolean;
  /** The agency's region, when the container states it. */
  readonly agencyRegion: string | undefined;
}

/**
 * The closing at the very end of the report's content (after `lastPartUnit`, before the trailing
 * portal chrome that starts at `tailStart`): a signature line (an agency name, see
 * `looksLikeSignature`) followed by a date line (2021年2月9日), or either alone, or the two as the
 * two lines of one block.
 */
export function findClosing(
  units: readonly Unit[],
  lastPartUnit: number | undefined,
  tailStart: number,
  agencyNames: readonly string[],
): Closing | undefined {
  if (lastPartUnit === undefined) return undefined;
  let index = tailStart - 1;
  const textAt = (at: number): string | undefined => {
    const unit = units[at];
    return at > lastPartUnit && unit?.kind === "text" ? unit.text : undefined;
  };
  // Both in one block, a line break between them (<p>某局<br>2021年2月9日</p>).
  const lines = (textAt(index) ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 2 && lines[0] !== undefined && lines[1] !== undefined) {
    const date = matchStandaloneDate(lines[1]);
    if (date !== undefined && looksLikeSignature(lines[0], agencyNames)) {
      return { from: index, signature: lines[0].replace(/\s+/gu, ""), date };
    }
  }
  const dateText = textAt(index);
  const date = dateText === undefined ? undefined : matchStandaloneDate(dateText);
  if (date !== undefined) index -= 1;
  const signatureText = textAt(index);
  const signature =
    signatureText !== undefined && looksLikeSignature(signatureText, agencyNames)
      ? signatureText.replace(/\s+/gu, "")
      : undefined;
  if (signature !== undefined) index -= 1;
  if (date === undefined && signature === undefined) return undefined;
  const closing: { from: number; signature?: string; date?: string } = { from: index + 1 };
  if (signature !== undefined) closing.signature = signature;
  if (date !== undefined) closing.date = date;
  return closing;
}

/** The first of `count` units from `from` for which `read` gives a value. */
function firstIn<T>(units: readonly Unit[], from: number, to: number, read: (text: string) => T | undefined) {
  for (let index = from; index < Math.min(units.length, to); index += 1) {
    const unit = units[index];
    if (unit?.kind !== "text") continue;
    const value = read(unit.text);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Stage 2: the report's metadata from the units around its parts: the title (over one or two
 * lines, else a sentence that names it, else the page's `<title>`), the closing and so where the
 * content ends, the year (title, then statistics period, then the year most mentioned, then the
 * year before the published date), the published date, and the agency (title, line before the
 * title, 发布机构, sentence title, 制作单位, signature, first sentence's subject, contact clause).
 */
export function readMeta(document: BlockDocument, units: readonly Unit[], parts: readonly FoundPart[]): MetaReading {
  const firstPartUnit = parts[0]?.unit ?? units.length;
  let titleMatch: ReturnType<typeof matchTitle>;
  let sentenceTitle: ReturnType<typeof matchTitle>;
  let titleUnit = -1;
  // The units a title printed over two lines takes (柳北区工业和信息化局2020年 / 政府信息公开工作年度报告).
  const titleUnits = new Set<number>();
  let producerAgency: string | undefined;
  let sourceAgency: string | undefined;
  let labelledDate: string | undefined;
  let labelledDateSource: SourcePosition | undefined;
  let standaloneDate: string | undefined;
  let standaloneDateSource: SourcePosition | undefined;
  const headUnits = Math.min(firstPartUnit, 60);
  for (let index = 0; index < headUnits; index += 1) {
    const unit = units[index];
    if (unit?.kind !== "text") continue;
    let title = matchTitle(unit.text);
    const next = units[index + 1];
    if (
      !title?.standalone &&
      unit.text.length <= 60 &&
      !isChrome(unit.text) &&
      !isMetaLine(unit.text) &&
      next?.kind === "text" &&
      next.text.length <= 40 &&
      !matchTitle(next.text)?.standalone
    ) {
      const joined = matchTitle(`${unit.text}${next.text}`);
      if (joined?.standalone && joined.length > unit.text.length) {
        title = joined;
        titleUnits.add(index);
        titleUnits.add(index + 1);
      }
    }
    if (title?.standalone) {
      titleMatch ??= title;
      titleUnit = index;
    } else if (title) sentenceTitle ??= title;
    else sentenceTitle ??= matchAnnouncedTitle(unit.text);
    producerAgency ??= matchProducerAgency(unit.text);
    sourceAgency ??= /信息来源|发布机构|来源[:：]/u.test(unit.text)
      ? matchSourceAgency(stripPinyin(unit.text))
      : undefined;
    if (labelledDate === undefined) {
      labelledDate = matchLabelledDate(unit.text);
      if (labelledDate !== undefined) labelledDateSource = unit.source;
    }
    if (standaloneDate === undefined) {
      standaloneDate = matchStandaloneDate(unit.text);
      if (standaloneDate !== undefined) standaloneDateSource = unit.source;
    }
  }
  // "现公布我局2022年政府信息公开工作年度报告" may open part 一 when the page has no title line.
  for (
    let index = firstPartUnit;
    index < Math.min(units.length, firstPartUnit + 6) && !titleMatch && !sentenceTitle;
    index += 1
  ) {
    const unit = units[index];
    if (unit?.kind === "text") {
      const title = matchTitle(unit.text) ?? matchAnnouncedTitle(unit.text);
      if (title && !title.standalone) sentenceTitle = title;
      producerAgency ??= matchProducerAgency(unit.text);
    }
  }
  if (!titleMatch && document.meta?.title) {
    const fromMeta = matchTitle(document.meta.title);
    if (fromMeta?.standalone) titleMatch = fromMeta;
  }

  // The closing (落款 and 成文日期) after the last part's content, and the end of the content.
  let tailStart = units.length;
  while (tailStart > 0) {
    const unit = units[tailStart - 1];
    if (unit?.kind !== "text" || !isChrome(unit.text)) break;
    tailStart -= 1;
  }
  const agencyNames = [titleMatch?.agency, sourceAgency, sentenceTitle?.agency].filter(
    (name): name is string => name !== undefined && name.length > 0,
  );
  const closing = findClosing(units, parts[parts.length - 1]?.unit, tailStart, agencyNames);
  const contentEnd = closing?.from ?? tailStart;

  const proseTexts = units
    .slice(0, Math.min(units.length, (parts[1]?.unit ?? firstPartUnit + 20) + 1))
    .flatMap((unit) => (unit.kind === "text" ? [unit.text.slice(0, 2000)] : []));
  let yearSource: YearSource = "none";
  // A title quoted in a sentence may name the wrong year (corpus 011): the statistics period comes first.
  let year: number | undefined = titleMatch?.year ?? (sentenceTitle?.quoted ? undefined : sentenceTitle?.year);
  if (year !== undefined) yearSource = "title";
  if (year === undefined) {
    for (const text of proseTexts) {
      year = matchPeriodYear(text);
      if (year !== undefined) break;
    }
    if (year !== undefined) yearSource = "period";
  }
  if (year === undefined && sentenceTitle?.quoted) {
    year = sentenceTitle.year;
    yearSource = "title";
  }
  if (year === undefined) {
    year = mostMentionedYear(proseTexts);
    if (year !== undefined) yearSource = "mention";
  }
  const closingDateSource = closing?.date === undefined ? undefined : units[tailStart - 1]?.source;
  const candidateDates: { date: string; source: SourcePosition | undefined }[] = [];
  if (labelledDate !== undefined) candidateDates.push({ date: labelledDate, source: labelledDateSource });
  if (standaloneDate !== undefined) candidateDates.push({ date: standaloneDate, source: standaloneDateSource });
  if (closing?.date !== undefined) candidateDates.push({ date: closing.date, source: closingDateSource });
  if (year === undefined && candidateDates[0] !== undefined) {
    year = Number(candidateDates[0].date.slice(0, 4)) - 1;
    yearSource = "date";
  }
  const published =
    year === undefined
      ? candidateDates[0]
      : candidateDates.find((candidate) => Number(candidate.date.slice(0, 4)) > (year ?? 0));

  // A title printed over two lines: the agency on the line before "2022年政府信息公开工作年度报告".
  let lineBeforeTitle: string | undefined;
  const previous = units[titleUnit - 1];
  if (titleMatch && titleMatch.agency === "" && previous?.kind === "text" && looksLikeAgencyLine(previous.text)) {
    lineBeforeTitle = previous.text.replace(/\s+/gu, "");
  }
  const openingEnd = Math.min(firstPartUnit + 4, 64);
  // The subject of the report's first sentences ("2022年,上海市人民政府办公厅坚持以…"), last; then
  // the template's contact clause (如对本报告有任何疑问,请与XX联系), when it names an agency.
  const subjectAgency = firstIn(units, 0, openingEnd, matchSubjectAgency);
  const contactAgency = firstIn(units, 0, openingEnd, matchContactAgency);
  // "开远市2025年…报告" published by 开远市人民政府: the page's 发布机构 completes the title's place name.
  const titleAgency =
    titleMatch?.agency && sourceAgency?.replace(/\s+/gu, "") === `${titleMatch.agency}人民政府`
      ? `${titleMatch.agency}人民政府`
      : titleMatch?.agency;
  const rawAgency = (
    titleAgency ||
    lineBeforeTitle ||
    sourceAgency ||
    sentenceTitle?.agency ||
    producerAgency ||
    closing?.signature ||
    subjectAgency ||
    contactAgency ||
    ""
  ).trim();
  const cleaned = stripSpam(rawAgency);
  // What is left after the spam may be a fragment that lost its place name (corpus 003: the mirror
  // put spam where 某市 was, leaving 人民政府合作交流办公室): no name starts with 人民政府, so the
  // agency is left empty rather than given as a name it is not.
  const agencyName =
    cleaned.stripped && /^(?:人民政府|政府|人民|办公室|办公厅|委员会)/u.test(cleaned.name) ? "" : cleaned.name;
  // The kind from the agency's name, else from the signature ("…管理委员会办公室" under a report
  // titled "…工业新区").
  let agencyKind = inferAgencyKind(agencyName);
  if (agencyKind === "unknown" && closing?.signature !== undefined) agencyKind = inferAgencyKind(closing.signature);
  // A kind the container states (a gongkai rendering carries the report's own) wins over the name.
  const stated = document.meta?.agency;
  const statedKind = (agencyKinds as readonly unknown[]).includes(stated?.kind)
    ? (stated?.kind as AgencyKind)
    : undefined;
  const agencyKindInferred = statedKind === undefined ? agencyKind !== "unknown" : stated?.kindInferred === true;
  if (statedKind !== undefined) agencyKind = statedKind;
  const agencyRegion = stated?.region?.trim() || undefined;
  return {
    title: titleMatch,
    titleUnit,
    titleUnits,
    closing,
    contentEnd,
    year,
    yearSource,
    published,
    rawAgency,
    agencyName,
    agencyStripped: cleaned.stripped,
    agencyKind,
    agencyKindInferred,
    agencyRegion,
  };
}

/** The meta stage's findings: spam cut from the agency name, no agency, no year or an inferred one, no date. */
export function reportMetaFindings(meta: MetaReading, findings: FindingCollector): void {
  if (meta.agencyStripped) {
    findings.add("import/meta-missing", {
      data: { kind: "agencySpam", raw: meta.rawAgency },
      location: { pointer: "/meta/agency/name" },
      actual: meta.rawAgency,
    });
  }
  if (meta.agencyName.length === 0) {
    findings.add("import/meta-missing", {
      data: { kind: "agencyName" },
      location: { pointer: "/meta/agency/name" },
    });
  }
  const { year, yearSource } = meta;
  if (yearSource !== "title" && yearSource !== "period") {
    findings.add("import/meta-missing", {
      severity: yearSource === "none" ? "warning" : "info",
      data:
        yearSource === "none" || year === undefined
          ? { kind: "year" }
          : { kind: "yearInferred", year, from: yearSource === "mention" ? "mention" : "date" },
      location: { pointer: "/meta/year" },
    });
  }
  if (meta.published === undefined) {
    findings.add("import/meta-missing", {
      data: { kind: "publishedDate" },
      location: { pointer: "/meta/publishedDate" },
    });
  }
}
