import type { Diagnostic, SourcePosition } from "@gongkai/core";
import type { Block, TableBlock, TableSlot } from "@gongkai/recognize";
import { importRules } from "@gongkai/recognize";
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
  readonly segment: string;
  readonly childCounts: Map<string, number>;
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

interface CellState {
  readonly row: RowState;
  readonly offset: number;
  readonly path: string;
  readonly blocks: Block[];
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
}

interface TableState {
  readonly offset: number;
  readonly path: string;
  readonly rows: RowState[];
  /** The blocks of the container the table sits in, where it is emitted when it closes. */
  readonly container: Block[];
  /** The open row, if any. */
  row: RowState | undefined;
}

interface CellBox {
  text: string;
  readonly source: SourcePosition;
  readonly row: number;
  readonly column: number;
  rowSpan: number;
  colSpan: number;
  readonly vertical: boolean;
  readonly header: boolean;
}

/** Elements whose content is not part of the document's flow (alternate renderings, text boxes). */
const skippedElements = new Set(["mc:Fallback", "w:txbxContent"]);

function localName(name: string): string {
  const brace = name.lastIndexOf("}");
  if (brace >= 0) return name.slice(brace + 1);
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Collapse whitespace inside each line, keep line breaks, trim. */
function collapse(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

function spanValue(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}

function limitDiagnostic(message: { zh: string; en: string }, source: SourcePosition): Diagnostic {
  return {
    ruleId: "import/limit-exceeded",
    severity: importRules["import/limit-exceeded"].defaultSeverity,
    message,
    location: { pointer: "", source },
  };
}

/**
 * Read `word/document.xml` into blocks: paragraphs (headings when their style or outline level
 * says so, list labels prefixed), and tables expanded into slot grids. A table of one cell is a
 * layout frame and is unwrapped; a table nested in a cell is emitted as its own block after the
 * table that holds it.
 */
export function readDocumentBlocks(xml: string, context: DocumentContext): Block[] {
  const lines = new LineIndex(xml);
  const position = (offset: number, endOffset: number | undefined, path: string): SourcePosition => {
    const start = lines.locate(offset);
    if (endOffset === undefined) return { line: start.line, column: start.column, offset, path };
    const end = lines.locate(endOffset);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset, endOffset, path };
  };

  const body: Block[] = [];
  const containers: Block[][] = [body];
  const frames: Frame[] = [];
  const paragraphs: ParagraphState[] = [];
  const tables: TableState[] = [];
  const cells: CellState[] = [];
  let skipDepth = 0;
  let slotsUsed = 0;

  const currentPath = (): string =>
    frames
      .map((frame) => frame.segment)
      .filter((segment) => segment !== "")
      .join(">");

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
                level: paragraph.level ?? numberingOfStyle(context.styles, styleId)?.level ?? 0,
              };
      } else {
        const fromStyle = numberingOfStyle(context.styles, styleId);
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
      heading = headingOfStyle(context.styles, styleId);
    }
    const container = containers[containers.length - 1] as Block[];
    if (heading === undefined) container.push({ type: "paragraph", text: fullText, source });
    else if (heading === "title") container.push({ type: "heading", text: fullText, source });
    else container.push({ type: "heading", level: heading, text: fullText, source });
  };

  const cellText = (cell: CellState): string =>
    cell.blocks
      .flatMap((block) => (block.type === "table" ? [] : [block.text]))
      .join("\n")
      .trim();

  const finishTable = (table: TableState, endOffset: number) => {
    const boxes: (CellBox | undefined)[][] = [];
    let width = 0;
    table.rows.forEach((row, rowIndex) => {
      const slots: (CellBox | undefined)[] = [];
      let column = Math.min(row.gridBefore, maxTableColumns);
      let previous: CellBox | undefined;
      for (const cell of row.cells) {
        const source = position(cell.offset, cell.endOffset, cell.path);
        if (column >= maxTableColumns) {
          context.diagnostics.push(
            limitDiagnostic(
              {
                zh: `表格超过 ${maxTableColumns} 列，超出部分的单元格未导入。`,
                en: `A table row is wider than ${maxTableColumns} columns; the cells past that were not imported.`,
              },
              source,
            ),
          );
          break;
        }
        const span = Math.max(1, Math.min(cell.gridSpan, maxTableColumns - column));
        const text = cellText(cell);
        const above = rowIndex > 0 ? boxes[rowIndex - 1]?.[column] : undefined;
        let box: CellBox;
        if (cell.hMergeContinue && previous) {
          box = previous;
          box.colSpan += span;
          if (text !== "") box.text = box.text === "" ? text : `${box.text}\n${text}`;
        } else if (
          cell.vMerge === "continue" &&
          above &&
          above.vertical &&
          above.column === column &&
          above.colSpan === span
        ) {
          box = above;
          box.rowSpan = rowIndex - box.row + 1;
          if (text !== "") box.text = box.text === "" ? text : `${box.text}\n${text}`;
        } else {
          box = {
            text,
            source,
            row: rowIndex,
            column,
            rowSpan: 1,
            colSpan: span,
            vertical: cell.vMerge !== undefined,
            header: row.header,
          };
        }
        for (let offset = 0; offset < span; offset++) slots[column + offset] = box;
        column += span;
        previous = box;
      }
      column = Math.min(column + row.gridAfter, maxTableColumns);
      slots.length = Math.max(slots.length, column);
      width = Math.max(width, column);
      boxes.push(slots);
    });
    const tablePath = table.path;
    const tableSource = position(table.offset, endOffset, tablePath);
    slotsUsed += width * boxes.length;
    if (slotsUsed > context.maxTableSlots) {
      throw new DocxReadError({
        code: "too-complex",
        message: `${context.part}: the tables need more than ${context.maxTableSlots} grid slots (at offset ${table.offset}).`,
        part: context.part,
        offset: table.offset,
      });
    }
    const slotOf = new Map<CellBox, TableSlot>();
    const rows: TableSlot[][] = boxes.map((slots, rowIndex) => {
      const out: TableSlot[] = [];
      for (let column = 0; column < width; column++) {
        const box = slots[column];
        if (!box) {
          out.push({ text: "", origin: { row: rowIndex, column }, rowSpan: 1, colSpan: 1 });
          continue;
        }
        let slot = slotOf.get(box);
        if (!slot) {
          slot = {
            text: box.text,
            source: box.source,
            origin: { row: box.row, column: box.column },
            rowSpan: box.rowSpan,
            colSpan: box.colSpan,
            ...(box.header ? { header: true } : {}),
          };
          slotOf.set(box, slot);
        }
        out.push(slot);
      }
      return out;
    });
    const nested = table.rows.flatMap((row) =>
      row.cells.flatMap((cell) => cell.blocks.filter((block) => block.type === "table")),
    );
    const onlyCell = table.rows.length === 1 && width === 1 ? table.rows[0]?.cells[0] : undefined;
    if (onlyCell) {
      // A one-cell table is a layout frame: its content is the document's content.
      for (const child of onlyCell.blocks) table.container.push(child);
      return;
    }
    const block: TableBlock = { type: "table", rows, spansKnown: true, source: tableSource };
    table.container.push(block);
    for (const child of nested) table.container.push(child);
  };

  parseXml(
    xml,
    context.part,
    {
      start(name, attributes, offset) {
        const parentFrame = frames[frames.length - 1];
        const parent = parentFrame?.name;
        const local = localName(name);
        let segment = "";
        if (parentFrame) {
          const count = (parentFrame.childCounts.get(name) ?? 0) + 1;
          parentFrame.childCounts.set(name, count);
          segment = name === "w:body" ? local : `${local}[${count}]`;
        } else {
          segment = local;
        }
        const frame: Frame = { name, segment, childCounts: new Map() };
        frames.push(frame);
        if (skipDepth > 0 || skippedElements.has(name)) {
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
          case "w:br":
          case "w:cr":
          case "w:noBreakHyphen":
            if (paragraph && parent === "w:r") {
              paragraph.text += name === "w:tab" ? "\t" : name === "w:noBreakHyphen" ? "-" : "\n";
            }
            return;
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
              rows: [],
              container: containers[containers.length - 1] as Block[],
              row: undefined,
            });
            frame.opened = "table";
            return;
          case "w:tr": {
            const table = tables[tables.length - 1];
            if (table && !table.row) {
              table.row = { cells: [], gridBefore: 0, gridAfter: 0, header: false };
              table.rows.push(table.row);
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
              gridSpan: 1,
              hMergeContinue: false,
              endOffset: offset,
            };
            row.cells.push(cell);
            cells.push(cell);
            containers.push(cell.blocks);
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
        if (paragraph && top?.name === "w:t") paragraph.text += text;
      },
    },
    context.maxDepth,
  );
  return body;
}
