// Test support: builds .docx files for the tests. Not part of the package (not exported).
import { type Cell, type Report, tableLayout } from "@gongkai/core";
import { concatBytes } from "@gongkai/test-reports";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { strToU8, type Zippable, zipSync } from "fflate";

/** One source cell of a table layout, HTML-style: only the cell's top-left position is listed. */
export interface LayoutCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

/** A table layout: rows of the cells that start in them. */
export type Layout = LayoutCell[][];

/** An expected grid slot. */
export interface ExpectedSlot {
  readonly text: string;
  readonly origin: { readonly row: number; readonly column: number };
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * Expand a layout the way the HTML table model does (each cell takes the first free slot of its
 * row): an algorithm independent of the reader's vMerge bookkeeping, to compute expected grids.
 */
export function expandLayout(layout: Layout): ExpectedSlot[][] {
  const grid: ExpectedSlot[][] = layout.map(() => []);
  layout.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[row]?.[column]) column++;
      const slot: ExpectedSlot = {
        text: cell.text,
        origin: { row, column },
        rowSpan: cell.rowSpan ?? 1,
        colSpan: cell.colSpan ?? 1,
      };
      for (let r = row; r < row + slot.rowSpan; r++) {
        for (let c = column; c < column + slot.colSpan; c++) (grid[r] as ExpectedSlot[])[c] = slot;
      }
      column += slot.colSpan;
    }
  });
  return grid;
}

/** What a cell prints as: its number, "" for blank, "/" for not applicable. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.kind === "blank" || cell.kind === "unread") return "";
  if (cell.kind === "notApplicable") return "/";
  return String(cell.value);
}

/**
 * A table laid out as the official form prints it: core's printed layout (`tableLayout`, the one
 * every renderer reads), with the report's values in the data cells.
 */
export function printedLayout(report: Report, table: "table3" | "table4"): Layout {
  const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
  return tableLayout(report.edition, table).sections.flatMap((section) =>
    section.rows.map((row) =>
      row.map(
        (cell): LayoutCell =>
          cell.kind === "header"
            ? { text: cell.text, colSpan: cell.colSpan, rowSpan: cell.rowSpan }
            : { text: cellText(rows?.[cell.row.key]?.[cell.column.key]), colSpan: cell.colSpan },
      ),
    ),
  );
}

function docxTable(layout: Layout): Table {
  return new Table({
    rows: layout.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph(cell.text)],
                ...(cell.colSpan === undefined ? {} : { columnSpan: cell.colSpan }),
                ...(cell.rowSpan === undefined ? {} : { rowSpan: cell.rowSpan }),
              }),
          ),
        }),
    ),
  });
}

/**
 * A report written as a .docx with the `docx` package: the title (Title style), each part's
 * heading (Heading 1) and blocks (sub-headings as Heading 2), and tables 三 and 四 in the
 * official layouts after the headings of parts 三 and 四.
 */
export async function reportDocx(report: Report): Promise<{ bytes: Uint8Array; table3: Layout; table4: Layout }> {
  const table3 = printedLayout(report, "table3");
  const table4 = printedLayout(report, "table4");
  const children: (Paragraph | Table)[] = [];
  if (report.meta.title) children.push(new Paragraph({ text: report.meta.title, heading: HeadingLevel.TITLE }));
  for (const block of report.preamble) children.push(new Paragraph(block.text));
  for (const part of report.parts) {
    children.push(new Paragraph({ text: part.heading, heading: HeadingLevel.HEADING_1 }));
    for (const block of part.blocks) {
      children.push(
        block.type === "subheading"
          ? new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })
          : new Paragraph(block.text),
      );
    }
    if (part.code === "applications") children.push(docxTable(table3));
    if (part.code === "reviewLitigation") children.push(docxTable(table4));
  }
  const document = new Document({
    ...(report.meta.title === undefined ? {} : { title: report.meta.title }),
    sections: [{ children }],
  });
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), table3, table4 };
}

const wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A `word/document.xml` around a body, with the `w` prefix bound (or another prefix, to test binding). */
export function documentXml(body: string, prefix = "w"): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${prefix}:document xmlns:${prefix}="${wordNamespace}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<${prefix}:body>${body}</${prefix}:body></${prefix}:document>`
  );
}

/** A `word/styles.xml` with the given `<w:style>` elements. */
export function stylesXml(styles: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<w:styles xmlns:w="${wordNamespace}">${styles}</w:styles>`;
}

/** A `word/numbering.xml` with the given content. */
export function numberingXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<w:numbering xmlns:w="${wordNamespace}">${content}</w:numbering>`;
}

/** Zip parts into an archive with fflate (strings are written as UTF-8). */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files);
}

/** A minimal .docx: just `word/document.xml` (plus any extra parts). */
export function minimalDocx(body: string, extraParts: Record<string, string | Uint8Array> = {}): Uint8Array {
  return zipParts({ "word/document.xml": documentXml(body), ...extraParts });
}

