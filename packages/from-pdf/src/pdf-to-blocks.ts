import type { Diagnostic, PageBox, SourcePosition } from "@gongkai/core";
import { type Block, type BlockDocument, importDiagnostic, type TableSlot } from "@gongkai/recognize";
import { defaultPdfLimits, type PdfLimits, precheck } from "./limits";
import { type FontInfo, type PageContent, readOperators, type TextRun } from "./page-content";
import { type PdfDataOptions, pdfDataSource } from "./pdf-data";
import { PdfReadError } from "./pdf-read-error";
import { loadPdfJs } from "./pdfjs";
import { clusterPositions, findRuledTables, type Rect, type RuledTable } from "./ruled-tables";
import { groupLines, joinText, splitAtGaps, squeezeWideSpaces, type TextLine } from "./text-layout";

/** Options for {@link pdfToBlocks}: the reader's limits and where pdf.js finds its CMaps and font data. */
export interface PdfOptions extends PdfLimits, PdfDataOptions {}

/** A cell of a table being assembled: its grid slot range, text and where it was read. */
interface GridCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  left: number;
  right: number;
  page: number;
  box: Rect;
  line: number;
}

/** A table on one page (or joined over several), in its own grid. */
interface PageTable {
  readonly kind: "table";
  readonly page: number;
  readonly box: Rect;
  /** Column boundaries (x), shared by every part of a joined table. */
  xs: number[];
  rows: number;
  cells: GridCell[];
  readonly spansKnown: boolean;
  /** The last page the table runs on. */
  lastPage: number;
}

interface PageLine {
  readonly kind: "line";
  readonly page: number;
  readonly line: TextLine;
  readonly number: number;
}

type PageItem = PageTable | PageLine;

function boxOf(rect: Rect): PageBox {
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    x: round(rect.left),
    y: round(rect.top),
    width: round(rect.right - rect.left),
    height: round(rect.bottom - rect.top),
  };
}

function sourceOf(page: number, line: number, rect: Rect): SourcePosition {
  return { line: Math.max(1, line), column: 1, page, box: boxOf(rect) };
}

/** Whether the text is nothing but a page number ("3", "-3-", "— 5 —", "第 3 页", "3/6", "第3页 共6页"). */
function isPageNumber(text: string): boolean {
  return /^[-—–－_·•\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:[/／]|of|共)\s*\d{1,4}\s*页?)?[-—–－_·•\s]*$/iu.test(
    text.trim(),
  );
}

/** Text with its digits masked, to spot running heads that only change their page number. */
function shapeOf(text: string): string {
  return text.replace(/\d+/gu, "#").replace(/\s+/gu, "");
}

/** The lines in the page margins that are page numbers or repeat on several pages (running heads and footers). */
function marginLines(pages: readonly { content: PageContent; lines: TextLine[] }[]): Set<TextLine> {
  const dropped = new Set<TextLine>();
  const shapes = new Map<string, Set<number>>();
  const inMargin = (line: TextLine, height: number): boolean => line.bottom < height * 0.12 || line.top > height * 0.88;
  for (const { content, lines } of pages) {
    for (const line of lines) {
      if (!inMargin(line, content.height)) continue;
      const key = `${shapeOf(line.text)}@${Math.round(line.top / 10)}`;
      const seen = shapes.get(key) ?? new Set<number>();
      seen.add(content.page);
      shapes.set(key, seen);
    }
  }
  for (const { content, lines } of pages) {
    for (const line of lines) {
      if (!inMargin(line, content.height)) continue;
      const repeated = (shapes.get(`${shapeOf(line.text)}@${Math.round(line.top / 10)}`)?.size ?? 0) >= 2;
      if (isPageNumber(line.text) || (repeated && pages.length > 1)) dropped.add(line);
    }
  }
  return dropped;
}

function inside(run: TextRun, rect: Rect): boolean {
  const x = (run.left + run.right) / 2;
  const y = (run.top + run.bottom) / 2;
  return x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;
}

/** A run cut into its characters, each given an equal share of the run's width. */
function splitRun(run: TextRun): TextRun[] {
  const characters = Array.from(run.text);
  const width = (run.right - run.left) / Math.max(characters.length, 1);
  return characters.map((character, index) => ({
    ...run,
    text: character,
    left: run.left + index * width,
    right: run.left + (index + 1) * width,
  }));
}

