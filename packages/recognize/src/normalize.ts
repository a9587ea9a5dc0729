/**
 * Text normalisation for matching printed labels: full-width ASCII folded to half-width, the
 * ideographic space treated as whitespace, whitespace and quotes dropped. Normalisation works
 * code unit by code unit and keeps, for every output character, the index of the input character
 * it came from, so a match in normalised text maps back to a source position.
 */

/**
 * Traditional characters common in report headings and table labels, paired with their simplified
 * forms (one code unit each, so folding keeps offsets). Used for matching only; stored text keeps
 * what the source printed.
 */
const traditionalPairs =
  "開开報报況况總总體体動动請请復复議议訴诉訟讼問问題题進进項项處处數数據据規规範范門门機机關关務务國国縣县區区鎮镇鄉乡辦办會会員员廳厅證证許许強强費费額额與与應应類类內内執执詢询無无補补確确認认結结轉转維维糾纠審审計计發发廢废現现採采購购網网監监護护權权繼继續续聯联屬属險险穩稳條条參参們们個个檔档標标準准歸归雜杂劃划實实當当為为這这說说決决負负責责導导資资產产環环衛卫醫医藥药農农業业稅税價价貿贸運运輸输傳传訊讯設设統统級级檢检測测達达歷历號号間间華华蘭兰經经濟济爾尔長长廣广東东陽阳貴贵龍龙灣湾臺台遼辽寧宁漢汉豐丰慶庆蘇苏鐵铁營营島岛濱滨圖图書书義义黨党習习創创屆届歲岁";
const traditionalToSimplified = new Map<string, string>();
for (let index = 0; index + 1 < traditionalPairs.length; index += 2) {
  traditionalToSimplified.set(traditionalPairs.charAt(index), traditionalPairs.charAt(index + 1));
}

/** The CJK Unified Ideographs block, where every traditional character above is (and its simplified form). */
const ideographsStart = 0x4e00;
const ideographsEnd = 0x9fff;

/**
 * {@link traditionalToSimplified} by code unit, for the normalisation loop: the folded code unit of
 * each ideograph (itself, or its simplified form), indexed from {@link ideographsStart}. An array
 * read instead of a map lookup, for every Chinese character of every text normalised (42 KB).
 */
const ideographCodes = new Uint16Array(ideographsEnd - ideographsStart + 1);
for (let index = 0; index < ideographCodes.length; index += 1) ideographCodes[index] = ideographsStart + index;
for (const [traditional, simplified] of traditionalToSimplified) {
  const code = traditional.charCodeAt(0);
  if (code < ideographsStart || code > ideographsEnd) throw new Error(`${traditional} is outside the ideograph table`);
  ideographCodes[code - ideographsStart] = simplified.charCodeAt(0);
}

/** {@link foldCharacter} on a code unit. ASCII (most of any page) folds to itself. */
function foldCode(code: number): number {
  if (code < 0x80) return code;
  if (code >= ideographsStart && code <= ideographsEnd) return ideographCodes[code - ideographsStart] as number;
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  switch (code) {
    case 0x3000:
    case 0x00a0:
      return 0x20;
    case 0xfe59:
      return 0x28;
    case 0xfe5a:
      return 0x29;
    case 0x3010:
      return 0x5b;
    case 0x3011:
      return 0x5d;
    default:
      return code;
  }
}

/** Fold one UTF-16 code unit: full-width forms to ASCII, odd brackets and dashes to common ones. */
export function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (character.length !== 1) return character;
  const folded = foldCode(code);
  return folded === code ? character : String.fromCharCode(folded);
}

/** Whether a folded code unit is dropped by normalisation: whitespace or a quote. */
function isDropped(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0x09: // tab
    case 0x0a: // line feed
    case 0x0d: // carriage return
    case 0x0c: // form feed
    case 0x22: // "
    case 0x27: // '
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x300c: // 「
    case 0x300d: // 」
      return true;
    default:
      return false;
  }
}

/** Fold a whole string (same length as the input): {@link foldCharacter} on every code unit. */
export function foldText(text: string): string {
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code >= 0x80 && foldCode(code) !== code) break;
    index += 1;
  }
  if (index === text.length) return text;
  let output = "";
  let from = 0;
  for (; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    const folded = foldCode(code);
    if (folded === code) continue;
    output += text.slice(from, index) + String.fromCharCode(folded);
    from = index + 1;
  }
  return output + text.slice(from);
}

/** Normalised text and, for each of its characters, the index of the input character. */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** `map[i]` is the input index of `text[i]`. */
  readonly map: readonly number[];
}

/**
 * Fold and drop whitespace and quotes; when `map` is given, push onto it the input index of each
 * output character. Works on code units and builds the output from them in chunks.
 */
function normalize(text: string, map: number[] | undefined): string {
  const codes: number[] = [];
  let output = "";
  for (let index = 0; index < text.length; index += 1) {
    const folded = foldCode(text.charCodeAt(index));
    if (isDropped(folded)) continue;
    codes.push(folded);
    map?.push(index);
    if (codes.length === 4096) {
      output += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return codes.length === 0 ? output : output + String.fromCharCode(...codes);
}

/** Fold and drop whitespace and quotes, keeping the index map. */
export function normalizeWithMap(text: string): NormalizedText {
  const map: number[] = [];
  return { text: normalize(text, map), map };
}

/** Fold and drop whitespace and quotes. */
export function normalizeLabel(text: string): string {
  return normalize(text, undefined);
}

const numberingPattern =
  /^(?:\(([一二三四五六七八九十]{1,3}|\d{1,2})\)|([一二三四五六七八九十]{1,3})[、.]|(\d{1,2})(?:[.、)]|\.(?!\d)))/u;

/** A label split into its leading numbering (canonical, e.g. `(七)`, `三、`, `1.`) and its core. */
export interface LabelKey {
  /** The numbering in canonical form, or "" when the label has none. */
  readonly numbering: string;
  /** The label without numbering and punctuation, for comparison. */
  readonly core: string;
}

const punctuation = /[,，、;；:：。.·()（）[\]【】/／\\<>《》〈〉?？!！_\-—–~|]/gu;

/** The numbering and comparable core of a (normalised or raw) label. */
export function labelKey(text: string): LabelKey {
  const normalized = normalizeLabel(text);
  const match = numberingPattern.exec(normalized);
  let numbering = "";
  let rest = normalized;
  if (match) {
    if (match[1] !== undefined) numbering = `(${match[1]})`;
    else if (match[2] !== undefined) numbering = `${match[2]}、`;
    else if (match[3] !== undefined) numbering = `${match[3]}.`;
    rest = normalized.slice(match[0].length);
  }
  return { numbering, core: rest.replace(punctuation, "") };
}

/** The numbering prefix pattern (on normalised text), exported for inline label spotting. */
export const numberingPrefixPattern =
  /(?:\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\.)$/u;

/** Normalised text with punctuation dropped too, as label cores compare: for finding a label's core inside text. */
export function comparableText(text: string): string {
  return comparableOfNormalized(normalizeLabel(text));
}

/** {@link comparableText} of text {@link normalizeLabel} already normalised. */
export function comparableOfNormalized(normalized: string): string {
  return normalized.replace(punctuation, "");
}
