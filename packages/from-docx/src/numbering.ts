import type { NumberingReference } from "./styles";
import { parseXml } from "./xml-tokenizer";

interface LevelDefinition {
  start: number;
  format: string;
  text: string | undefined;
  suffix: string;
  legal: boolean;
}

interface NumberingInstance {
  readonly abstractId: string;
  readonly startOverrides: ReadonlyMap<number, number>;
}

/** The list definitions of `word/numbering.xml`. */
export interface NumberingDefinitions {
  readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, LevelDefinition>>;
  readonly instances: ReadonlyMap<string, NumberingInstance>;
}

/** Longest list level text (`w:lvlText`) kept. */
const maxLevelTextLength = 255;

function integer(value: string | undefined, fallback: number): number {
  return value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : fallback;
}

/**
 * Read the list definitions of a numbering part.
 *
 * @throws {DocxReadError} from {@link parseXml}.
 */
export function parseNumbering(xml: string, part: string, maxDepth: number): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, LevelDefinition>>();
  const instances = new Map<string, NumberingInstance>();
  const stack: string[] = [];
  let abstract: Map<number, LevelDefinition> | undefined;
  let level: LevelDefinition | undefined;
  let instance: { id: string; abstractId?: string | undefined; overrides: Map<number, number> } | undefined;
  let overrideLevel: number | undefined;
  parseXml(
    xml,
    part,
    {
      start(name, attributes, _offset, selfClosing) {
        const parent = stack[stack.length - 1];
        const value = attributes.get("w:val");
        if (name === "w:abstractNum" && parent === "w:numbering") {
          const id = attributes.get("w:abstractNumId");
          abstract = id === undefined || abstracts.has(id) ? undefined : new Map();
          if (abstract && id !== undefined) abstracts.set(id, abstract);
        } else if (name === "w:lvl" && parent === "w:abstractNum" && abstract) {
          const index = integer(attributes.get("w:ilvl"), -1);
          level =
            index >= 0 && index <= 8
              ? { start: 0, format: "decimal", text: undefined, suffix: "tab", legal: false }
              : undefined;
          if (level) abstract.set(index, level);
        } else if (level && parent === "w:lvl") {
          if (name === "w:start") level.start = integer(value, 0);
          else if (name === "w:numFmt") level.format = value ?? "decimal";
          // Word's own limit on a level's text is far below this; a longer one is cut, so a hostile
          // file cannot make every numbered paragraph carry a huge label.
          else if (name === "w:lvlText") level.text = value?.slice(0, maxLevelTextLength);
          else if (name === "w:suff") level.suffix = value ?? "tab";
          else if (name === "w:isLgl") level.legal = value !== "0" && value !== "false";
        } else if (name === "w:num" && parent === "w:numbering") {
          const id = attributes.get("w:numId");
          instance = id === undefined ? undefined : { id, overrides: new Map() };
        } else if (instance && name === "w:abstractNumId" && parent === "w:num") {
          instance.abstractId = value;
        } else if (instance && name === "w:lvlOverride" && parent === "w:num") {
          overrideLevel = integer(attributes.get("w:ilvl"), -1);
        } else if (
          instance &&
          name === "w:startOverride" &&
          parent === "w:lvlOverride" &&
          overrideLevel !== undefined
        ) {
          if (overrideLevel >= 0 && overrideLevel <= 8) instance.overrides.set(overrideLevel, integer(value, 0));
        }
        if (!selfClosing) stack.push(name);
      },
      end(name) {
        if (stack[stack.length - 1] === name) stack.pop();
        if (name === "w:lvl") level = undefined;
        else if (name === "w:abstractNum") abstract = undefined;
        else if (name === "w:lvlOverride") overrideLevel = undefined;
        else if (name === "w:num" && instance) {
          if (instance.abstractId !== undefined && !instances.has(instance.id)) {
            instances.set(instance.id, { abstractId: instance.abstractId, startOverrides: instance.overrides });
          }
          instance = undefined;
        }
      },
      text() {},
    },
    maxDepth,
  );
  return { abstracts, instances };
}

const chineseDigits = "零一二三四五六七八九";
const chineseLegalDigits = "零壹贰叁肆伍陆柒捌玖";

