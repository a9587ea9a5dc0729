import { type Diagnostic, diagnosticRegistry, type SourcePosition } from "@gongkai/core";
import type { Block, TableBlock } from "@gongkai/recognize";
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
  /** What this element opened, to close when it ends. */
  opened?: "paragraph" | "table" | "row" | "cell";
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
  grid: GridSlot[][] | undefined;
  /** The widest grid row so far. */
  width: number;
  /** A row was cut at {@link maxTableColumns} (reported once per table). */
  clamped: boolean;
  /** The slots that are vertically merged cells (`w:vMerge`), which a `continue` below may extend. */
  readonly vertical: Set<GridSlot>;
  /** Tables nested in the grid's cells, lifted out after the table in row order. */
  readonly nested: Item[][];
}

/** A slot of the grid under construction: the table's output slot, still growing with merges. */
interface GridSlot {
  text: string;
  readonly source?: SourcePosition;
  readonly origin: { readonly row: number; readonly column: number };
  rowSpan: number;
  colSpan: number;
  readonly header?: true;
}

/**
 * Elements whose content is not part of the document's flow: alternate renderings, text boxes,
 * and text a tracked change deleted or moved away.
 */
const skippedElements = new Set(["mc:Fallback", "w:txbxContent", "w:del", "w:moveFrom"]);

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

function limitDiagnostic(message: { zh: string; en: string }, source: SourcePosition): Diagnostic {
  return {
    ruleId: "import/limit-exceeded",
    severity: diagnosticRegistry["import/limit-exceeded"].defaultSeverity,
    message,
    location: { pointer: "", source },
  };
}

/**
 * Read `word/document.xml` into blocks: paragraphs (headings when their style or outline level
 * says so, list labels prefixed), and tables expanded into slot grids. A table of one column is a
 * layout frame and is unwrapped; a table nested in a cell is emitted as its own block after the
 * table that holds it.
 */
