import {
  type Diagnostic,
  type EditionId,
  editionForYear,
  type NarrativeBlock,
  type Part,
  type Report,
  type SectionCode,
  type SourcePosition,
  sectionCodes,
  type TableId,
} from "@gongkai/core";
import type { BlockDocument } from "./block-document";
import { FindingCollector } from "./diagnostics";
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
} from "./meta";
import { foldText, normalizeLabel } from "./normalize";
import { NotAReportError } from "./not-a-report-error";
import { lastLineOf, positionWithin } from "./source-position";
import {
  endsMidSentence,
  isChrome,
  isCutPartHeading,
  isMetaLine,
  matchPartHeading,
  type PartHeading,
  type TextUnit,
  type Unit,
  unitsOf,
} from "./structure";
import { readTable, type TableReadResult } from "./tables";

/** Options for {@link recognize}. */
export interface RecognizeOptions {
  /** The page the document was read from; stored as `meta.sourceUrl`. */
  readonly sourceUrl?: string;
  /** The file the document was read from; set as `path` on source positions that have none. */
  readonly fileName?: string;
}

/** What {@link recognize} returns: the report and the importer's findings (`import/*` only). */
export interface RecognizeResult {
  /** The report as read. Cells that could not be read are blank, with a finding. */
  readonly report: Report;
  /** What the importer could not read, each located in the source. Run core's `check()` for the rest. */
  readonly diagnostics: Diagnostic[];
}

interface FoundPart extends PartHeading {
  readonly unit: number;
  readonly rest: string;
  readonly restSource: SourcePosition;
  readonly source: SourcePosition;
}

const tableParts: Record<TableId, SectionCode> = {
  table2: "activeDisclosure",
  table3: "applications",
  table4: "reviewLitigation",
};

const tableSignatures: Record<TableId, RegExp> = {
  table2: /第二十条第/u,
  table3: /本年新收政府信息公开申请|本列数据的勾稽关系|申请人情况/u,
  table4: /尚未审结|结果维持/u,
};

const tableNames: Record<TableId, { zh: string; en: string }> = {
  table2: { zh: "表二（主动公开政府信息情况）", en: "Table 2 (proactive disclosure)" },
  table3: { zh: "表三（收到和处理政府信息公开申请情况）", en: "Table 3 (requests received and handled)" },
  table4: { zh: "表四（行政复议、行政诉讼情况）", en: "Table 4 (reconsideration and litigation)" },
};

const markers2019 = [
  /新制作/u,
  /新公开数量/u,
  /对外公开总数/u,
  /上一年项目/u,
  /本年增\/?减/u,
  /其他对外管理服务/u,
  /采购项目/u,
  /采购总金额/u,
];
const markers2021 = [/制发件数/u, /废止件数/u, /现行有效件数/u, /本年收费金额/u, /本年处理决定数量/u];
const markers2021Table3 = [/逾期不补正/u, /缴纳费用/u, /收费通知/u];
// In the 2019 edition （六）其他处理 is one row: its label is followed directly by its cells.
const markers2019Table3 = [/\(六\)其他处理(?:\|{0,2})[\d/-]/u];

function textOfUnit(unit: Unit): string {
  if (unit.kind === "text") return unit.text;
  const parts: string[] = [];
  for (const row of unit.block.rows) for (const slot of row) parts.push(slot.text);
  return parts.join("|");
}

function countMarkers(text: string, markers: readonly RegExp[]): number {
  return markers.filter((marker) => marker.test(text)).length;
}

function endOf(unit: Unit): SourcePosition {
  if (unit.kind === "text" && !unit.exact) return unit.source;
  if (unit.kind === "text") {
    const line = lastLineOf(unit.source, unit.text);
    const lastBreak = unit.text.lastIndexOf("\n");
    const column = lastBreak === -1 ? unit.source.column + unit.text.length : unit.text.length - lastBreak;
    return { line, column };
  }
  let line = unit.source.line;
  let column = unit.source.column;
  for (const row of unit.block.rows) {
    for (const slot of row) {
      if (slot.source && (slot.source.line > line || (slot.source.line === line && slot.source.column > column))) {
        line = slot.source.line;
        column = slot.source.column + slot.text.length;
      }
    }
  }
  return { line, column };
}

function isSubheading(text: string): boolean {
  const folded = foldText(text);
  if (folded.length > 40) return false;
  if (!/^(?:\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|[一二三四五六七八九十]{1,3}是|\d{1,2}[.、])/u.test(folded))
    return false;
  const inner = folded.replace(/[。.]$/u, "");
  return !/[。,，;；]/u.test(inner);
}

