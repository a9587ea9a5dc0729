import type { Diagnostic, SourcePosition } from "@gongkai/core";
import type { Block, TableBlock } from "@gongkai/recognize";
import { importDiagnostic, TableGridBuilder } from "@gongkai/recognize";
import { DocxReadError } from "./docx-read-error";
import type { ListNumberer } from "./numbering";
import { headingOfStyle, type NumberingReference, numberingOfStyle, readOutlineLevel, type StyleSheet } from "./styles";
import { LineIndex, parseXml } from "./xml-tokenizer";

/** Widest table grid built; wider spans are clamped and cells past it dropped (with a diagnostic). */
export const maxTableColumns = 1000;

/** What the document reader needs besides the XML. */
export interface DocumentContext {
  readonly part: string;
  readonly styles: StyleSheet;
  readonly numberer: ListNumberer | undefined;
  readonly maxDepth: number;
  readonly maxTableSlots: number;
  readonly diagnostics: Diagnostic[];
}

/** What runs when an element opens: it reads the element into the state. */
type OpenHandler = (state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>, offset: number) => void;

/** What runs when an element that opened something (a paragraph, table, row or cell) closes. */
type CloseHandler = (state: ReaderState, endOffset: number) => void;

interface Frame {
  readonly name: string;
  readonly parent: Frame | undefined;
  /** The element's 1-based index among its parent's children of the same name (0: not counted). */
  readonly index: number;
  /** How many children of each name this element has had so far (created on the first child). */
  childCounts?: Map<string, number>;
  /** The element path, computed on first use. */
  path?: string;
  /** For a run: its properties hide it (`w:vanish`). */
  hidden?: boolean;
  /** For a content control: it shows its placeholder text (`w:showingPlcHdr`). */
  placeholder?: boolean;
  /** What closes what this element opened, when it ends. */
  close?: CloseHandler;
}

interface ParagraphState {
  readonly offset: number;
  readonly path: string;
  text: string;
  styleId?: string;
  outlineLevel?: number;
  numId?: string;
  level?: number;
}

/**
 * Blocks in document order, where a nested array is a run spliced in place. Unwrapping a layout
 * table or lifting a nested table out of its cell then costs one push, not a copy, so deeply
 * nested tables stay linear; the runs are flattened once at the end.
 */
type Item = Block | Item[];

/** Where blocks go while the body or a cell is open. */
interface Container {
  /** Everything, in order. */
  readonly blocks: Item[];
  /** The paragraphs and headings only (a cell's text). */
  readonly texts: Item[];
  /** The tables only (lifted out of a cell when its table is emitted). */
  readonly tables: Item[];
}

interface CellState extends Container {
  readonly row: RowState;
  readonly offset: number;
  readonly path: string;
  gridSpan: number;
  vMerge?: "restart" | "continue";
  hMergeContinue: boolean;
  endOffset: number;
}

interface RowState {
  readonly cells: CellState[];
  gridBefore: number;
  gridAfter: number;
  header: boolean;
  /** A tracked change deleted the row (`w:trPr/w:del`). */
  deleted: boolean;
}

interface TableState {
  readonly offset: number;
  readonly path: string;
  /** The container the table sits in, where it is emitted when it closes. */
  readonly container: Container;
  /** The open row, if any. */
  row: RowState | undefined;
  /**
   * Live rows kept as cells while every row so far is one plain cell: such a table may be a layout
   * frame, unwrapped when it closes. The first other row turns them into grid rows.
   */
  pending: RowState[];
  /** The grid, built row by row as each row closes (so only one row's cells are held at a time). */
  grid: TableGridBuilder | undefined;
  /** A row was cut at {@link maxTableColumns} (reported once per table). */
  clampReported: boolean;
  /** Tables nested in the grid's cells, lifted out after the table in row order. */
  readonly nested: Item[][];
}

