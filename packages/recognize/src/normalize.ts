/**
 * Text normalisation for matching printed labels: full-width ASCII folded to half-width, the
 * ideographic space treated as whitespace, whitespace and quotes dropped. Normalisation works
 * code unit by code unit and keeps, for every output character, the index of the input character
 * it came from, so a match in normalised text maps back to a source position.
 */

const quoteCharacters = new Set(["\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u300c", "\u300d"]);

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

/** Fold one UTF-16 code unit: full-width forms to ASCII, odd brackets and dashes to common ones. */
export function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  switch (character) {
    case "\u3000":
    case "\u00a0":
      return " ";
    case "\ufe59":
      return "(";
    case "\ufe5a":
      return ")";
    case "\u3010":
      return "[";
    case "\u3011":
      return "]";
    default:
      return traditionalToSimplified.get(character) ?? character;
  }
}

/** Whether a (folded) character is whitespace. */
export function isSpace(character: string): boolean {
  return character === " " || character === "\t" || character === "\n" || character === "\r" || character === "\f";
}

const foldable = new RegExp(
  `[\\uff01-\\uff5e\\u3000\\u00a0\\ufe59\\ufe5a\\u3010\\u3011${traditionalPairs.replace(/(.)./gu, "$1")}]`,
  "gu",
);

/** Fold a whole string (same length as the input). */
export function foldText(text: string): string {
  return text.replace(foldable, foldCharacter);
}

/** Normalised text and, for each of its characters, the index of the input character. */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** `map[i]` is the input index of `text[i]`. */
  readonly map: readonly number[];
}

/** Fold and drop whitespace and quotes, keeping the index map. */
export function normalizeWithMap(text: string): NormalizedText {
  const characters: string[] = [];
  const map: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const folded = foldCharacter(text.charAt(index));
    if (isSpace(folded) || quoteCharacters.has(folded)) continue;
    characters.push(folded);
    map.push(index);
  }
  return { text: characters.join(""), map };
}

/** Fold and drop whitespace and quotes. */
export function normalizeLabel(text: string): string {
  return normalizeWithMap(text).text;
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
  return normalizeLabel(text).replace(punctuation, "");
}
