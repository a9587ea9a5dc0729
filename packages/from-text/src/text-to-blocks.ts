import type { Diagnostic, SourcePosition } from "@gongkai/core";
import { type Block, type BlockDocument, importDiagnostic, type TableSlot } from "@gongkai/recognize";

/** The most cells kept from one table row; the rest are dropped with `import/limit-exceeded`. */
export const maxCellsPerTextRow = 1_000;

/** The most rows kept in one table; the rest are dropped with `import/limit-exceeded`. */
export const maxRowsPerTextTable = 10_000;

interface Line {
  /** The line without its terminator. */
  readonly text: string;
  /** 1-based line number. */
  readonly number: number;
  /** 0-based offset of the line's first character in the text. */
  readonly offset: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 10 && code !== 13) continue;
    lines.push({ text: text.slice(start, index), number, offset: start });
    if (code === 13 && text.charCodeAt(index + 1) === 10) index += 1;
    start = index + 1;
    number += 1;
  }
  lines.push({ text: text.slice(start), number, offset: start });
  return lines;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

function leadingSpace(text: string): number {
  let index = 0;
  while (index < text.length && isSpaceCode(text.charCodeAt(index))) index += 1;
  return index;
}

function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start += 1;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function position(line: Line, column: number, length: number): SourcePosition {
  return {
    line: line.number,
    column: column + 1,
    endLine: line.number,
    endColumn: column + 1 + length,
    offset: line.offset + column,
    endOffset: line.offset + column + length,
  };
}

/** A line that is part of a flattened table: it has a `|` (a row marker, cell ends, separators). */
function isTableLine(text: string): boolean {
  if (!text.includes("|")) return false;
  const trimmed = trimSpace(text);
  if (trimmed.length === 0) return false;
  if (trimmed.startsWith("|") || trimmed.endsWith("|")) return true;
  return trimmed.includes(" | ");
}

const markdownSeparator = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/u;

interface Cell {
  readonly text: string;
  readonly source: SourcePosition;
}

/** The cells of one line: every segment before a `|`, and a non-empty segment after the last one. */
function cellsOf(line: Line, dropLeadingPipe: boolean): Cell[] {
  const cells: Cell[] = [];
  const text = line.text;
  let start = 0;
  if (dropLeadingPipe) {
    const lead = leadingSpace(text);
    if (text.charAt(lead) === "|") start = lead + 1;
  }
  for (let index = start; index <= text.length; index += 1) {
    const atEnd = index === text.length;
    if (!atEnd && text.charAt(index) !== "|") continue;
    const segment = text.slice(start, index);
    if (!atEnd || trimSpace(segment).length > 0) {
      const lead = leadingSpace(segment);
      const value = trimSpace(segment);
      cells.push({ text: value, source: position(line, start + (value.length > 0 ? lead : 0), value.length) });
    }
    start = index + 1;
  }
  return cells;
}

function slotsOf(cells: readonly Cell[], row: number): TableSlot[] {
  return cells.map((cell, column) => ({
    text: cell.text,
    source: cell.source,
    origin: { row, column },
    rowSpan: 1,
    colSpan: 1,
  }));
}

/**
 * Parse text flattened from a report page into a block document.
 *
 * - Lines with a `|` form tables. Two shapes are read: one cell per line, each ending with `|`,
 *   empty cells as runs of `|`, a lone `|` starting each row; and one row per line with ` | `
 *   between cells (a leading `|` and Markdown separator rows allowed). Blank lines inside a table
 *   are skipped. Text tables lose their spans, so `spansKnown` is false.
 * - Lines starting with `#` are headings (Markdown); every other non-blank line is a paragraph.
 * - Positions are 1-based lines and columns of the original text (`\r\n`, `\r` and `\n` all end a
 *   line), with 0-based offsets; a leading BOM counts as a character of line 1.
 *
 * Rows longer than {@link maxCellsPerTextRow} cells and tables longer than
 * {@link maxRowsPerTextTable} rows are cut, with an `import/limit-exceeded` finding. Runs in time
 * linear in the text.
 */
export function textToBlocks(text: string): BlockDocument {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as Line;
    const trimmed = trimSpace(line.text);
    if (trimmed.length === 0) {
      index += 1;
      continue;
    }
    if (!isTableLine(line.text)) {
      const lead = leadingSpace(line.text);
      const heading = /^(#{1,6})\s+/u.exec(trimmed);
      if (heading) {
        const body = trimmed.slice(heading[0].length);
        const column = lead + heading[0].length;
        blocks.push({
          type: "heading",
          level: (heading[1] ?? "#").length,
          text: body,
          source: position(line, column, body.length),
        });
      } else {
        blocks.push({ type: "paragraph", text: trimmed, source: position(line, lead, trimmed.length) });
      }
      index += 1;
      continue;
    }
    // A run of table lines (blank lines inside allowed when a table line follows).
    const tableLines: Line[] = [];
    while (index < lines.length) {
      const current = lines[index] as Line;
      if (isTableLine(current.text)) {
        tableLines.push(current);
        index += 1;
        continue;
      }
      if (trimSpace(current.text).length === 0) {
        let next = index + 1;
        while (next < lines.length && trimSpace((lines[next] as Line).text).length === 0) next += 1;
        if (next < lines.length && isTableLine((lines[next] as Line).text)) {
          index = next;
          continue;
        }
      }
      break;
    }
    const cellPerLine = tableLines.some((tableLine) => trimSpace(tableLine.text) === "|");
    const rows: TableSlot[][] = [];
    let currentCells: Cell[] | undefined;
    let rowLimitHit = false;
    let cellLimitHit = false;
    const finishRow = (): void => {
      if (currentCells === undefined) return;
      if (rows.length >= maxRowsPerTextTable) {
        if (!rowLimitHit) {
          rowLimitHit = true;
          diagnostics.push(
            importDiagnostic(
              "import/limit-exceeded",
              { kind: "textTableRows", max: maxRowsPerTextTable },
              currentCells[0]?.source ?? position(tableLines[0] as Line, 0, 0),
            ),
          );
        }
      } else {
        if (currentCells.length > maxCellsPerTextRow) {
          if (!cellLimitHit) {
            cellLimitHit = true;
            diagnostics.push(
              importDiagnostic(
                "import/limit-exceeded",
                { kind: "textRowCells", cells: currentCells.length, max: maxCellsPerTextRow },
                currentCells[0]?.source ?? position(tableLines[0] as Line, 0, 0),
              ),
            );
          }
          currentCells = currentCells.slice(0, maxCellsPerTextRow);
        }
        rows.push(slotsOf(currentCells, rows.length));
      }
      currentCells = undefined;
    };
    for (const tableLine of tableLines) {
      const lineText = trimSpace(tableLine.text);
      if (markdownSeparator.test(lineText)) continue;
      if (cellPerLine) {
        if (lineText === "|") {
          finishRow();
          currentCells = [];
          continue;
        }
        currentCells ??= [];
        const cells = cellsOf(tableLine, false);
        if (currentCells.length <= maxCellsPerTextRow) currentCells.push(...cells.slice(0, maxCellsPerTextRow + 1));
        else currentCells.push(...cells.slice(0, 1));
        continue;
      }
      currentCells = cellsOf(tableLine, true);
      finishRow();
    }
    finishRow();
    const first = tableLines[0] as Line;
    if (rows.length > 0) {
      blocks.push({ type: "table", rows, spansKnown: false, source: position(first, leadingSpace(first.text), 0) });
    }
  }
  return diagnostics.length > 0 ? { blocks, diagnostics } : { blocks };
}