/** Everything the handlers share while `word/document.xml` is read. */
interface ReaderState {
  readonly context: DocumentContext;
  readonly lines: LineIndex;
  /** The open containers: the body, then each open cell. */
  readonly containers: Container[];
  /** The open elements. */
  readonly frames: Frame[];
  readonly paragraphs: ParagraphState[];
  readonly tables: TableState[];
  readonly cells: CellState[];
  /** How deep inside content that is not part of the flow the reader is (0: in the flow). */
  skipDepth: number;
  /** Grid slots the finished tables take, counted against `maxTableSlots`. */
  slotsUsed: number;
  /** What a paragraph style gives, computed once per style. */
  readonly headingCache: Map<string | undefined, number | "title" | undefined>;
  readonly numberingCache: Map<string | undefined, NumberingReference | undefined>;
}

/**
 * Elements whose content is not part of the document's flow: alternate renderings, text boxes,
 * and text a tracked change deleted or moved away.
 */
const skippedElements = new Set(["mc:Fallback", "w:txbxContent", "w:del", "w:moveFrom"]);

/** What each element opens or reads, by element name (elements not listed only nest). */
const onOpen = new Map<string, OpenHandler>([
  ["w:p", openParagraph],
  ["w:tab", addRunCharacter],
  ["w:ptab", addRunCharacter],
  ["w:br", addRunCharacter],
  ["w:cr", addRunCharacter],
  ["w:noBreakHyphen", addRunCharacter],
  ["w:showingPlcHdr", readPlaceholder],
  ["w:vanish", readVanish],
  ["w:pStyle", readParagraphStyle],
  ["w:outlineLvl", readParagraphOutlineLevel],
  ["w:numId", readNumberingId],
  ["w:ilvl", readNumberingLevel],
  ["w:tbl", openTable],
  ["w:tr", openRow],
  ["w:gridBefore", readRowProperty],
  ["w:gridAfter", readRowProperty],
  ["w:tblHeader", readRowProperty],
  ["w:tc", openCell],
  ["w:gridSpan", readCellProperty],
  ["w:vMerge", readCellProperty],
  ["w:hMerge", readCellProperty],
]);

function localName(name: string): string {
  const brace = name.lastIndexOf("}");
  if (brace >= 0) return name.slice(brace + 1);
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Collapse runs of spaces, tabs and no-break spaces to one space inside each line, trim spaces and
 * ideographic spaces (U+3000) at both ends of each line, keep line breaks, drop empty lines at both
 * ends (as @gongkai/from-html does). Other characters, U+2028 and U+3000 inside a line included,
 * are kept as they are.
 */
function collapse(text: string): string {
  const lines = text
    .split("\n")
    .map((line) => line.replace(/[\t\f\r \u00a0]+/g, " ").replace(/^[ \u3000]+|[ \u3000]+$/g, ""));
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === "") start++;
  while (end > start && lines[end - 1] === "") end--;
  return lines.slice(start, end).join("\n");
}

function spanValue(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}

/** An on/off property (`w:vanish`, `w:tblHeader`): on unless its value says off. */
function isOn(value: string | undefined): boolean {
  return value !== "0" && value !== "false" && value !== "off";
}

function position(state: ReaderState, offset: number, endOffset: number | undefined, path: string): SourcePosition {
  const start = state.lines.locate(offset);
  if (endOffset === undefined) return { line: start.line, column: start.column, offset, path };
  const end = state.lines.locate(endOffset);
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset,
    endOffset,
    path,
  };
}

/** The element path of `frame`: walk up to the nearest frame whose path is known, then build the paths back down. */
function pathOf(frame: Frame): string {
  const pending: Frame[] = [];
  let current: Frame | undefined = frame;
  while (current && current.path === undefined) {
    pending.push(current);
    current = current.parent;
  }
  let path = current?.path ?? "";
  for (let index = pending.length - 1; index >= 0; index--) {
    const next = pending[index] as Frame;
    const local = localName(next.name);
    const segment = next.index === 0 ? local : `${local}[${next.index}]`;
    path = path === "" ? segment : `${path}>${segment}`;
    next.path = path;
  }
  return path;
}