export function readDocumentBlocks(xml: string, context: DocumentContext): Block[] {
  const lines = new LineIndex(xml);
  const position = (offset: number, endOffset: number | undefined, path: string): SourcePosition => {
    const start = lines.locate(offset);
    if (endOffset === undefined) return { line: start.line, column: start.column, offset, path };
    const end = lines.locate(endOffset);
    return {
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset,
      endOffset,
      path,
    };
  };

  const body: Container = { blocks: [], texts: [], tables: [] };
  const containers: Container[] = [body];
  const frames: Frame[] = [];
  const paragraphs: ParagraphState[] = [];
  const tables: TableState[] = [];
  const cells: CellState[] = [];
  let skipDepth = 0;
  let slotsUsed = 0;

  const pathOf = (frame: Frame): string => {
    // Walk up to the nearest frame whose path is known, then build the paths back down.
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
  };
  const currentPath = (): string => {
    const top = frames[frames.length - 1];
    return top ? pathOf(top) : "";
  };

  // What a paragraph style gives, computed once per style.
  const headingCache = new Map<string | undefined, number | "title" | undefined>();
  const numberingCache = new Map<string | undefined, NumberingReference | undefined>();
  const headingOf = (styleId: string | undefined) => {
    if (!headingCache.has(styleId)) headingCache.set(styleId, headingOfStyle(context.styles, styleId));
    return headingCache.get(styleId);
  };
  const numberingOf = (styleId: string | undefined) => {
    if (!numberingCache.has(styleId)) numberingCache.set(styleId, numberingOfStyle(context.styles, styleId));
    return numberingCache.get(styleId);
  };

  const finishParagraph = (paragraph: ParagraphState, endOffset: number) => {
    const styleId = paragraph.styleId ?? context.styles.defaultStyleId;
    let label = "";
    if (context.numberer) {
      let reference: NumberingReference | undefined;
      if (paragraph.numId !== undefined) {
        reference =
          paragraph.numId === "0"
            ? undefined
            : {
                numId: paragraph.numId,
                level: paragraph.level ?? numberingOf(styleId)?.level ?? 0,
              };
      } else {
        const fromStyle = numberingOf(styleId);
        if (fromStyle) reference = paragraph.level === undefined ? fromStyle : { ...fromStyle, level: paragraph.level };
      }
      if (reference) label = context.numberer.next(reference);
    }
    const text = collapse(paragraph.text);
    if (text === "") return;
    const fullText = collapse(label + text);
    const source = position(paragraph.offset, endOffset, paragraph.path);
    let heading: number | "title" | undefined;
    if (paragraph.outlineLevel !== undefined) {
      heading = paragraph.outlineLevel <= 8 ? paragraph.outlineLevel + 1 : undefined;
    } else {
      heading = headingOf(styleId);
    }
    const container = containers[containers.length - 1] as Container;
    const block: Block =
      heading === undefined
        ? { type: "paragraph", text: fullText, source }
        : heading === "title"
          ? { type: "heading", text: fullText, source }
          : { type: "heading", level: heading, text: fullText, source };
    container.blocks.push(block);
    container.texts.push(block);
  };

  const cellText = (cell: CellState): string =>
    flatten(cell.texts)
      .map((block) => (block.type === "table" ? "" : block.text))
      .join("\n");

  const isPlainRow = (row: RowState) =>
    row.cells.length === 1 && row.gridBefore === 0 && row.gridAfter === 0 && row.cells[0]?.gridSpan === 1;

  /** Place a closed row's cells in the table's grid, then let its cells go. */
  const placeRow = (table: TableState, grid: GridSlot[][], row: RowState) => {
    const rowIndex = grid.length;
    const slots: GridSlot[] = [];
    let column = Math.min(row.gridBefore, maxTableColumns);
    let previous: GridSlot | undefined;
    for (const cell of row.cells) {
      if (column >= maxTableColumns) {
        if (!table.clamped) {
          table.clamped = true;
          context.diagnostics.push(
            limitDiagnostic(
              {
                zh: `表格超过 ${maxTableColumns} 列，超出部分的单元格未导入。`,
                en: `A table row is wider than ${maxTableColumns} columns; the cells past that were not imported.`,
              },
              position(cell.offset, cell.endOffset, cell.path),
            ),
          );
        }
        break;
      }
      const span = Math.max(1, Math.min(cell.gridSpan, maxTableColumns - column));
      const text = cellText(cell);
      const above = rowIndex > 0 ? grid[rowIndex - 1]?.[column] : undefined;
      let slot: GridSlot;
      if (cell.hMergeContinue && previous) {
        slot = previous;
        slot.colSpan += span;
        if (text !== "") slot.text = slot.text === "" ? text : `${slot.text}\n${text}`;
      } else if (
        cell.vMerge === "continue" &&
        above &&
        table.vertical.has(above) &&
        above.origin.column === column &&
        above.colSpan === span
      ) {
        slot = above;
        slot.rowSpan = rowIndex - slot.origin.row + 1;
        if (text !== "") slot.text = slot.text === "" ? text : `${slot.text}\n${text}`;
      } else {
        slot = {
          text,
          source: position(cell.offset, cell.endOffset, cell.path),
          origin: { row: rowIndex, column },
          rowSpan: 1,
          colSpan: span,
          ...(row.header ? { header: true as const } : {}),
        };
        if (cell.vMerge !== undefined) table.vertical.add(slot);
      }
      for (let offset = 0; offset < span; offset++) slots[column + offset] = slot;
      column += span;
      previous = slot;
      if (cell.tables.length > 0) table.nested.push(cell.tables);
    }
    column = Math.min(column + row.gridAfter, maxTableColumns);
    slots.length = Math.max(slots.length, column);
    table.width = Math.max(table.width, column);
    grid.push(slots);
    // The limit is checked as the grid grows, so an oversized table is refused before it is built.
    if (slotsUsed + table.width * grid.length > context.maxTableSlots) {
      throw new DocxReadError({
        code: "too-complex",
        message: `${context.part}: the tables need more than ${context.maxTableSlots} grid slots (at offset ${table.offset}).`,
        part: context.part,
        offset: table.offset,
      });
    }
  };

  const closeRow = (table: TableState, row: RowState) => {
    if (row.deleted) return;
    if (table.grid === undefined) {
      if (isPlainRow(row)) {
        table.pending.push(row);
        return;
      }
      const grid: GridSlot[][] = [];
      table.grid = grid;
      for (const pending of table.pending) placeRow(table, grid, pending);
      table.pending = [];
    }
    placeRow(table, table.grid, row);
  };

  const finishTable = (table: TableState, endOffset: number) => {
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
    const width = table.width;
    // A table without a single slot (rows without cells) has nothing to say.
    if (width === 0) return;
    slotsUsed += width * grid.length;
    grid.forEach((slots, rowIndex) => {
      for (let column = 0; column < width; column++) {
        slots[column] ??= { text: "", origin: { row: rowIndex, column }, rowSpan: 1, colSpan: 1 };
      }
    });
    const block: TableBlock = {
      type: "table",
      rows: grid,
      spansKnown: true,
      source: position(table.offset, endOffset, table.path),
    };
    // Tables nested in the cells follow the table that holds them, in row order.
    table.container.blocks.push(block);
    table.container.tables.push(block);
    for (const nested of table.nested) {
      table.container.blocks.push(nested);
      table.container.tables.push(nested);
    }
  };

  parseXml(
    xml,
    context.part,
    {
      start(name, attributes, offset) {
        const parentFrame = frames[frames.length - 1];
        const parent = parentFrame?.name;
        let index = 0;
        // Children of runs and property elements never hold blocks: they are not counted.
        if (parentFrame && name !== "w:body" && parent !== "w:r" && !parent?.endsWith("Pr")) {
          parentFrame.childCounts ??= new Map();
          index = (parentFrame.childCounts.get(name) ?? 0) + 1;
          parentFrame.childCounts.set(name, index);
        }
        const frame: Frame = { name, parent: parentFrame, index };
        frames.push(frame);
        if (name === "w:del" && parent === "w:trPr" && skipDepth === 0) {
          // A row a tracked change deleted is left out of the grid.
          const row = tables[tables.length - 1]?.row;
          if (row) row.deleted = true;
        }
        if (
          skipDepth > 0 ||
          skippedElements.has(name) ||
          // A content control showing its placeholder ("单击或点击此处输入文字") has no content.
          (name === "w:sdtContent" && parentFrame?.placeholder === true)
        ) {
          skipDepth++;
          return;
        }
        const paragraph = paragraphs[paragraphs.length - 1];
        const value = attributes.get("w:val");
        switch (name) {
          case "w:p":
            paragraphs.push({ offset, path: currentPath(), text: "" });
            frame.opened = "paragraph";
            return;
          case "w:tab":
          case "w:ptab":
          case "w:br":
          case "w:cr":
          case "w:noBreakHyphen":
            if (paragraph && parent === "w:r") {
              paragraph.text += name === "w:tab" || name === "w:ptab" ? "\t" : name === "w:noBreakHyphen" ? "-" : "\n";
            }
            return;
          case "w:showingPlcHdr": {
            const control = parentFrame?.parent;
            if (parent === "w:sdtPr" && control?.name === "w:sdt")
              control.placeholder = value !== "0" && value !== "false";
            return;
          }
          case "w:vanish": {
            const run = parentFrame?.parent;
            if (parent === "w:rPr" && run?.name === "w:r")
              run.hidden = value !== "0" && value !== "false" && value !== "off";
            return;
          }
          case "w:pStyle":
            if (paragraph && parent === "w:pPr" && value !== undefined) paragraph.styleId = value;
            return;
          case "w:outlineLvl": {
            const level = readOutlineLevel(value);
            if (paragraph && parent === "w:pPr" && level !== undefined) paragraph.outlineLevel = level;
            return;
          }
          case "w:numId":
            if (paragraph && parent === "w:numPr" && value !== undefined) paragraph.numId = value;
            return;
          case "w:ilvl":
            if (paragraph && parent === "w:numPr" && value !== undefined && /^\d$/.test(value)) {
              paragraph.level = Number(value);
            }
            return;
          case "w:tbl":
            tables.push({
              offset,
              path: currentPath(),
              container: containers[containers.length - 1] as Container,
              row: undefined,
              pending: [],
              grid: undefined,
              width: 0,
              clamped: false,
              vertical: new Set(),
              nested: [],
            });
            frame.opened = "table";
            return;
          case "w:tr": {
            const table = tables[tables.length - 1];
            if (table && !table.row) {
              table.row = { cells: [], gridBefore: 0, gridAfter: 0, header: false, deleted: false };
              frame.opened = "row";
            }
            return;
          }
          case "w:gridBefore":
          case "w:gridAfter":
          case "w:tblHeader": {
            const row = tables[tables.length - 1]?.row;
            if (!row || parent !== "w:trPr") return;
            if (name === "w:tblHeader") row.header = value !== "0" && value !== "false" && value !== "off";
            else if (name === "w:gridBefore") row.gridBefore = spanValue(value, 0);
            else row.gridAfter = spanValue(value, 0);
            return;
          }
          case "w:tc": {
            const row = tables[tables.length - 1]?.row;
            if (!row || cells[cells.length - 1]?.row === row) return;
            const cell: CellState = {
              row,
              offset,
              path: currentPath(),
              blocks: [],
              texts: [],
              tables: [],
              gridSpan: 1,
              hMergeContinue: false,
              endOffset: offset,
            };
            row.cells.push(cell);
            cells.push(cell);
            containers.push(cell);
            frame.opened = "cell";
            return;
          }
          case "w:gridSpan":
          case "w:vMerge":
          case "w:hMerge": {
            const cell = cells[cells.length - 1];
            if (!cell || parent !== "w:tcPr") return;
            if (name === "w:gridSpan") cell.gridSpan = Math.max(1, spanValue(value, 1));
            else if (name === "w:vMerge") cell.vMerge = value === "restart" ? "restart" : "continue";
            else cell.hMergeContinue = value !== "restart";
            return;
          }
          default:
            return;
        }
      },
      end(_name, endOffset) {
        const frame = frames.pop();
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        switch (frame?.opened) {
          case "paragraph": {
            const paragraph = paragraphs.pop();
            if (paragraph) finishParagraph(paragraph, endOffset);
            return;
          }
          case "cell": {
            const cell = cells.pop();
            if (cell) cell.endOffset = endOffset;
            containers.pop();
            return;
          }
          case "row": {
            const table = tables[tables.length - 1];
            if (table?.row) closeRow(table, table.row);
            if (table) table.row = undefined;
            return;
          }
          case "table": {
            const table = tables.pop();
            if (table) finishTable(table, endOffset);
            return;
          }
          default:
            return;
        }
      },
      text(text) {
        if (skipDepth > 0) return;
        const top = frames[frames.length - 1];
        const paragraph = paragraphs[paragraphs.length - 1];
        // A line break in the XML text is only whitespace: Word breaks lines at w:br and w:cr.
        if (paragraph && top?.name === "w:t" && top.parent?.hidden !== true)
          paragraph.text += text.replace(/[\r\n]/g, " ");
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