/** The text of a cell: its lines joined as a reader reads them, letter-spacing spaces between CJK characters removed. */
function cellText(runs: readonly TextRun[]): string {
  let text = "";
  for (const line of groupLines(runs)) text = joinText(text, line.text);
  return squeezeWideSpaces(text).trim();
}

/** The line number (1-based, on its page) of the first line at or below `top`. */
function lineNumberAt(tops: readonly number[], top: number): number {
  let number = 1;
  for (let index = 0; index < tops.length; index += 1) if ((tops[index] as number) <= top + 1) number = index + 1;
  return number;
}

/** A ruled table's cells filled with the runs inside it. */
function fillTable(table: RuledTable, runs: readonly TextRun[], page: number, tops: readonly number[]): PageTable {
  const interior = table.xs.slice(1, -1);
  const pieces: TextRun[] = [];
  for (const run of runs) {
    const crossing = interior.some((x) => run.left < x - 1 && run.right > x + 1);
    if (crossing) pieces.push(...splitRun(run));
    else pieces.push(run);
  }
  const slotOwner = new Map<string, number>();
  table.cells.forEach((cell, index) => {
    for (let row = cell.row; row < cell.row + cell.rowSpan; row += 1) {
      for (let column = cell.column; column < cell.column + cell.colSpan; column += 1)
        slotOwner.set(`${row}:${column}`, index);
    }
  });
  const runsOf = table.cells.map(() => [] as TextRun[]);
  const indexIn = (values: readonly number[], value: number): number => {
    for (let index = 0; index < values.length - 1; index += 1) if (value < (values[index + 1] as number)) return index;
    return values.length - 2;
  };
  for (const piece of pieces) {
    const row = indexIn(table.ys, (piece.top + piece.bottom) / 2);
    const column = indexIn(table.xs, (piece.left + piece.right) / 2);
    const owner = slotOwner.get(`${Math.max(row, 0)}:${Math.max(column, 0)}`);
    if (owner !== undefined) runsOf[owner]?.push(piece);
  }
  const cells = table.cells.map((cell, index) => {
    const cellRuns = runsOf[index] ?? [];
    const textTop = cellRuns.length > 0 ? Math.min(...cellRuns.map((run) => run.top)) : cell.box.top;
    return {
      row: cell.row,
      column: cell.column,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      text: cellText(cellRuns),
      left: cell.box.left,
      right: cell.box.right,
      page,
      box: cell.box,
      line: lineNumberAt(tops, textTop),
    };
  });
  return {
    kind: "table",
    page,
    box: table.box,
    xs: [...table.xs],
    rows: table.ys.length - 1,
    cells,
    spansKnown: true,
    lastPage: page,
  };
}

/**
 * Consecutive lines that split into two or more pieces at wide gaps, read as the rows of a table
 * printed without ruling lines (columns by alignment, spans unknown).
 */
function alignedTables(lines: readonly PageLine[]): PageItem[] {
  const items: PageItem[] = [];
  let pending: { line: PageLine; pieces: TextLine[] }[] = [];
  const flush = (): void => {
    if (pending.length >= 2) {
      const first = pending[0] as { line: PageLine; pieces: TextLine[] };
      const cells: GridCell[] = [];
      pending.forEach((entry, row) => {
        entry.pieces.forEach((piece, column) => {
          cells.push({
            row,
            column,
            rowSpan: 1,
            colSpan: 1,
            text: squeezeWideSpaces(piece.text),
            left: piece.left,
            right: piece.right,
            page: entry.line.page,
            box: piece,
            line: entry.line.number,
          });
        });
      });
      const box = {
        left: Math.min(...pending.map((entry) => entry.line.line.left)),
        right: Math.max(...pending.map((entry) => entry.line.line.right)),
        top: first.line.line.top,
        bottom: (pending[pending.length - 1] as { line: PageLine }).line.line.bottom,
      };
      items.push({
        kind: "table",
        page: first.line.page,
        box,
        xs: [],
        rows: pending.length,
        cells,
        spansKnown: false,
        lastPage: first.line.page,
      });
    } else for (const entry of pending) items.push(entry.line);
    pending = [];
  };
  for (const line of lines) {
    const pieces = splitAtGaps(line.line);
    if (pieces.length >= 2) pending.push({ line, pieces });
    else {
      flush();
      items.push(line);
    }
  }
  flush();
  return items;
}