// Paragraphs and runs.

function openParagraph(state: ReaderState, frame: Frame, _attributes: ReadonlyMap<string, string>, offset: number) {
  state.paragraphs.push({ offset, path: pathOf(frame), text: "" });
  frame.close = closeParagraph;
}

/** A tab, line break or non-breaking hyphen inside a run. */
function addRunCharacter(state: ReaderState, frame: Frame) {
  const paragraph = state.paragraphs[state.paragraphs.length - 1];
  if (!paragraph || frame.parent?.name !== "w:r") return;
  const name = frame.name;
  paragraph.text += name === "w:tab" || name === "w:ptab" ? "\t" : name === "w:noBreakHyphen" ? "-" : "\n";
}

/** `w:sdtPr/w:showingPlcHdr`: the content control shows its placeholder, which is not content. */
function readPlaceholder(_state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const control = frame.parent?.parent;
  const value = attributes.get("w:val");
  if (frame.parent?.name === "w:sdtPr" && control?.name === "w:sdt")
    control.placeholder = value !== "0" && value !== "false";
}

/** `w:rPr/w:vanish`: the run is hidden. */
function readVanish(_state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const run = frame.parent?.parent;
  if (frame.parent?.name === "w:rPr" && run?.name === "w:r") run.hidden = isOn(attributes.get("w:val"));
}

/** The paragraph property `name` (`w:pPr`, or `w:numPr` inside it) sets, when the element is one. */
function paragraphWithProperty(state: ReaderState, frame: Frame, parentName: string): ParagraphState | undefined {
  return frame.parent?.name === parentName ? state.paragraphs[state.paragraphs.length - 1] : undefined;
}

function readParagraphStyle(state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const paragraph = paragraphWithProperty(state, frame, "w:pPr");
  const value = attributes.get("w:val");
  if (paragraph && value !== undefined) paragraph.styleId = value;
}

function readParagraphOutlineLevel(state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const paragraph = paragraphWithProperty(state, frame, "w:pPr");
  const level = readOutlineLevel(attributes.get("w:val"));
  if (paragraph && level !== undefined) paragraph.outlineLevel = level;
}

function readNumberingId(state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const paragraph = paragraphWithProperty(state, frame, "w:numPr");
  const value = attributes.get("w:val");
  if (paragraph && value !== undefined) paragraph.numId = value;
}

function readNumberingLevel(state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const paragraph = paragraphWithProperty(state, frame, "w:numPr");
  const value = attributes.get("w:val");
  if (paragraph && value !== undefined && /^\d$/.test(value)) paragraph.level = Number(value);
}

/** Text inside a `w:t` of a run that is not hidden. */
function addText(state: ReaderState, text: string) {
  const top = state.frames[state.frames.length - 1];
  const paragraph = state.paragraphs[state.paragraphs.length - 1];
  // A line break in the XML text is only whitespace: Word breaks lines at w:br and w:cr.
  if (paragraph && top?.name === "w:t" && top.parent?.hidden !== true) paragraph.text += text.replace(/[\r\n]/g, " ");
}

function headingOf(state: ReaderState, styleId: string | undefined): number | "title" | undefined {
  if (!state.headingCache.has(styleId)) state.headingCache.set(styleId, headingOfStyle(state.context.styles, styleId));
  return state.headingCache.get(styleId);
}

function numberingOf(state: ReaderState, styleId: string | undefined): NumberingReference | undefined {
  if (!state.numberingCache.has(styleId))
    state.numberingCache.set(styleId, numberingOfStyle(state.context.styles, styleId));
  return state.numberingCache.get(styleId);
}

