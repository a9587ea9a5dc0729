import type { SectionCode, SourcePosition } from "@gongkai/core";
import type { BlockDocument, TableBlock } from "./block-document";
import { fromRegisteredEditions } from "./editions-derived";
import { foldText } from "./normalize";
import { positionWithin } from "./source-position";

/** A run of text in document order (a paragraph, a heading, or a piece of one). */
export interface TextUnit {
  readonly kind: "text";
  readonly text: string;
  readonly source: SourcePosition;
  /** The source marked it as a heading. */
  readonly heading: boolean;
  /** The text is exactly the source text at `source`, so indexes into it are columns and offsets. */
  readonly exact: boolean;
}

/** A table block in document order. */
export interface TableUnit {
  readonly kind: "table";
  readonly block: TableBlock;
  readonly source: SourcePosition;
}

/** One unit of the document. */
export type Unit = TextUnit | TableUnit;

/** A part heading found in a unit. */
export interface PartHeading {
  readonly code: SectionCode;
  readonly numeral?: string;
  /** The heading as printed (numeral included). */
  readonly heading: string;
  /** Characters of the unit text the heading takes (leading whitespace included). */
  readonly length: number;
}

const partNumbering =
  /^\s*(?:([一二三四五六七八九十]{1,2})\s*[、.．]|第([一二三四五六七八九十]{1,2})部分\s*[、:：]?|[-•·●]\s+)\s*/u;
const headingBody = /^[^。，,;；:：!?！？\n]{0,30}?(?:情况|事项|概述|概况)/u;

/** Each part's heading words, folded, in the order they are tried. */
type PartWords = readonly (readonly [SectionCode, readonly string[]])[];

/**
 * The heading words of every registered edition (the edition is not known when the parts are
 * found), each edition's `partCues` in its order, parts in the order they are first listed. Folded
 * as headings are, so that a word given in traditional characters matches too.
 */
const partWords = fromRegisteredEditions((editions): PartWords => {
  const bySection = new Map<SectionCode, Set<string>>();
  for (const data of editions) {
    for (const { section, words } of data.partCues ?? []) {
      const known = bySection.get(section) ?? new Set<string>();
      for (const word of words) known.add(foldText(word));
      bySection.set(section, known);
    }
  }
  return [...bySection].map(([section, known]) => [section, [...known]] as const);
});

/** The part a heading's (folded) body names by its edition data's words, if any. */
function classify(body: string): SectionCode | undefined {
  for (const [code, words] of partWords()) if (words.some((word) => body.includes(word))) return code;
  return undefined;
}

/**
 * Whether `text` starts with one of the six part headings: a numeral (一、 … 六、, 第一部分) or a
 * bullet, then a heading that ends in 情况/事项/概述 within 30 characters and names the part
 * (paraphrases allowed: 因政府信息公开工作被申请行政复议和提起行政诉讼情况). The printed numeral is
 * returned as printed, right or wrong.
 */
export function matchPartHeading(text: string): PartHeading | undefined {
  const folded = foldText(text.slice(0, 80));
  const numbering = partNumbering.exec(folded);
  if (!numbering) return undefined;
  const rest = folded.slice(numbering[0].length);
  let body = headingBody.exec(rest)?.[0];
  if (body === undefined) {
    const whole = rest.trim();
    if (whole.length > 0 && whole.length <= 24 && text.length <= numbering[0].length + 24) body = whole;
  }
  if (body === undefined) return undefined;
  const code = classify(body);
  if (code === undefined) return undefined;
  const numeral = numbering[1] ?? numbering[2];
  const length = numbering[0].length + body.length;
  const heading = text.slice(0, length).trim();
  if (body.length === 0) return undefined;
  return numeral === undefined ? { code, heading, length } : { code, numeral, heading, length };
}

const inlineHeadingStart = /[一二三四五六][、]/gu;

/**
 * Split text units where a part heading starts inside the text (a whole report on one line, as
 * some pages flatten it), so each heading begins a unit. Only long units are searched.
 */