/** The items of one page in reading order: ruled tables with their text, and the lines outside them. */
function pageItems(
  content: PageContent,
  lines: readonly TextLine[],
  dropped: ReadonlySet<TextLine>,
  maxSegments: number,
): PageItem[] {
  const tables = findRuledTables(content.segments, maxSegments);
  const tops = clusterPositions(lines.map((line) => line.top));
  const tableRuns = tables.map(() => [] as TextRun[]);
  const free: TextRun[] = [];
  for (const line of lines) {
    if (dropped.has(line)) continue;
    for (const run of line.runs) {
      const index = tables.findIndex((table) => inside(run, table.box));
      if (index === -1) free.push(run);
      else tableRuns[index]?.push(run);
    }
  }
  const freeLines: PageLine[] = groupLines(free).map((line) => ({
    kind: "line",
    page: content.page,
    line,
    number: lineNumberAt(tops, line.top),
  }));
  const items: PageItem[] = [
    ...alignedTables(freeLines),
    ...tables.map((table, index) => fillTable(table, tableRuns[index] ?? [], content.page, tops)),
  ];
  const topOf = (item: PageItem): number => (item.kind === "line" ? item.line.top : item.box.top);
  return items.sort((a, b) => topOf(a) - topOf(b));
}

function rowTexts(table: PageTable, rows: number): string[] {
  return table.cells
    .filter((cell) => cell.row < rows)
    .map((cell) => `${cell.row}/${cell.rowSpan}/${cell.text}`)
    .sort();
}

/** Column boundaries that agree within 3 points. */
function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const left = Math.abs((a[0] as number) - (b[0] as number)) <= 3;
  const right = Math.abs((a[a.length - 1] as number) - (b[b.length - 1] as number)) <= 3;
  return left && right;
}

/** Rows at the top of `next` that repeat the header rows of `first`: how many (0 when none). */
function repeatedHeaderRows(first: PageTable, next: PageTable): number {
  for (let rows = Math.min(6, first.rows - 1, next.rows - 1); rows >= 1; rows -= 1) {
    const crossesFirst = first.cells.some((cell) => cell.row < rows && cell.row + cell.rowSpan > rows);
    const crossesNext = next.cells.some((cell) => cell.row < rows && cell.row + cell.rowSpan > rows);
    if (crossesFirst || crossesNext) continue;
    const a = rowTexts(first, rows);
    const b = rowTexts(next, rows);
    if (a.some((text) => !text.endsWith("/")) && a.length === b.length && a.every((text, index) => text === b[index]))
      return rows;
  }
  return 0;
}

const numeric = /^[\s\d,，.．%％+\-－/／]*$/u;

/**
 * `next` (a table at the top of the following page) appended to `first`: columns unified, header
 * rows it repeats dropped, and a cell cut by the page break (same columns, empty below, or label
 * text spanning rows on both sides) made one cell again.
 */
function joinTables(first: PageTable, next: PageTable): void {
  const skip = repeatedHeaderRows(first, next);
  const xs = clusterPositions([...first.xs, ...next.xs]);
  const columnOf = (x: number): number => {
    let best = 0;
    xs.forEach((value, index) => {
      if (Math.abs(value - x) < Math.abs((xs[best] as number) - x)) best = index;
    });
    return best;
  };
  const regrid = (cell: GridCell): void => {
    const column = columnOf(cell.left);
    cell.colSpan = Math.max(1, columnOf(cell.right) - column);
    cell.column = column;
  };
  for (const cell of first.cells) regrid(cell);
  const lastRow = first.rows - 1;
  const bottomCells = first.cells.filter((cell) => cell.row + cell.rowSpan - 1 === lastRow);
  const offset = first.rows - skip;
  for (const cell of next.cells) {
    if (cell.row < skip) continue;
    regrid(cell);
    const above =
      cell.row === skip
        ? bottomCells.find((candidate) => candidate.column === cell.column && candidate.colSpan === cell.colSpan)
        : undefined;
    // Only a label cell is continued: a value cell never is (two equal counts are two cells).
    const label = above !== undefined && !numeric.test(above.text);
    const continued =
      label &&
      (cell.text === "" ||
        cell.text === above.text ||
        (!numeric.test(cell.text) && (above.rowSpan > 1 || cell.rowSpan > 1)));
    if (above && continued) {
      above.rowSpan += cell.rowSpan;
      if (cell.text !== above.text) above.text = joinText(above.text, cell.text);
      continue;
    }
    cell.row += offset;
    first.cells.push(cell);
  }
  first.xs = xs;
  first.rows += next.rows - skip;
  first.lastPage = next.page;
}

