/** Tokens between text pieces. */
const hardBreak = 1; // <br>: always a line break
const softBreak = 2; // a nested block's edge: a line break between two non-empty lines only
const space = 3; // collapsible whitespace without a newline
const segmentBreak = 4; // collapsible whitespace holding a source newline

type Token = string | typeof hardBreak | typeof softBreak | typeof space | typeof segmentBreak;

/** Space, ideographic space (indentation), zero-width space and a stray BOM are trimmed from line ends. */
const isTrimmed = (code: number) => code === 0x20 || code === 0x3000 || code === 0x200b || code === 0xfeff;

/** `line` with runs of spaces collapsed and trimmed. */
function cleanLine(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isTrimmed(line.charCodeAt(start))) start += 1;
  while (end > start && isTrimmed(line.charCodeAt(end - 1))) end -= 1;
  const trimmed = line.slice(start, end);
  return trimmed.includes("  ") ? trimmed.replace(/ {2,}/g, " ") : trimmed;
}

/**
 * East Asian wide characters (CJK ideographs, kana, CJK punctuation, fullwidth forms). A source
 * newline between two of them is removed, not turned into a space (CSS Text 3, segment break
 * transformation): Word and many CMSs wrap long Chinese lines anywhere.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

const collapsible = /[\t\n\f\r \u00a0]+/g;
const preformattedSpace = /[\t\f\r \u00a0]+/g;
/** Whether `value` is one run of collapsible whitespace (all of it a `collapsible` match). */
function isCollapsibleRun(value: string): boolean {
  if (value.length === 0) return false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d && code !== 0x0c && code !== 0xa0) {
      return false;
    }
  }
  return true;
}

/** A piece has content when it holds anything but these (collapsed text) … */
const contentCharacter = /[^\u3000\u200b\ufeff]/;
/** … or anything but these and spaces (preformatted text). */
const preformattedContentCharacter = /[^ \u3000\u200b\ufeff]/;

/**
 * Text gathered for one block or cell. HTML whitespace (and `&nbsp;`) collapses to one space, and
 * a source newline between two Chinese characters to nothing; `<br>` is a hard line break; a nested
 * block boundary is a soft break that never makes an empty line; every line is trimmed and empty
 * lines at both ends are dropped.
 */
export class TextRun {
  private parts: Token[] = [];
  /** Whether anything but whitespace has been added. */
  hasContent = false;

  /** Whether anything at all (even whitespace or a break) is waiting to be finished. */
  get pending(): boolean {
    return this.parts.length > 0;
  }

  private piece(text: string, pattern: RegExp): void {
    if (text === "") return;
    this.parts.push(text);
    if (!this.hasContent && pattern.test(text)) this.hasContent = true;
  }

  /** Add a text node's value; `preformatted` keeps its line breaks. Returns whether it had content. */
  text(value: string, preformatted: boolean): boolean {
    const before = this.hasContent;
    this.hasContent = false;
    if (preformatted) {
      const lines = value.split("\n");
      lines.forEach((line, index) => {
        if (index > 0) this.parts.push(hardBreak);
        this.piece(line.replace(preformattedSpace, " "), preformattedContentCharacter);
      });
    } else if (isCollapsibleRun(value)) {
      // Markup's line breaks and indentation between tags: the loop below would add just this.
      this.parts.push(value.includes("\n") ? segmentBreak : space);
    } else {
      // `exec` on the one global pattern, not `matchAll`, which copies the pattern for every text node.
      let last = 0;
      collapsible.lastIndex = 0;
      for (let match = collapsible.exec(value); match !== null; match = collapsible.exec(value)) {
        this.piece(value.slice(last, match.index), contentCharacter);
        this.parts.push(match[0].includes("\n") ? segmentBreak : space);
        last = match.index + match[0].length;
      }
      this.piece(value.slice(last), contentCharacter);
    }
    const content = this.hasContent;
    this.hasContent = before || content;
    return content;
  }

  /** A `<br>`. */
  hardBreak(): void {
    this.parts.push(hardBreak);
  }

  /** A block boundary inside a cell or heading. */
  softBreak(): void {
    this.parts.push(softBreak);
  }

  /** The text, normalized; the run is emptied. */
  finish(): string {
    const parts = this.parts;
    this.parts = [];
    this.hasContent = false;
    if (parts.length === 0) return "";
    const lines: string[] = [];
    let current = "";
    // The last code unit of `current`, kept apart: reading it off a string grown by concatenation
    // would flatten the whole string each time, which made a long paragraph quadratic.
    let lastCode = Number.NaN;
    let whitespace: typeof space | typeof segmentBreak | 0 = 0;
    for (const part of parts) {
      if (typeof part === "string") {
        if (whitespace !== 0) {
          const removed = whitespace === segmentBreak && isWide(lastCode) && isWide(part.charCodeAt(0));
          if (!removed) current += " ";
          whitespace = 0;
        }
        current += part;
        lastCode = part.charCodeAt(part.length - 1);
      } else if (part === space) {
        if (whitespace === 0) whitespace = space;
      } else if (part === segmentBreak) {
        whitespace = segmentBreak;
      } else {
        whitespace = 0;
        const cleaned = cleanLine(current);
        if (part === hardBreak || cleaned !== "") lines.push(cleaned);
        current = "";
        lastCode = Number.NaN;
      }
    }
    lines.push(cleanLine(current));
    let first = 0;
    let last = lines.length;
    while (first < last && lines[first] === "") first += 1;
    while (last > first && lines[last - 1] === "") last -= 1;
    return lines.slice(first, last).join("\n");
  }
}