function chineseNumber(value: number, digits: string, units: readonly string[]): string {
  if (value <= 0 || value >= 100_000) return String(value);
  const text = String(value);
  let out = "";
  let pendingZero = false;
  for (let index = 0; index < text.length; index++) {
    const digit = Number(text[index]);
    const unit = units[text.length - 1 - index] ?? "";
    if (digit === 0) {
      pendingZero = out !== "";
      continue;
    }
    if (pendingZero) out += digits[0];
    pendingZero = false;
    // 10–19 read 十, 十一 … (not 一十).
    if (!(digit === 1 && unit === units[1] && out === "")) out += digits[digit];
    out += unit;
  }
  return out;
}

function letters(value: number, upper: boolean): string {
  // Word repeats the letter (aa, bb …); past 10 repetitions a decimal is printed instead.
  if (value <= 0 || value > 260) return String(value);
  const letter = String.fromCharCode((upper ? 65 : 97) + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number, upper: boolean): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = value;
  let out = "";
  for (const [amount, symbols] of table) {
    while (rest >= amount) {
      out += symbols;
      rest -= amount;
    }
  }
  return upper ? out.toUpperCase() : out;
}

function fromRange(value: number, first: number, count: number): string {
  return value >= 1 && value <= count ? String.fromCodePoint(first + value - 1) : String(value);
}

/** A list number in a Word number format (`w:numFmt`); unknown formats fall back to decimal. */
export function formatListNumber(value: number, format: string): string {
  switch (format) {
    case "none":
    case "bullet":
      return "";
    case "decimalZero":
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case "upperLetter":
      return letters(value, true);
    case "lowerLetter":
      return letters(value, false);
    case "upperRoman":
      return roman(value, true);
    case "lowerRoman":
      return roman(value, false);
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseNumber(value, chineseDigits, ["", "十", "百", "千", "万"]);
    case "ideographDigital":
      return String(value).replace(/[0-9]/g, (digit) => "〇一二三四五六七八九"[Number(digit)] as string);
    case "chineseLegalSimplified":
      return chineseNumber(value, chineseLegalDigits, ["", "拾", "佰", "仟", "万"]);
    case "ideographTraditional":
      return value >= 1 ? ("甲乙丙丁戊己庚辛壬癸"[(value - 1) % 10] as string) : String(value);
    case "ideographZodiac":
      return value >= 1 ? ("子丑寅卯辰巳午未申酉戌亥"[(value - 1) % 12] as string) : String(value);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return fromRange(value, 0x2460, 20);
    case "decimalEnclosedParen":
      return fromRange(value, 0x2474, 20);
    case "decimalEnclosedFullstop":
      return fromRange(value, 0x2488, 20);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    default:
      return String(value);
  }
}

/**
 * Computes the list labels Word would print before numbered paragraphs, in document order.
 * Counters are kept per abstract list (lists sharing one continue each other), a `w:startOverride`
 * restarts a level when its list instance is first used, and a level restarts after any higher
 * level is used.
 */
export class ListNumberer {
  readonly #definitions: NumberingDefinitions;
  readonly #counters = new Map<string, (number | undefined)[]>();
  readonly #startedInstances = new Set<string>();

  constructor(definitions: NumberingDefinitions) {
    this.#definitions = definitions;
  }

  /** The label of the next paragraph with this numbering, e.g. `一、`, or `""` for none or a bullet. */
  next(reference: NumberingReference): string {
    const instance = this.#definitions.instances.get(reference.numId);
    if (!instance) return "";
    const levels = this.#definitions.abstracts.get(instance.abstractId);
    const definition = levels?.get(reference.level);
    if (!levels || !definition) return "";
    let counters = this.#counters.get(instance.abstractId);
    if (!counters) {
      counters = [];
      this.#counters.set(instance.abstractId, counters);
    }
    if (!this.#startedInstances.has(reference.numId)) {
      this.#startedInstances.add(reference.numId);
      for (const [level, start] of instance.startOverrides) counters[level] = start - 1;
    }
    const previous = counters[reference.level];
    counters[reference.level] = previous === undefined ? definition.start : previous + 1;
    for (let level = reference.level + 1; level < 9; level++) {
      if (instance.startOverrides.has(level)) counters[level] = (instance.startOverrides.get(level) as number) - 1;
      else counters[level] = undefined;
    }
    if (definition.format === "bullet" || definition.text === undefined) return "";
    const label = definition.text.replace(/%([1-9])/g, (_match, digit: string) => {
      const level = Number(digit) - 1;
      const levelDefinition = levels.get(level);
      const value = counters[level] ?? levelDefinition?.start ?? 0;
      return formatListNumber(value, definition.legal ? "decimal" : (levelDefinition?.format ?? "decimal"));
    });
    if (label === "") return "";
    return definition.suffix === "nothing" ? label : `${label} `;
  }
}