/** Tables continued at the top of the next page joined to their first part. */
function joinAcrossPages(items: PageItem[]): PageItem[] {
  const joined: PageItem[] = [];
  for (const item of items) {
    const previous = joined[joined.length - 1];
    if (
      item.kind === "table" &&
      previous?.kind === "table" &&
      item.spansKnown &&
      previous.spansKnown &&
      item.page === previous.lastPage + 1 &&
      sameColumns(previous.xs, item.xs)
    ) {
      joinTables(previous, item);
      continue;
    }
    joined.push(item);
  }
  return joined;
}

function tableBlock(table: PageTable): Block {
  const rows: TableSlot[][] = [];
  const ordered = [...table.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  if (!table.spansKnown) {
    for (const cell of ordered) {
      const row = rows[cell.row] ?? [];
      rows[cell.row] = row;
      row.push({
        text: cell.text,
        source: sourceOf(cell.page, cell.line, cell.box),
        origin: { row: cell.row, column: row.length },
        rowSpan: 1,
        colSpan: 1,
      });
    }
    for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  } else {
    const columns = Math.max(1, table.xs.length - 1);
    for (let row = 0; row < table.rows; row += 1) rows.push([]);
    for (const cell of ordered) {
      const slot: TableSlot = {
        text: cell.text,
        source: sourceOf(cell.page, cell.line, cell.box),
        origin: { row: cell.row, column: cell.column },
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
      };
      for (let row = cell.row; row < Math.min(cell.row + cell.rowSpan, table.rows); row += 1) {
        for (let column = cell.column; column < Math.min(cell.column + cell.colSpan, columns); column += 1) {
          (rows[row] as TableSlot[])[column] = slot;
        }
      }
    }
    // Slots no cell claims (a broken grid) read as empty cells of their own.
    rows.forEach((slots, row) => {
      for (let column = 0; column < columns; column += 1) {
        if (slots[column] === undefined) {
          slots[column] = { text: "", origin: { row, column }, rowSpan: 1, colSpan: 1 };
        }
      }
    });
  }
  return {
    type: "table",
    rows,
    spansKnown: table.spansKnown,
    source: sourceOf(table.page, table.cells[0]?.line ?? 1, table.box),
  };
}

/** The font size most body text uses, weighted by characters. */
function bodySize(lines: readonly PageLine[]): number {
  const weights = new Map<number, number>();
  for (const { line } of lines) weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

interface Paragraph {
  heading: boolean;
  lines: PageLine[];
}

/**
 * Lines joined into paragraphs: a line continues the paragraph when it has the same size, is not
 * indented, follows closely, and the line before ran to the right margin (a wrapped line), also
 * over a page break. Lines clearly larger than the body text are headings.
 */
function paragraphsOf(
  items: readonly PageItem[],
  widths: ReadonlyMap<number, { left: number; right: number }>,
): (Paragraph | PageTable)[] {
  const lines = items.filter((item): item is PageLine => item.kind === "line");
  const body = bodySize(lines);
  const out: (Paragraph | PageTable)[] = [];
  let current: Paragraph | undefined;
  let previousItem: PageItem | undefined;
  for (const item of items) {
    if (item.kind === "table") {
      out.push(item);
      current = undefined;
      previousItem = item;
      continue;
    }
    const line = item.line;
    const heading = line.size >= body * 1.15;
    const margins = widths.get(item.page) ?? { left: line.left, right: line.right };
    const last = current?.lines[current.lines.length - 1];
    let continues = false;
    if (
      current &&
      last &&
      previousItem === last &&
      current.heading === heading &&
      Math.abs(last.line.size - line.size) < 0.5
    ) {
      const size = line.size;
      const full = last.line.right >= margins.right - size * 1.5;
      const indented = line.left > margins.left + size * 0.8;
      const samePage = last.page === item.page;
      const gap = line.top - last.line.bottom;
      const close = samePage ? gap < size * 1.2 && gap > -size * 0.5 : item.page === last.page + 1;
      continues = heading ? close && samePage && !indented : full && !indented && close;
    }
    if (continues && current) current.lines.push(item);
    else {
      current = { heading, lines: [item] };
      out.push(current);
    }
    previousItem = item;
  }
  return out;
}

/** The left and right text margins of each page: where most body lines start and end. */
function pageMargins(items: readonly PageItem[]): Map<number, { left: number; right: number }> {
  const byPage = new Map<number, TextLine[]>();
  for (const item of items) {
    if (item.kind !== "line") continue;
    const lines = byPage.get(item.page) ?? [];
    lines.push(item.line);
    byPage.set(item.page, lines);
  }
  const margins = new Map<number, { left: number; right: number }>();
  for (const [page, lines] of byPage) {
    const lefts = lines.map((line) => line.left).sort((a, b) => a - b);
    const rights = lines.map((line) => line.right).sort((a, b) => a - b);
    margins.set(page, { left: lefts[0] ?? 0, right: rights[rights.length - 1] ?? 0 });
  }
  return margins;
}

function paragraphBlock(paragraph: Paragraph): Block {
  let text = "";
  for (const { line } of paragraph.lines) text = joinText(text, line.text);
  const first = paragraph.lines[0] as PageLine;
  const onFirstPage = paragraph.lines.filter((entry) => entry.page === first.page).map((entry) => entry.line);
  const rect = {
    left: Math.min(...onFirstPage.map((line) => line.left)),
    right: Math.max(...onFirstPage.map((line) => line.right)),
    top: Math.min(...onFirstPage.map((line) => line.top)),
    bottom: Math.max(...onFirstPage.map((line) => line.bottom)),
  };
  const source = sourceOf(first.page, first.number, rect);
  return paragraph.heading ? { type: "heading", text, source } : { type: "paragraph", text, source };
}

/** Text that says a font had no usable Unicode map: replacement or private-use characters. */
const unmapped = /[\ufffd\ue000-\uf8ff]/u;

interface PdfDocumentLike {
  readonly numPages: number;
  getPage(number: number): Promise<{
    getViewport(options: { scale: number }): { transform: number[]; width: number; height: number };
    getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
    readonly commonObjs: { has(id: string): boolean; get(id: string): unknown };
    cleanup(): boolean;
  }>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

/** What the text reader needs of a font object pdf.js loaded (with `fontExtraProperties`). */
function fontInfo(font: unknown): FontInfo {
  // pdf.js resolves a font it could not load (a predefined CMap it could not fetch, a broken font
  // program) to its error message: its text operations then draw no glyphs.
  if (typeof font === "string") return { vertical: false, fontMatrix: undefined, maps: () => false, failed: true };
  const data = (font ?? {}) as { vertical?: unknown; fontMatrix?: unknown; toUnicode?: unknown; composite?: unknown };
  const fontMatrix = Array.isArray(data.fontMatrix) ? (data.fontMatrix as number[]) : undefined;
  const map = (data.toUnicode as { _map?: unknown } | undefined)?._map;
  const maps = Array.isArray(map)
    ? (charCode: number): boolean => typeof map[charCode] === "string" && map[charCode] !== ""
    : // A composite font read through an identity map: its codes are glyph ids, not characters.
      (): boolean => data.composite !== true;
  return { vertical: data.vertical === true, fontMatrix, maps, failed: false };
}

async function openDocument(bytes: Uint8Array, options: PdfDataOptions): Promise<PdfDocumentLike> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy, as a plain Uint8Array (pdf.js refuses a Node Buffer and detaches what it is given).
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    useWorkerFetch: false,
    fontExtraProperties: true,
    cMapPacked: true,
    ...pdfDataSource(options),
  });
  try {
    return (await task.promise) as unknown as PdfDocumentLike;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openFailure(bytes, error);
  }
}

