import type { AgencyKind, SourcePosition } from "@gongkai/core";
import { foldText } from "./normalize";

/** A report title found in the text. */
export interface TitleMatch {
  /** The title as printed (from the agency name to 报告). */
  readonly title: string;
  /** The agency named before the year, possibly empty. */
  readonly agency: string;
  /** The report year the title names. */
  readonly year: number;
  /** Characters of the unit text the title takes. */
  readonly length: number;
  /**
   * The title stands alone at the start of the unit (a title line); false when it was found inside
   * a sentence ("现公布我局2022年政府信息公开工作年度报告"), which names the agency and year only.
   */
  readonly standalone: boolean;
  /** The title was quoted in a sentence (编制了《…报告》): its year is less sure than a title line's. */
  readonly quoted?: boolean;
}

const titlePattern =
  /^\s*(?:标\s*题\s*[:：|]?\s*)?(?:#+\s*)?(.{0,60}?)(?:关于)?\s*((?:19|20)\d{2})\s*(?:年\s*度?[^。，,；;\n]{0,8}?|(?=政府信息公开))政府信息公开[^。，,；;\n]{0,10}?报告(?:\s*[(（]\s*(?:19|20)\d{2}\s*年?度?\s*[)）])?/u;

const yearFirstTitlePattern =
  /^\s*(?:标\s*题\s*[:：|]?\s*)?(?:#+\s*)?((?:19|20)\d{2})\s*年\s*度?([^。，,；;《》\n\d]{2,40}?)政府信息公开[^。，,；;\n]{0,10}?报告/u;

const yearAfterTitlePattern =
  /^\s*(?:标\s*题\s*[:：|]?\s*)?([^。，,；;《》\n\d]{2,40}?)政府信息公开[^。，,；;\n\d]{0,10}?报告\s*[(（]\s*((?:19|20)\d{2})\s*年?度?\s*[)）]/u;

const titleLabel = /^.*?标\s*题\s*[:：|]?\s*|^.*[:：]\s*/u;

// Parenthesised pinyin that spam mirrors inject after characters: 機(jī)關(guān).
const pinyinPattern = /\([a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜńňǹḿ]{1,8}\)/gu;

const chineseDigits: Record<string, string> = {
  〇: "0",
  零: "0",
  "○": "0",
  Ｏ: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** Text prepared for matching meta: pinyin dropped, years in Chinese numerals as digits. */
interface MatchText {
  /** The text without injected pinyin (not folded). */
  readonly text: string;
  /** The text folded for matching (same length as `text`). */
  readonly folded: string;
  /** `map[i]` is the index in the input of `text[i]`; `map[text.length]` is the input's length. */
  readonly map: readonly number[];
}

/**
 * Drop parenthesised pinyin (機(jī)關 → 機關), fold, and write a year in Chinese numerals
 * (二〇二三年) as digits, one digit a character, keeping a map back to the input.
 */
export function prepareMatchText(input: string): MatchText {
  const map: number[] = [];
  let text = "";
  let from = 0;
  pinyinPattern.lastIndex = 0;
  for (let match = pinyinPattern.exec(input); match; match = pinyinPattern.exec(input)) {
    for (let index = from; index < match.index; index += 1) map.push(index);
    text += input.slice(from, match.index);
    from = match.index + match[0].length;
  }
  for (let index = from; index < input.length; index += 1) map.push(index);
  text += input.slice(from);
  map.push(input.length);
  const folded = foldText(text).replace(/[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)/gu, (digits) =>
    /^[一二][〇零○Ｏ一二三四五六七八九]{3}$/u.test(digits)
      ? [...digits].map((digit) => chineseDigits[digit] ?? digit).join("")
      : digits,
  );
  return { text, folded, map };
}

/** Text with injected parenthesised pinyin removed (機(jī)關 → 機關). */
export function stripPinyin(text: string): string {
  return text.replace(pinyinPattern, "");
}

/** An agency name read from a title: whitespace dropped, 人民 completed when 政府 went to 政府信息公开. */
function cleanAgency(name: string): string {
  return name.replace(/\s+/gu, "").replace(/人民$/u, "人民政府");
}

/**
 * Whether `text` starts with a report title: "XX2020年政府信息公开工作年度报告", or with the year first,
 * "2019年上海市人民政府办公厅政府信息公开工作年度报告". Pinyin injected after characters
 * (機(jī)關) is ignored, and a year in Chinese numerals (二〇二三年) is read.
 */
export function matchTitle(text: string): TitleMatch | undefined {
  const prepared = prepareMatchText(text.slice(0, 400));
  const folded = prepared.folded;
  const clean = prepared.text;
  const inputLength = (end: number): number => prepared.map[end] ?? text.length;
  const yearFirst = yearFirstTitlePattern.exec(folded);
  if (yearFirst && !/^(?:度|的|工作)$/u.test(yearFirst[2] ?? "")) {
    const start = yearFirst[0].length - yearFirst[0].trimStart().length;
    return {
      title: clean
        .slice(start, yearFirst[0].length)
        .replace(titleLabel, "")
        .replace(/^#+\s*/u, "")
        .trim(),
      agency: cleanAgency(yearFirst[2] ?? ""),
      year: Number(yearFirst[1]),
      length: inputLength(yearFirst[0].length),
      standalone: true,
    };
  }
  const yearAfter = yearAfterTitlePattern.exec(folded);
  if (yearAfter) {
    const start = yearAfter[0].length - yearAfter[0].trimStart().length;
    return {
      title: clean.slice(start, yearAfter[0].length).replace(titleLabel, "").trim(),
      agency: cleanAgency((yearAfter[1] ?? "").replace(titleLabel, "")),
      year: Number(yearAfter[2]),
      length: inputLength(yearAfter[0].length),
      standalone: true,
    };
  }
  const match = titlePattern.exec(folded);
  if (!match) return undefined;
  let agency = cleanAgency((match[1] ?? "").replace(titleLabel, "")).trim();
  let standalone = true;
  if (/[《》,，、。；;]/u.test(agency) || /^(?:为|根据|按照|依据|依照|现|对|本)/u.test(agency)) {
    standalone = false;
    const announced = /(?:公布|发布|印发|编制)(?:了)?([^《》,，、。；;]*)$/u.exec(agency);
    agency = (announced?.[1] ?? "").replace(/^(?:我|本)(?:局|委|办|厅|单位|机关|镇|乡|街道|区|县|市)$/u, "");
    if (announced === undefined || announced === null) return undefined;
  }
  const start = match[0].length - match[0].trimStart().length;
  const body = clean
    .slice(start, match[0].length)
    .replace(titleLabel, "")
    .replace(/^#+\s*/u, "");
  return { title: body.trim(), agency, year: Number(match[2]), length: inputLength(match[0].length), standalone };
}

const announcement = /(?:公布|发布|公开|印发|编制)(?:了)?/gu;
const announcedTitle =
  /^(?:((?:19|20)\d{2})\s*年\s*度?)?([^《》,，、。；;:：!?！？\d]{0,40}?)(?:((?:19|20)\d{2})\s*年\s*度?(?:的)?)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|情况)/u;

/**
 * A report named in an intro sentence, anywhere in it: 现公布贵州省机关事务管理局2020年政府信息公开工作
 * 年度报告, 特向社会公布2022年度十堰市生态环境局郧阳分局政府信息公开工作年度报告, 向社会公布广元市统计局
 * 2024年政府信息公开情况. Names of other documents (inside 《》) are passed over; "我局"/"本机关" name
 * no agency and give an empty one.
 */
export function matchAnnouncedTitle(text: string): TitleMatch | undefined {
  const folded = prepareMatchText(text.slice(0, 1500)).folded.replace(/《[^《》]*》/gu, (quoted) =>
    "《".padEnd(quoted.length - 1, "·").concat("》"),
  );
  announcement.lastIndex = 0;
  for (let match = announcement.exec(folded); match; match = announcement.exec(folded)) {
    const after = folded.slice(match.index + match[0].length, match.index + match[0].length + 80);
    const title = announcedTitle.exec(after.replace(/^\s+/u, ""));
    if (!title) continue;
    const year = title[1] ?? title[3];
    if (year === undefined) continue;
    let agency = cleanAgency(title[2] ?? "");
    if (/^(?:我|本)/u.test(agency) || agency.includes("·")) agency = "";
    return { title: title[0], agency, year: Number(year), length: 0, standalone: false };
  }
  // A quoted title: 我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》. Its year may be a slip
  // (corpus 011 names 2020 for a 2021 report), so the caller trusts the statistics period first.
  const quoted =
    /(?:公布|发布|公开|印发|编制)(?:了)?\s*《([^《》]{0,40}?)((?:19|20)\d{2})\s*年\s*度?(?:政府)?信息公开[^《》]{0,10}报告》/u.exec(
      prepareMatchText(text.slice(0, 1500)).folded,
    );
  if (quoted) {
    let agency = cleanAgency(quoted[1] ?? "");
    if (/^(?:我|本)/u.test(agency)) agency = "";
    return { title: quoted[0], agency, year: Number(quoted[2]), length: 0, standalone: false, quoted: true };
  }
  return undefined;
}

const subjectPattern =
  /^\s*(?:\([一二三四五六七八九十]{1,2}\)[^。,，]{0,20}。\s*)?(?:(?:19|20)\d{2}\s*年\s*度?\s*(?:以来|来)?\s*[,，]?\s*)([^《》,，、。；;:：!?！？\s\d]{3,30}?)(?:坚持|认真|严格|深入|全面|紧紧|始终|持续|积极|扎实|高度|紧密|进一步|不断|围绕|按照|根据|在)/u;

/**
 * The agency an opening sentence names as its subject: "2022年,上海市人民政府办公厅坚持以…" (a name
 * ending in an agency suffix, not 我局/本机关).
 */
export function matchSubjectAgency(text: string): string | undefined {
  const folded = prepareMatchText(text.slice(0, 200)).folded;
  const name = subjectPattern.exec(folded)?.[1];
  // "区统计局", "市政府办公室": a name relative to a place the sentence does not print.
  if (name === undefined || /^(?:我|本|各|全|省|市|区|县|州|镇|乡|旗)/u.test(name) || !looksLikeAgencyLine(name))
    return undefined;
  return name;
}

const contactPattern =
  /(?:疑问|问题|意见|建议)[^。]{0,12}?请(?:与|联系|向)\s*([^《》,，、。；;:：!?！？\s\d(（]{3,40}?)\s*(?:联系|咨询|反映)/u;

/**
 * The agency the template's contact clause names: 如对本报告有任何疑问,请与泰安市商务局联系. An office
 * (…办公室, …指挥室) is where to ask, not the report's agency, and gives nothing.
 */
export function matchContactAgency(text: string): string | undefined {
  const folded = prepareMatchText(text.slice(0, 1500)).folded;
  const name = contactPattern.exec(folded)?.[1];
  if (name === undefined || /^(?:我|本|各)/u.test(name) || /(?:办公室|室|科|股)$/u.test(name)) return undefined;
  return looksLikeAgencyLine(name) ? name : undefined;
}

const producerPattern =
  /由\s*([^《》,，、。；;:：!?！？\s\d]{3,40}?)\s*(?:负责)?(?:编制|编写|制作|撰写|根据|依据|按照|结合|组织|牵头)/u;

/** The agency an intro sentence names as the report's author: 本报告由海南省生态环境厅编制. */
export function matchProducerAgency(text: string): string | undefined {
  const folded = prepareMatchText(text.slice(0, 1500)).folded;
  const match = producerPattern.exec(folded);
  const name = match?.[1];
  if (name === undefined || /^(?:我|本|各)/u.test(name) || !looksLikeAgencyLine(name)) return undefined;
  // An office inside the agency drafted it (本报告由东亭街道综合办公室编制): the office is not the
  // report's agency, and the agency's full name is not printed here.
  if (/(?:街道|镇|乡|苏木|局|委员会|管委会|中心)(?:综合|党政|行政)?(?:办公室|办)$/u.test(name)) return undefined;
  return name;
}

const sourcePattern = /(?:信息来源|发布机构|来源)[:：]\s*([^\s【[|]{2,40})/u;

/** The agency a page's 信息来源 / 发布机构 line names. */
export function matchSourceAgency(text: string): string | undefined {
  return sourcePattern.exec(text)?.[1]?.trim();
}

const labelledDate =
  /(?:发布日期|发布时间|发文日期|成文日期|公开日期|日期)[:：]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u;
const standaloneDate = /^[(（]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?$/u;

function isoDate(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date labelled as the publication date (发布日期:2021-02-09 15:21, 发布时间: 2021年2月9日). */
export function matchLabelledDate(text: string): string | undefined {
  const match = labelledDate.exec(foldText(text));
  return match ? isoDate(match[1] ?? "", match[2] ?? "", match[3] ?? "") : undefined;
}

/** A line that is only a date (2021年2月9日, (2026年1月23日)), as printed under a title or signature. */
export function matchStandaloneDate(text: string): string | undefined {
  const match = standaloneDate.exec(foldText(text).trim());
  return match ? isoDate(match[1] ?? "", match[2] ?? "", match[3] ?? "") : undefined;
}

const periodPattern =
  /统计期限自\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-)|(?:截止|截至)(?:到)?\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/u;
const yearMention = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/gu;

/** The report year a text states (统计期限自2019年…, 2019年1月1日至…). */
export function matchPeriodYear(text: string): number | undefined {
  const match = periodPattern.exec(text);
  const year = match?.[1] ?? match?.[2] ?? match?.[3];
  return year === undefined ? undefined : Number(year);
}

/** The year the texts mention most often (ties: the earliest mention). */
export function mostMentionedYear(texts: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const text of texts) {
    yearMention.lastIndex = 0;
    for (let match = yearMention.exec(text); match; match = yearMention.exec(text)) {
      const year = Number(match[1]);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The kind of agency a name suggests (marked `kindInferred` by the caller):
 * 乡/镇/苏木/街道(办事处) → townshipStreet (a 镇人民政府 is a township); other 人民政府 →
 * peoplesGovernment; 局/委员会/办公室/办公厅/管委会/中心/厅/委/院 … → department; else unknown.
 */
export function inferAgencyKind(name: string): AgencyKind {
  const bare = foldText(name)
    .replace(/\s+/gu, "")
    .replace(/\([^()]*\)$/u, "");
  if (bare.length === 0) return "unknown";
  if (/(?:乡|镇|苏木)(?:人民政府)?$|街道(?:办事处|办)?$|街道办事处|(?:乡|镇)人民政府/u.test(bare))
    return "townshipStreet";
  if (/人民政府(?:办公厅|办公室)$/u.test(bare)) return "department";
  if (/人民政府$/u.test(bare)) return "peoplesGovernment";
  if (/(?:新区|开发区|实验区|园区|工业区|试验区|示范区|自贸区|保税区|高新区|管理区|合作区)$/u.test(bare))
    return "unknown";
  if (/(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|自治旗|区)$/u.test(bare)) return "peoplesGovernment";
  if (
    /(?:局|委员会|办公室|办公厅|管理委员会|管委会|中心|厅|委|院|署|办|处|所|站|队|分局|监狱|法院|检察院)$/u.test(bare)
  ) {
    return "department";
  }
  return "unknown";
}

/** Where a meta fact was read. */
export interface Located<T> {
  readonly value: T;
  readonly source?: SourcePosition;
}

const agencySuffix = /(?:人民政府|局|办公室|办公厅|委员会|管委会|办事处|中心|厅|委|院|署|街道|镇|乡|苏木)$/u;

/** Whether a short line reads as an agency name on its own (a title printed over two lines). */
export function looksLikeAgencyLine(text: string): boolean {
  const bare = foldText(text).replace(/\s+/gu, "");
  return bare.length >= 3 && bare.length <= 60 && !/[。，,；;：:《》]/u.test(bare) && agencySuffix.test(bare);
}

const sentenceStart = /^(?:我|本|无|未|不|没有|经|对|在|按|根据|由|已|将|全年|今年|其中|共|以)/u;
const numberedStart = /^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]|第[一二三四五六七八九十]{1,3})/u;

/**
 * Whether a line reads as the signature (落款) under a report: the report's own agency name as
 * the title or page gave it, or a short line that ends in an agency suffix (局, 办公室, 管理委员会,
 * 人民政府 …) and does not read as a sentence or a numbered item ("本年度无收费的单位为本局" is not a
 * signature).
 */
export function looksLikeSignature(text: string, agencyNames: readonly string[]): boolean {
  const bare = foldText(text).replace(/\s+/gu, "");
  if (bare.length === 0) return false;
  if (agencyNames.some((name) => foldText(name).replace(/\s+/gu, "") === bare)) return true;
  return (
    bare.length <= 40 &&
    looksLikeAgencyLine(bare) &&
    !sentenceStart.test(bare) &&
    !numberedStart.test(bare) &&
    !/[的了]/u.test(bare)
  );
}

const spamPattern =
  /(?:[0-9a-z]*bet[0-9a-z]*|娱乐|博彩|彩票|官网|官方网站|网址|体育平台|真人|棋牌|赌场|casino|app|六合彩|开奖|图库|资料大全|葡京|威尼斯人|太阳城|皇冠体育)/giu;

/**
 * An agency name with injected spam cut away (hijacked mirrors replace a city's name with
 * betting-site names): the part after the last spam token, or the name unchanged.
 */
export function stripSpam(name: string): { readonly name: string; readonly stripped: boolean } {
  let cut = -1;
  spamPattern.lastIndex = 0;
  for (let match = spamPattern.exec(name); match; match = spamPattern.exec(name)) cut = match.index + match[0].length;
  if (cut === -1) return { name, stripped: false };
  return { name: name.slice(cut).replace(/^[_\-\s|()（）]+/u, ""), stripped: true };
}