/** The list label a paragraph gets from its own numbering or its style's (empty when none). */
function listLabel(state: ReaderState, paragraph: ParagraphState, styleId: string | undefined): string {
  const numberer = state.context.numberer;
  if (!numberer) return "";
  let reference: NumberingReference | undefined;
  if (paragraph.numId !== undefined) {
    reference =
      paragraph.numId === "0"
        ? undefined
        : { numId: paragraph.numId, level: paragraph.level ?? numberingOf(state, styleId)?.level ?? 0 };
  } else {
    const fromStyle = numberingOf(state, styleId);
    if (fromStyle) reference = paragraph.level === undefined ? fromStyle : { ...fromStyle, level: paragraph.level };
  }
  return reference ? numberer.next(reference) : "";
}

/** A paragraph ends: it becomes a heading or paragraph block of the open container (unless empty). */
function closeParagraph(state: ReaderState, endOffset: number) {
  const paragraph = state.paragraphs.pop();
  if (!paragraph) return;
  const styleId = paragraph.styleId ?? state.context.styles.defaultStyleId;
  // The label is taken (and its list counted) before an empty paragraph is dropped.
  const label = listLabel(state, paragraph, styleId);
  const text = collapse(paragraph.text);
  if (text === "") return;
  const fullText = collapse(label + text);
  const source = position(state, paragraph.offset, endOffset, paragraph.path);
  let heading: number | "title" | undefined;
  if (paragraph.outlineLevel !== undefined) {
    heading = paragraph.outlineLevel <= 8 ? paragraph.outlineLevel + 1 : undefined;
  } else {
    heading = headingOf(state, styleId);
  }
  const container = state.containers[state.containers.length - 1] as Container;
  const block: Block =
    heading === undefined
      ? { type: "paragraph", text: fullText, source }
      : heading === "title"
        ? { type: "heading", text: fullText, source }
        : { type: "heading", level: heading, text: fullText, source };
  container.blocks.push(block);
  container.texts.push(block);
}

// Tables, rows and cells.

function openTable(state: ReaderState, frame: Frame, _attributes: ReadonlyMap<string, string>, offset: number) {
  state.tables.push({
    offset,
    path: pathOf(frame),
    container: state.containers[state.containers.length - 1] as Container,
    row: undefined,
    pending: [],
    grid: undefined,
    clampReported: false,
    nested: [],
  });
  frame.close = closeTable;
}

function openRow(state: ReaderState, frame: Frame) {
  const table = state.tables[state.tables.length - 1];
  if (!table || table.row) return;
  table.row = { cells: [], gridBefore: 0, gridAfter: 0, header: false, deleted: false };
  frame.close = closeRow;
}

/** `w:trPr/w:del`: a tracked change deleted the row, which is left out of the grid. */
function markRowDeleted(state: ReaderState) {
  const row = state.tables[state.tables.length - 1]?.row;
  if (row) row.deleted = true;
}

/** `w:trPr`'s `w:gridBefore`, `w:gridAfter` and `w:tblHeader`. */
function readRowProperty(state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const row = state.tables[state.tables.length - 1]?.row;
  if (!row || frame.parent?.name !== "w:trPr") return;
  const value = attributes.get("w:val");
  if (frame.name === "w:tblHeader") row.header = isOn(value);
  else if (frame.name === "w:gridBefore") row.gridBefore = spanValue(value, 0);
  else row.gridAfter = spanValue(value, 0);
}

function openCell(state: ReaderState, frame: Frame, _attributes: ReadonlyMap<string, string>, offset: number) {
  const row = state.tables[state.tables.length - 1]?.row;
  if (!row || state.cells[state.cells.length - 1]?.row === row) return;
  const cell: CellState = {
    row,
    offset,
    path: pathOf(frame),
    blocks: [],
    texts: [],
    tables: [],
    gridSpan: 1,
    hMergeContinue: false,
    endOffset: offset,
  };
  row.cells.push(cell);
  state.cells.push(cell);
  state.containers.push(cell);
  frame.close = closeCell;
}