function pageFailure(page: number, error: unknown): PdfReadError {
  const message = error instanceof Error ? error.message : String(error);
  return new PdfReadError({ code: "corrupt", message: `Page ${page} cannot be read: ${message}`, page, cause: error });
}

function openFailure(bytes: Uint8Array, error: unknown): PdfReadError {
  const name = (error as { name?: unknown }).name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new PdfReadError({
      code: "encrypted",
      message: "The file is encrypted and needs a password.",
      cause: error,
    });
  }
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes("%%EOF")) {
    return new PdfReadError({
      code: "truncated",
      message: `The file stops early and cannot be read: ${message}`,
      cause: error,
    });
  }
  return new PdfReadError({ code: "corrupt", message: `The file's structure is broken: ${message}`, cause: error });
}

/**
 * Read a PDF's text layer into a block document: text runs with their boxes become lines, lines
 * become paragraphs and headings (running heads, footers and page numbers dropped, wrapped lines
 * joined, also over page breaks); tables come from the ruling lines each page draws (merged cells
 * as spans; a table continued on the next page joined, its repeated header rows dropped), else
 * from column alignment. Every block and cell keeps its page and box. Pages with no text (scans)
 * give `import/no-text-layer`; text from a font without a Unicode map gives `import/encoding`.
 *
 * @param bytes - the PDF file.
 * @param options - the reader's limits (see {@link defaultPdfLimits}).
 * @throws {PdfReadError} when the file is not a PDF, is encrypted, corrupt or truncated, or
 *   exceeds a limit (checked before the pages are read).
 * @example
 * const document = await pdfToBlocks(bytes);
 */
