const digitValues: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const unitValues: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is written with (simple numerals up to 万). */
export const chineseNumeralCharacters = "零〇一二两三四五六七八九十百千万";

function parseChinese(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const character of text) {
    const value = digitValues[character];
    if (value !== undefined) {
      if (digit !== undefined && digit !== 0 && value !== 0) return undefined; // 二三: not a number
      digit = value;
      continue;
    }
    const unit = unitValues[character];
    if (unit !== undefined) {
      section += (digit ?? (section === 0 && total === 0 ? 1 : undefined) ?? Number.NaN) * unit;
      digit = undefined;
      continue;
    }
    if (character === "万") {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  const result = total + section + (digit ?? 0);
  return Number.isFinite(result) ? result : undefined;
}

function halfWidthDigit(digit: string): string {
  return String.fromCharCode(digit.charCodeAt(0) - 0xfee0);
}

function onlyNumeralCharacters(text: string): boolean {
  for (const character of text) if (!chineseNumeralCharacters.includes(character)) return false;
  return true;
}

/**
 * Read a count written in Arabic digits (`49`, `1,527`), full-width digits (`４９`) or simple
 * Chinese numerals (`十二`, `两`, `一百零五`, `三万二千`). Returns `undefined` for anything else.
 *
 * @example
 * parseChineseNumber("十二") // 12
 */
export function parseChineseNumber(text: string): number | undefined {
  // One numeral character (a part's 四) is read directly.
  const digit = text.length === 1 ? digitValues[text] : undefined;
  if (digit !== undefined) return digit;
  if (/^[0-9]+$/.test(text)) return Number(text);
  const folded = text.trim().replace(/[０-９]/g, halfWidthDigit);
  if (/^\d+$/.test(folded)) return Number(folded);
  if (/^\d{1,3}(,\d{3})+$/.test(folded)) return Number(folded.replaceAll(",", ""));
  if (folded === "" || !onlyNumeralCharacters(folded)) return undefined;
  return parseChinese(folded);
}