/** `w:tcPr`'s `w:gridSpan`, `w:vMerge` and `w:hMerge`. */
function readCellProperty(state: ReaderState, frame: Frame, attributes: ReadonlyMap<string, string>) {
  const cell = state.cells[state.cells.length - 1];
  if (!cell || frame.parent?.name !== "w:tcPr") return;
  const value = attributes.get("w:val");
  if (frame.name === "w:gridSpan") cell.gridSpan = Math.max(1, spanValue(value, 1));
  else if (frame.name === "w:vMerge") cell.vMerge = value === "restart" ? "restart" : "continue";
  else cell.hMergeContinue = value !== "restart";
}

function closeCell(state: ReaderState, endOffset: number) {
  const cell = state.cells.pop();
  if (cell) cell.endOffset = endOffset;
  state.containers.pop();
}

function closeRow(state: ReaderState) {
  const table = state.tables[state.tables.length - 1];
  if (!table?.row) return;
  const row = table.row;
  table.row = undefined;
  if (row.deleted) return;
  let grid = table.grid;
  if (grid === undefined) {
    if (isPlainRow(row)) {
      table.pending.push(row);
      return;
    }
    grid = new TableGridBuilder({
      maxSlots: state.context.maxTableSlots - state.slotsUsed,
      maxColumns: maxTableColumns,
      width: "spans",
    });
    table.grid = grid;
    for (const pending of table.pending) placeRow(state, table, grid, pending);
    table.pending = [];
  }
  placeRow(state, table, grid, row);
}

function isPlainRow(row: RowState): boolean {
  return row.cells.length === 1 && row.gridBefore === 0 && row.gridAfter === 0 && row.cells[0]?.gridSpan === 1;
}

function cellText(cell: CellState): string {
  return flatten(cell.texts)
    .map((block) => (block.type === "table" ? "" : block.text))
    .join("\n");
}

/** Place a closed row's cells in the table's grid, then let its cells go. */
function placeRow(state: ReaderState, table: TableState, grid: TableGridBuilder, row: RowState) {
  // The limit is checked as the grid grows, so an oversized table is refused before it is built.
  if (!grid.beginRow()) throw tooManySlots(state, table);
  grid.skip(row.gridBefore);
  for (const cell of row.cells) {
    const placed = grid.addCell({
      text: cellText(cell),
      source: position(state, cell.offset, cell.endOffset, cell.path),
      header: row.header,
      colSpan: cell.gridSpan,
      continuesLeft: cell.hMergeContinue,
      continuesAbove: cell.vMerge === "continue",
      mergeable: cell.vMerge !== undefined,
    });
    if (!placed) {
      if (grid.truncated) throw tooManySlots(state, table);
      reportClamp(state, table, cell);
      break;
    }
    if (cell.tables.length > 0) table.nested.push(cell.tables);
  }
  if (!grid.endRow(row.gridAfter)) throw tooManySlots(state, table);
}

function tooManySlots(state: ReaderState, table: TableState): DocxReadError {
  const { part, maxTableSlots } = state.context;
  return new DocxReadError({
    code: "too-complex",
    message: `${part}: the tables need more than ${maxTableSlots} grid slots (at offset ${table.offset}).`,
    part,
    offset: table.offset,
  });
}

function reportClamp(state: ReaderState, table: TableState, cell: CellState) {
  if (table.clampReported) return;
  table.clampReported = true;
  state.context.diagnostics.push(
    importDiagnostic(
      "import/limit-exceeded",
      { kind: "tableColumns", max: maxTableColumns },
      position(state, cell.offset, cell.endOffset, cell.path),
    ),
  );
}