export async function pdfToBlocks(bytes: Uint8Array, options: PdfOptions = {}): Promise<BlockDocument> {
  const limits: Required<PdfLimits> = { ...defaultPdfLimits, ...definedOnly(options) };
  await precheck(bytes, limits);
  const document = await openDocument(bytes, options);
  try {
    if (document.numPages > limits.maxPages) {
      throw new PdfReadError({
        code: "too-many-pages",
        message: `The file has ${document.numPages} pages, more than maxPages (${limits.maxPages}).`,
      });
    }
    const pages: { content: PageContent; lines: TextLine[] }[] = [];
    let operators = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number).catch((error: unknown) => {
        throw pageFailure(number, error);
      });
      const viewport = page.getViewport({ scale: 1 });
      const transform = viewport.transform as unknown as [number, number, number, number, number, number];
      const operatorList = await page.getOperatorList().catch((error: unknown) => {
        throw pageFailure(number, error);
      });
      operators += operatorList.fnArray.length;
      if (operators > limits.maxOperators) {
        throw new PdfReadError({
          code: "too-complex",
          message: `The pages draw more than maxOperators (${limits.maxOperators}) operations.`,
          page: number,
        });
      }
      const fontOf = (id: string): FontInfo | undefined =>
        page.commonObjs.has(id) ? fontInfo(page.commonObjs.get(id)) : undefined;
      const drawn = readOperators(operatorList, transform, viewport.width * viewport.height, fontOf);
      const runs = drawn.runs;
      page.cleanup();
      const content: PageContent = {
        page: number,
        width: viewport.width,
        height: viewport.height,
        runs,
        segments: drawn.segments,
        imageArea: drawn.imageArea,
        unreadableTexts: drawn.unreadableTexts,
      };
      pages.push({ content, lines: groupLines(runs) });
    }
    return assemble(pages, limits);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

function definedOnly(options: PdfOptions): PdfLimits {
  const limits: Record<string, number> = {};
  for (const key of Object.keys(defaultPdfLimits) as (keyof PdfLimits)[]) {
    const value = options[key];
    if (typeof value === "number") limits[key] = value;
  }
  return limits;
}

function assemble(
  pages: readonly { content: PageContent; lines: TextLine[] }[],
  limits: Required<PdfLimits>,
): BlockDocument {
  const diagnostics: Diagnostic[] = [];
  const scanned = pages
    .filter(({ content }) => !content.runs.some((run) => run.text.trim() !== "") && content.imageArea > 0)
    .map(({ content }) => content.page);
  if (scanned.length > 0) {
    const first = pages[(scanned[0] as number) - 1]?.content;
    diagnostics.push(
      importDiagnostic(
        "import/no-text-layer",
        { pages: scanned },
        first
          ? { line: 1, column: 1, page: first.page, box: { x: 0, y: 0, width: first.width, height: first.height } }
          : undefined,
      ),
    );
  }
  const unmappedPages = pages
    .filter(({ content }) => content.runs.some((run) => unmapped.test(run.text)))
    .map(({ content }) => content.page);
  if (unmappedPages.length > 0) {
    diagnostics.push(
      importDiagnostic(
        "import/encoding",
        { kind: "unmappedFont", pages: unmappedPages },
        { line: 1, column: 1, page: unmappedPages[0] as number },
      ),
    );
  }
  const unloadedPages = pages.filter(({ content }) => content.unreadableTexts > 0).map(({ content }) => content.page);
  if (unloadedPages.length > 0) {
    diagnostics.push(
      importDiagnostic(
        "import/encoding",
        { kind: "fontNotLoaded", pages: unloadedPages },
        { line: 1, column: 1, page: unloadedPages[0] as number },
      ),
    );
  }
  const dropped = marginLines(pages);
  const items = pages.flatMap(({ content, lines }) => pageItems(content, lines, dropped, limits.maxOperators));
  const joined = joinAcrossPages(items);
  const margins = pageMargins(joined);
  const blocks: Block[] = paragraphsOf(joined, margins).map((entry) =>
    "kind" in entry ? tableBlock(entry) : paragraphBlock(entry),
  );
  return { blocks, diagnostics };
}