function splitInlineHeadings(unit: TextUnit, out: Unit[]): void {
  if (unit.text.length < 80) {
    out.push(unit);
    return;
  }
  const cuts: number[] = [];
  inlineHeadingStart.lastIndex = 0;
  for (let match = inlineHeadingStart.exec(unit.text); match; match = inlineHeadingStart.exec(unit.text)) {
    if (match.index === 0) continue;
    if (matchPartHeading(unit.text.slice(match.index, match.index + 80))) cuts.push(match.index);
  }
  if (cuts.length === 0) {
    out.push(unit);
    return;
  }
  let from = 0;
  for (const cut of [...cuts, unit.text.length]) {
    const piece = unit.text.slice(from, cut);
    const leading = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed.length > 0) {
      out.push({
        kind: "text",
        text: trimmed,
        source: positionWithin(unit.source, unit.text, from + leading, unit.exact),
        heading: false,
        exact: unit.exact,
      });
    }
    from = cut;
  }
}

/** The document's blocks as units, with inline part headings split out. */
export function unitsOf(document: BlockDocument): Unit[] {
  const units: Unit[] = [];
  const exact = document.exactTextPositions === true;
  for (const block of document.blocks) {
    if (block.type === "table") {
      units.push({ kind: "table", block, source: block.source });
      continue;
    }
    const text = block.text.trim();
    if (text.length === 0) continue;
    const leading = block.text.length - block.text.trimStart().length;
    const source = leading === 0 ? block.source : positionWithin(block.source, block.text, leading, exact);
    splitInlineHeadings({ kind: "text", text, source, heading: block.type === "heading", exact }, units);
  }
  return units;
}

const chromePatterns: readonly RegExp[] = [
  /字体[:：]?\s*[【[]?\s*[大中小]/u,
  /【\s*字体/u,
  /字体[:：]\s*\[/u,
  /分享到|打印本页|关闭窗口|【打印】|【关闭】|扫一扫|在手机打开|收藏本页/u,
  /您(?:当前)?的?位置|当前位置[:：]/u,
  /^首页\s*[>＞»›]/u,
  /网站标识码|ICP\s*备|公网安备|备案号|版权所有|主办单位|承办单位|技术支持|网站地图|联系我们/u,
  /^(?:索引号|文号|发布机构|栏目|原文链接|本地目录|页面链接|分类|主题分类|体裁分类|生成日期|有效性)[:：]/u,
  /^={3,}|={3,}$/u,
  /^(?:\[?\s*(?:打印|关闭|返回顶部|上一篇|下一篇)\s*\]?\s*)+$/u,
];

/** Whether a line is portal chrome (breadcrumbs, font-size switches, footers, registration numbers). */
export function isChrome(text: string): boolean {
  if (text.length > 160) return false;
  return chromePatterns.some((pattern) => pattern.test(text));
}

const metaLinePattern = /(?:发布日期|发布时间|信息来源|来源[:：]|发布机构|浏览次数|访问量|点击数)/u;

/** Whether a line carries page metadata (date, source), which is not report prose. */
export function isMetaLine(text: string): boolean {
  return text.length <= 200 && metaLinePattern.test(text);
}

// Closing brackets are not sentence ends: a cut paragraph can stop after "(一)" or a 注音 "(jìn)".
const sentenceEnd = /[。.!?！？;；…:：」』”"’']$/u;

/**
 * Whether a paragraph stops mid-sentence: it ends with a comma, 、 or an opening bracket, or leaves
 * a 《 unclosed, or it is a run of prose (30 characters or more, with commas or full stops inside)
 * whose last character ends no sentence. Short lines without punctuation
 * ("无其他需要报告的事项", "无") are statements, not cut prose.
 */
export function endsMidSentence(text: string): boolean {
  const folded = foldText(text).trim();
  // A clause cut at its comma or an opening bracket, or a 《 title never closed (根据《海南省…关于).
  if (/[,，、(《“]$/u.test(folded)) return true;
  if ((folded.match(/《/gu)?.length ?? 0) > (folded.match(/》/gu)?.length ?? 0)) return true;
  if (folded.length < 30 || sentenceEnd.test(folded)) return false;
  return /[,，、;；。.]/u.test(folded);
}

/** Whether a line starts like a part heading (三、) but stops before the heading ends (三、收到). */
export function isCutPartHeading(text: string): boolean {
  const folded = foldText(text).trim();
  return folded.length <= 24 && /^[一二三四五六][、.]/u.test(folded) && matchPartHeading(text) === undefined;
}