function closeTable(state: ReaderState, endOffset: number) {
  const table = state.tables.pop();
  if (!table) return;
  const grid = table.grid;
  if (grid === undefined) {
    // A table of one column is a layout frame: its content is the document's content.
    for (const row of table.pending) {
      const cell = row.cells[0] as CellState;
      table.container.blocks.push(cell.blocks);
      table.container.texts.push(cell.texts);
      table.container.tables.push(cell.tables);
    }
    return;
  }
  const rows = grid.finish();
  // A table without a single slot (rows without cells) has nothing to say.
  if (grid.width === 0) return;
  const slots = grid.width * rows.length;
  state.slotsUsed += slots;
  // Tables still open around this one share the limit.
  for (const open of state.tables) open.grid?.spend(slots);
  const block: TableBlock = {
    type: "table",
    rows,
    spansKnown: true,
    source: position(state, table.offset, endOffset, table.path),
  };
  // Tables nested in the cells follow the table that holds them, in row order.
  table.container.blocks.push(block);
  table.container.tables.push(block);
  for (const nested of table.nested) {
    table.container.blocks.push(nested);
    table.container.tables.push(nested);
  }
}

/** Open an element: count it among its parent's children, skip what is not in the flow, run its handler. */
function openElement(state: ReaderState, name: string, attributes: ReadonlyMap<string, string>, offset: number) {
  const parentFrame = state.frames[state.frames.length - 1];
  const parent = parentFrame?.name;
  let index = 0;
  // Children of runs and property elements never hold blocks: they are not counted.
  if (parentFrame && name !== "w:body" && parent !== "w:r" && !parent?.endsWith("Pr")) {
    parentFrame.childCounts ??= new Map();
    index = (parentFrame.childCounts.get(name) ?? 0) + 1;
    parentFrame.childCounts.set(name, index);
  }
  const frame: Frame = { name, parent: parentFrame, index };
  state.frames.push(frame);
  if (name === "w:del" && parent === "w:trPr" && state.skipDepth === 0) markRowDeleted(state);
  if (
    state.skipDepth > 0 ||
    skippedElements.has(name) ||
    // A content control showing its placeholder ("单击或点击此处输入文字") has no content.
    (name === "w:sdtContent" && parentFrame?.placeholder === true)
  ) {
    state.skipDepth++;
    return;
  }
  onOpen.get(name)?.(state, frame, attributes, offset);
}

function closeElement(state: ReaderState, endOffset: number) {
  const frame = state.frames.pop();
  if (state.skipDepth > 0) {
    state.skipDepth--;
    return;
  }
  frame?.close?.(state, endOffset);
}

/**
 * Read `word/document.xml` into blocks: paragraphs (headings when their style or outline level
 * says so, list labels prefixed), and tables expanded into slot grids. A table of one column is a
 * layout frame and is unwrapped; a table nested in a cell is emitted as its own block after the
 * table that holds it. The reader is a table of element handlers ({@link onOpen}) over one state.
 */
export function readDocumentBlocks(xml: string, context: DocumentContext): Block[] {
  const body: Container = { blocks: [], texts: [], tables: [] };
  const state: ReaderState = {
    context,
    lines: new LineIndex(xml),
    containers: [body],
    frames: [],
    paragraphs: [],
    tables: [],
    cells: [],
    skipDepth: 0,
    slotsUsed: 0,
    headingCache: new Map(),
    numberingCache: new Map(),
  };
  parseXml(
    xml,
    context.part,
    {
      start: (name, attributes, offset) => openElement(state, name, attributes, offset),
      end: (_name, endOffset) => closeElement(state, endOffset),
      text: (text) => {
        if (state.skipDepth === 0) addText(state, text);
      },
    },
    context.maxDepth,
  );
  return flatten(body.blocks);
}

/** The blocks of spliced runs, in order (iterative: runs may nest as deep as the tables). */
function flatten(items: readonly Item[]): Block[] {
  const out: Block[] = [];
  const stack: { items: readonly Item[]; index: number }[] = [{ items, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { items: readonly Item[]; index: number };
    if (top.index >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.index++] as Item;
    if (Array.isArray(item)) stack.push({ items: item, index: 0 });
    else out.push(item);
  }
  return out;
}