function narrativeOf(text: string, source: SourcePosition): NarrativeBlock {
  return isSubheading(text) ? { type: "subheading", text, source } : { type: "paragraph", text, source };
}

/** The closing (落款 and 成文日期) under a report. */
interface Closing {
  /** The index of its first unit: the report's content ends here. */
  readonly from: number;
  /** The signature line, whitespace removed. */
  readonly signature?: string;
  /** The date line, as an ISO date. */
  readonly date?: string;
}

/**
 * The closing at the very end of the report's content (after `lastPartUnit`, before the trailing
 * portal chrome that starts at `tailStart`): a signature line (an agency name, see
 * `looksLikeSignature`) followed by a date line (2021年2月9日), or either alone, or the two as the
 * two lines of one block.
 */
function findClosing(
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

function withPath(source: SourcePosition, fileName: string | undefined): SourcePosition {
  return fileName === undefined || source.path !== undefined ? source : { ...source, path: fileName };
}

/**
 * Turn a block document into a report: find the report inside the page (portal chrome before
 * and after is skipped), read its metadata, its six parts by their headings (paraphrases and wrong
 * numerals tolerated; the printed numeral is kept), its edition (from table 二's column labels and
 * table 三's （六） rows, else from the year), and its tables by their printed labels.
 *
 * Nothing is invented: a value that cannot be read with confidence is imported blank with an
 * `import/*` finding that says where it is in the source. Run core's `check()` on the report for
 * findings about its content.
 *
 * @throws {NotAReportError} when the document has no report year, no part heading and no table.
 * @example
 * const { report, diagnostics } = recognize(textToBlocks(text), { sourceUrl });
 */
export function recognize(document: BlockDocument, options: RecognizeOptions = {}): RecognizeResult {
  const findings = new FindingCollector();
  if (document.diagnostics) findings.addAll(document.diagnostics);
  const units = unitsOf(document);

  const parts: FoundPart[] = [];
  let lastCode = -1;
  units.forEach((unit, index) => {
    if (unit.kind !== "text") return;
    const heading = matchPartHeading(unit.text);
    if (!heading) return;
    const order = sectionCodes.indexOf(heading.code);
    if (order <= lastCode) return;
    lastCode = order;
    const restRaw = unit.text.slice(heading.length);
    const leading = restRaw.length - restRaw.trimStart().length;
    parts.push({
      ...heading,
      unit: index,
      rest: restRaw.trim(),
      restSource: positionWithin(unit.source, unit.text, heading.length + leading, unit.exact),
      source: unit.source,
    });
  });
  const firstPartUnit = parts[0]?.unit ?? units.length;
  const partIndexOf = (code: SectionCode): number => parts.findIndex((part) => part.code === code);

  // Meta: title, agency, dates from the units before part 一.
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
  let yearSource: "title" | "period" | "mention" | "date" | "none" = "none";
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
  const publishedDate = published?.date;

  // Table regions.
  const regionOf = (table: TableId): { from: number; to: number } | undefined => {
    const partIndex = partIndexOf(tableParts[table]);
    const found = parts[partIndex];
    if (found) return { from: found.unit, to: Math.max(found.unit + 1, parts[partIndex + 1]?.unit ?? contentEnd) };
    const signature = tableSignatures[table];
    const start = units.findIndex(
      (unit, index) => index < contentEnd && signature.test(normalizeLabel(textOfUnit(unit).slice(0, 5000))),
    );
    if (start === -1) return undefined;
    const next = parts.find((part) => part.unit > start);
    return { from: start, to: next?.unit ?? contentEnd };
  };
  const regions = {
    table2: regionOf("table2"),
    table3: regionOf("table3"),
    table4: regionOf("table4"),
  } satisfies Record<TableId, { from: number; to: number } | undefined>;

  // Edition.
  const regionText = (table: TableId): string => {
    const region = regions[table];
    if (!region) return "";
    const texts: string[] = [];
    let length = 0;
    for (let index = region.from; index < region.to && length < 200_000; index += 1) {
      const unit = units[index];
      if (!unit) continue;
      const text = textOfUnit(unit);
      texts.push(text);
      length += text.length;
    }
    return normalizeLabel(texts.join("|").slice(0, 200_000));
  };
  const table2Text = regionText("table2");
  const table3Text = regionText("table3");
  const score2019 = countMarkers(table2Text, markers2019) + countMarkers(table3Text, markers2019Table3);
  const score2021 = countMarkers(table2Text, markers2021) + countMarkers(table3Text, markers2021Table3);
  let edition: EditionId;
  let editionInferred = false;
  if (score2019 > score2021) edition = "2019";
  else if (score2021 > score2019) edition = "2021";
  else {
    edition = year === undefined ? "2021" : (editionForYear(year) ?? "2019");
    editionInferred = true;
  }

  const anyContent = parts.length > 0 || Object.values(regions).some((region) => region !== undefined);
  // The text may stop inside a table only when that table is the last thing and no closing follows.
  const mayEndIn = (table: TableId): boolean => closing === undefined && regions[table]?.to === contentEnd;

  const tables: Partial<Record<TableId, TableReadResult>> = {};
  for (const table of ["table2", "table3", "table4"] as const) {
    const region = regions[table];
    if (!region) continue;
    const regionUnits: { unit: Unit; index: number }[] = [];
    for (let index = region.from; index < region.to; index += 1) {
      const unit = units[index];
      if (!unit) continue;
      if (index === region.from && parts.some((part) => part.unit === index)) {
        const part = parts.find((candidate) => candidate.unit === index);
        if (part && part.rest.length > 0) {
          const exact = unit.kind === "text" && unit.exact;
          regionUnits.push({
            unit: { kind: "text", text: part.rest, source: part.restSource, heading: false, exact },
            index,
          });
        }
        continue;
      }
      regionUnits.push({ unit, index });
    }
    tables[table] = readTable({
      edition,
      table,
      units: regionUnits,
      truncatedHere: mayEndIn(table),
      findings,
    });
  }
  const presentTables = (["table2", "table3", "table4"] as const).filter((table) => tables[table]?.present);
  // Evidence of a cut text, first: it stops inside a table, before the edition's last row.
  const cutTable = anyContent ? presentTables.find((table) => mayEndIn(table) && !tables[table]?.complete) : undefined;

  if (year === undefined && parts.length === 0 && presentTables.length === 0) {
    throw new NotAReportError();
  }

  // Which units the tables took (everything between a table's first and last used unit).
  const tableUnits = new Set<number>();
  for (const table of presentTables) {
    let from = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const index of tables[table]?.usedUnits ?? []) {
      if (index < from) from = index;
      if (index > last) last = index;
    }
    if (from === Number.POSITIVE_INFINITY) continue;
    // A table the text stops inside takes the rest of its part (a cut-off header is not prose).
    const to = table === cutTable ? contentEnd - 1 : last;
    for (let index = from; index <= to; index += 1) tableUnits.add(index);
  }

  const fileName = options.fileName;
  const narrative = (unit: TextUnit): NarrativeBlock => narrativeOf(unit.text, withPath(unit.source, fileName));

  // Preamble.
  const preamble: NarrativeBlock[] = [];
  for (let index = 0; index < firstPartUnit; index += 1) {
    const unit = units[index];
    if (unit?.kind !== "text" || tableUnits.has(index) || titleUnits.has(index)) continue;
    const title = matchTitle(unit.text);
    if (title?.standalone) {
      const rest = unit.text.slice(title.length);
      const trimmed = rest.trim();
      if (trimmed.length > 0 && index === titleUnit) {
        const leading = rest.length - rest.trimStart().length;
        preamble.push(
          narrativeOf(
            trimmed,
            withPath(positionWithin(unit.source, unit.text, title.length + leading, unit.exact), fileName),
          ),
        );
      }
      continue;
    }
    if (titleUnit !== -1 && index < titleUnit) continue;
    if (isChrome(unit.text) || isMetaLine(unit.text)) continue;
    if (matchStandaloneDate(unit.text) !== undefined) continue;
    if (titleMatch && unit.text.trim() === titleMatch.agency && index <= titleUnit + 2) continue;
    if (index === titleUnit - 1 && titleMatch?.agency === "" && looksLikeAgencyLine(unit.text)) continue;
    preamble.push(narrative(unit));
  }

  // Parts.
  const reportParts: Part[] = parts.map((part, partIndex) => {
    const blocks: NarrativeBlock[] = [];
    const end = parts[partIndex + 1]?.unit ?? contentEnd;
    if (part.rest.length > 0 && !tableUnits.has(part.unit))
      blocks.push(narrativeOf(part.rest, withPath(part.restSource, fileName)));
    for (let index = part.unit + 1; index < end; index += 1) {
      const unit = units[index];
      if (unit?.kind !== "text" || tableUnits.has(index)) continue;
      if (isChrome(unit.text)) continue;
      blocks.push(narrative(unit));
    }
    const result: Part = { code: part.code, heading: part.heading, source: withPath(part.source, fileName), blocks };
    if (part.numeral !== undefined) result.numeral = part.numeral;
    return result;
  });

  // Findings about what is missing. Truncation needs evidence: a table the text stops inside, a
  // part heading cut short, or prose that stops mid-sentence, each as the last thing with no closing.
  const lastFoundOrder = parts.length === 0 ? -1 : sectionCodes.indexOf(parts[parts.length - 1]?.code ?? "overview");
  const lastUnit = units[contentEnd - 1];
  let cutReason: { zh: string; en: string } | undefined;
  if (cutTable !== undefined) {
    cutReason = { zh: `${tableNames[cutTable].zh}未完`, en: `${tableNames[cutTable].en} is incomplete` };
  } else if (
    (anyContent || titleMatch !== undefined) &&
    closing === undefined &&
    lastUnit?.kind === "text" &&
    !tableUnits.has(contentEnd - 1) &&
    contentEnd - 1 !== titleUnit
  ) {
    const lastPart = parts[parts.length - 1];
    if (isCutPartHeading(lastUnit.text)) cutReason = { zh: "部分标题不完整", en: "a part heading is cut short" };
    else if (endsMidSentence(lastUnit.text))
      cutReason = { zh: "最后一段话没有结束", en: "the last paragraph stops mid-sentence" };
    else if (lastPart?.unit === contentEnd - 1 && lastPart.rest.length === 0 && lastPart.code !== "other")
      cutReason = { zh: "最后一个部分标题之后没有内容", en: "nothing follows the last part heading" };
    // A report is never only its part 一: text that stops there, tables and all later parts
    // unprinted, stops early (the 2,000-character captures of the corpus stop in part 一).
    else if (lastPart?.code === "overview" && presentTables.length === 0)
      cutReason = { zh: "文本停在第一部分（总体情况）之内", en: "the text stops inside part 一 (overview)" };
  }
  const truncated = cutReason !== undefined;
  if (cutReason !== undefined && lastUnit) {
    const end = withPath(endOf(lastUnit), fileName);
    findings.add("import/truncated", {
      message: {
        zh: `文本在第 ${end.line} 行中断（${cutReason.zh}），此后的内容未能导入。`,
        en: `The text stops at line ${end.line} (${cutReason.en}); what follows was not imported.`,
      },
      location: { pointer: "", source: end },
    });
  }
  for (const table of ["table2", "table3", "table4"] as const) {
    if (tables[table]?.present) continue;
    const partOrder = sectionCodes.indexOf(tableParts[table]);
    if (truncated && lastFoundOrder <= partOrder) continue;
    const part = parts[partIndexOf(tableParts[table])];
    findings.add("import/missing-table", {
      message: {
        zh: `报告中找不到${tableNames[table].zh}。`,
        en: `${tableNames[table].en} was not found in the report.`,
      },
      location: part
        ? { table, pointer: `/tables/${table}`, source: withPath(part.source, fileName) }
        : { table, pointer: `/tables/${table}` },
    });
  }

  // A title printed over two lines: the agency on the line before "2022年政府信息公开工作年度报告".
  let lineBeforeTitle: string | undefined;
  const previous = units[titleUnit - 1];
  if (titleMatch && titleMatch.agency === "" && previous?.kind === "text" && looksLikeAgencyLine(previous.text)) {
    lineBeforeTitle = previous.text.replace(/\s+/gu, "");
  }
  // The subject of the report's first sentences ("2022年,上海市人民政府办公厅坚持以…"), last.
  let subjectAgency: string | undefined;
  for (
    let index = 0;
    index < Math.min(units.length, firstPartUnit + 4, 64) && subjectAgency === undefined;
    index += 1
  ) {
    const unit = units[index];
    if (unit?.kind === "text") subjectAgency = matchSubjectAgency(unit.text);
  }
  // The template's contact clause (如对本报告有任何疑问,请与XX联系), when it names an agency, not an office.
  let contactAgency: string | undefined;
  for (
    let index = 0;
    index < Math.min(units.length, firstPartUnit + 4, 64) && contactAgency === undefined;
    index += 1
  ) {
    const unit = units[index];
    if (unit?.kind === "text") contactAgency = matchContactAgency(unit.text);
  }
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
  if (cleaned.stripped) {
    findings.add("import/meta-missing", {
      message: {
        zh: `机关名称中夹有疑似注入的垃圾文字（“${rawAgency}”），已去除，名称可能不完整。`,
        en: `The agency name carried what looks like injected spam ("${rawAgency}"); it was cut away and the name may be incomplete.`,
      },
      location: { pointer: "/meta/agency/name" },
      actual: rawAgency,
    });
  }
  if (agencyName.length === 0) {
    findings.add("import/meta-missing", {
      message: { zh: "找不到机关名称。", en: "The agency name was not found." },
      location: { pointer: "/meta/agency/name" },
    });
  }
  if (yearSource !== "title" && yearSource !== "period") {
    findings.add("import/meta-missing", {
      severity: yearSource === "none" ? "warning" : "info",
      message:
        yearSource === "none"
          ? { zh: "找不到报告年度。", en: "The report year was not found." }
          : {
              zh: `标题中没有报告年度，按${yearSource === "mention" ? "正文中出现最多的年份" : "发布日期的前一年"}推定为 ${year}。`,
              en: `No title states the report year; ${year} was inferred from ${yearSource === "mention" ? "the year the text mentions most" : "the year before the published date"}.`,
            },
      location: { pointer: "/meta/year" },
    });
  }
  if (publishedDate === undefined) {
    findings.add("import/meta-missing", {
      message: { zh: "找不到发布日期。", en: "The published date was not found." },
      location: { pointer: "/meta/publishedDate" },
    });
  }
  if (editionInferred) {
    findings.add("import/edition-inferred", {
      message: {
        zh: `报告中没有可判断格式版本的表格标签，按报告年度推定为 ${edition} 年版。`,
        en: `No table label showed the format edition; the ${edition} edition was inferred from the report year.`,
      },
      location: { pointer: "/edition" },
    });
  }

  const reportYear = year ?? (edition === "2021" ? 2021 : 2019);
  // The kind from the agency's name, else from the signature ("…管理委员会办公室" under a report
  // titled "…工业新区"); `kindInferred` only when a kind was inferred.
  let kind = inferAgencyKind(agencyName);
  if (kind === "unknown" && closing?.signature !== undefined) kind = inferAgencyKind(closing.signature);
  const meta: Report["meta"] = {
    agency: kind === "unknown" ? { name: agencyName, kind } : { name: agencyName, kind, kindInferred: true },
    year: reportYear,
  };
  if (publishedDate !== undefined) meta.publishedDate = publishedDate;
  if (titleMatch) meta.title = titleMatch.title;
  // Where the meta facts were read, so findings about them point into the source.
  const titleSource = titleUnit >= 0 ? units[titleUnit]?.source : undefined;
  const metaSources: NonNullable<Report["meta"]["sources"]> = {};
  if (titleMatch && titleSource) metaSources.title = withPath(titleSource, fileName);
  if (titleMatch?.agency && titleSource) metaSources.agency = withPath(titleSource, fileName);
  if (published?.source) metaSources.publishedDate = withPath(published.source, fileName);
  if (Object.keys(metaSources).length > 0) meta.sources = metaSources;
  const sourceUrl = options.sourceUrl ?? document.meta?.sourceUrl;
  if (sourceUrl !== undefined) meta.sourceUrl = sourceUrl;

  const reportTables: Record<string, unknown> = {};
  for (const table of presentTables) {
    const read = tables[table];
    if (!read) continue;
    reportTables[table] =
      read.source === undefined ? { rows: read.rows } : { source: withPath(read.source, fileName), rows: read.rows };
  }
  const report = { edition, meta, preamble, parts: reportParts, tables: reportTables } as unknown as Report;
  const diagnostics = findings.finish();
  if (fileName !== undefined) {
    for (const table of presentTables) {
      for (const cells of Object.values(tables[table]?.rows ?? {})) {
        for (const [key, cell] of Object.entries(cells)) {
          if (cell.source) cells[key] = { ...cell, source: withPath(cell.source, fileName) };
        }
      }
    }
    for (const diagnostic of diagnostics) {
      if (diagnostic.location.source) diagnostic.location.source = withPath(diagnostic.location.source, fileName);
    }
  }
  return { report, diagnostics };
}