/** A paragraph element with one run of text. */
export function p(text: string, properties = ""): string {
  return `<w:p>${properties === "" ? "" : `<w:pPr>${properties}</w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A table cell with one paragraph per text and optional cell properties. */
export function tc(text: string | string[], properties = ""): string {
  const texts = Array.isArray(text) ? text : [text];
  return `<w:tc>${properties === "" ? "" : `<w:tcPr>${properties}</w:tcPr>`}${texts.map((line) => p(line)).join("")}</w:tc>`;
}

/** An entry for {@link rawZip}: the bytes as stored and the header fields to claim, true or not. */
export interface RawZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly uncompressedSize: number;
  readonly flags?: number;
}

/**
 * Write a zip archive byte by byte, with whatever sizes and CRCs the entries claim (the local and
 * central headers say the same thing): for archives that lie. With `zip64`, every size and offset
 * goes into ZIP64 extra fields and a ZIP64 end record, as streaming writers do.
 */
export function rawZip(entries: readonly RawZipEntry[], options: { zip64?: boolean } = {}): Uint8Array {
  const zip64 = options.zip64 ?? false;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const localExtra = zip64 ? 20 : 0;
    const local = new Uint8Array(30 + name.length + localExtra);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, zip64 ? 45 : 20, true);
    view.setUint16(6, entry.flags ?? 0, true);
    view.setUint16(8, entry.method, true);
    view.setUint32(14, entry.crc, true);
    view.setUint32(18, zip64 ? 0xffffffff : entry.data.length, true);
    view.setUint32(22, zip64 ? 0xffffffff : entry.uncompressedSize, true);
    view.setUint16(26, name.length, true);
    view.setUint16(28, localExtra, true);
    local.set(name, 30);
    if (zip64) {
      view.setUint16(30 + name.length, 1, true);
      view.setUint16(32 + name.length, 16, true);
      view.setBigUint64(34 + name.length, BigInt(entry.uncompressedSize), true);
      view.setBigUint64(42 + name.length, BigInt(entry.data.length), true);
    }
    const centralExtra = zip64 ? 28 : 0;
    const header = new Uint8Array(46 + name.length + centralExtra);
    const headerView = new DataView(header.buffer);
    headerView.setUint32(0, 0x02014b50, true);
    headerView.setUint16(4, zip64 ? 45 : 20, true);
    headerView.setUint16(6, zip64 ? 45 : 20, true);
    headerView.setUint16(8, entry.flags ?? 0, true);
    headerView.setUint16(10, entry.method, true);
    headerView.setUint32(16, entry.crc, true);
    headerView.setUint32(20, zip64 ? 0xffffffff : entry.data.length, true);
    headerView.setUint32(24, zip64 ? 0xffffffff : entry.uncompressedSize, true);
    headerView.setUint16(28, name.length, true);
    headerView.setUint16(30, centralExtra, true);
    headerView.setUint32(42, zip64 ? 0xffffffff : offset, true);
    header.set(name, 46);
    if (zip64) {
      headerView.setUint16(46 + name.length, 1, true);
      headerView.setUint16(48 + name.length, 24, true);
      headerView.setBigUint64(50 + name.length, BigInt(entry.uncompressedSize), true);
      headerView.setBigUint64(58 + name.length, BigInt(entry.data.length), true);
      headerView.setBigUint64(66 + name.length, BigInt(offset), true);
    }
    chunks.push(local, entry.data);
    central.push(header);
    offset += local.length + entry.data.length;
  }
  const directorySize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const trailer: Uint8Array[] = [];
  if (zip64) {
    const record = new Uint8Array(56);
    const recordView = new DataView(record.buffer);
    recordView.setUint32(0, 0x06064b50, true);
    recordView.setBigUint64(4, 44n, true);
    recordView.setUint16(12, 45, true);
    recordView.setUint16(14, 45, true);
    recordView.setBigUint64(24, BigInt(entries.length), true);
    recordView.setBigUint64(32, BigInt(entries.length), true);
    recordView.setBigUint64(40, BigInt(directorySize), true);
    recordView.setBigUint64(48, BigInt(offset), true);
    const locator = new Uint8Array(20);
    const locatorView = new DataView(locator.buffer);
    locatorView.setUint32(0, 0x07064b50, true);
    locatorView.setBigUint64(8, BigInt(offset + directorySize), true);
    locatorView.setUint32(16, 1, true);
    trailer.push(record, locator);
  }
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, zip64 ? 0xffff : entries.length, true);
  endView.setUint16(10, zip64 ? 0xffff : entries.length, true);
  endView.setUint32(12, zip64 ? 0xffffffff : directorySize, true);
  endView.setUint32(16, zip64 ? 0xffffffff : offset, true);
  return concatBytes(...chunks, ...central, ...trailer, end);
}
