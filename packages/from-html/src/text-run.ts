/** Marks a block boundary inside a cell: a line break only between two non-empty lines. */
const softBreak = "\u0000";

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
 * Text gathered for one block or cell. HTML whitespace (and `&nbsp;`) collapses to one space;
 * `<br>` is a hard line break; a nested block boundary is a soft break that never makes an empty
 * line; every line is trimmed and empty lines at both ends are dropped.
 */
export class TextRun {
  private parts: string[] = [];
  /** Whether anything at all (even whitespace or a break) is waiting to be finished. */
  get pending(): boolean {
    return this.parts.length > 0;
  }

  /** Whether anything but whitespace has been added. */
  hasContent = false;

  /** Add a text node's value; `preformatted` keeps its line breaks. Returns whether it had content. */
  text(value: string, preformatted: boolean): boolean {
    const normalized = preformatted
      ? value.replace(/[\t\f\r \u00a0]+/g, " ")
      : value.replace(/[\t\n\f\r \u00a0]+/g, " ");
    this.parts.push(normalized);
    const content = /[^ \n\u3000\u200b\ufeff]/.test(normalized);
    if (content) this.hasContent = true;
    return content;
  }

  /** A `<br>`. */
  hardBreak(): void {
    this.parts.push("\n");
  }

  /** A block boundary inside a cell or heading. */
  softBreak(): void {
    this.parts.push(softBreak);
  }

  /** The text, normalized; the run is emptied. */
  finish(): string {
    if (this.parts.length === 0) return "";
    const joined = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join("");
    this.parts = [];
    this.hasContent = false;
    if (!joined.includes("\n") && !joined.includes(softBreak)) return cleanLine(joined);
    const lines: string[] = [];
    let current = "";
    let start = 0;
    for (let index = 0; index <= joined.length; index += 1) {
      const code = index === joined.length ? -1 : joined.charCodeAt(index);
      if (code !== -1 && code !== 0x0a && code !== 0) continue;
      current += joined.slice(start, index);
      start = index + 1;
      if (code === 0x0a) {
        lines.push(cleanLine(current));
        current = "";
      } else if (code === 0) {
        const cleaned = cleanLine(current);
        if (cleaned !== "") lines.push(cleaned);
        current = "";
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
