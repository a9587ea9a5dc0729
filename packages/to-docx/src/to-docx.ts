import {
  formatDate,
  getEdition,
  groupsPrintedAsRows,
  listEditions,
  type NarrativeBlock,
  type Report,
  ReportValidationError,
  type SectionCode,
  sectionCodes,
  type TableId,
} from "@gongkai/core";
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImportedXmlComponent,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from "docx";
import { DocxOptionsError } from "./docx-options-error";
import { corePropertiesXml, setZipTimestamps } from "./package-bytes";
import {
  type DocxLayout,
  type DocxPreset,
  type DocxPresetOverrides,
  gbt9704Preset,
  mergePreset,
  resolveDocxLayout,
} from "./preset";
import { type DocxTableGrid, type LayoutCell, layoutTable } from "./table-layout";
import { sanitizeText } from "./text";

/** Options for {@link toDocx}. */
export interface ToDocxOptions {
  /**
   * Page and type settings, merged field by field over {@link gbt9704Preset}, e.g.
   * `{ fonts: { latin: null }, fontSizes: { table: 12 } }`.
   */
  readonly preset?: DocxPresetOverrides;
  /**
   * The date stamped into the document (core properties created/modified, zip entry times), as
   * an ISO 8601 date or date-time. Defaults to the report's `meta.publishedDate`, else 31
   * December of the report year, so the same report always gives the same bytes.
   */
  readonly date?: string;
}

/** The part that prints each table. */
const partOfTable: Record<TableId, SectionCode> = {
  table2: "activeDisclosure",
  table3: "applications",
  table4: "reviewLitigation",
};

const tableOfPart: Partial<Record<SectionCode, TableId>> = {
  activeDisclosure: "table2",
  applications: "table3",
  reviewLitigation: "table4",
};

/** The paragraph style of the title, table text and page numbers. */
const gridFreeStyleId = "GongkaiGridFree";

/** The paragraph style of table cells: off the grid, table font and size, exact table line height. */
const tableTextStyleId = "GongkaiTableText";

/** An XML element for the styles part, for what docx has no option for. */
function element(
  name: string,
  attributes?: Record<string, string>,
  children: readonly ImportedXmlComponent[] = [],
): ImportedXmlComponent {
  const component = new ImportedXmlComponent(name, attributes);
  for (const child of children) component.push(child);
  return component;
}

/** Exact line spacing with no space before or after, as `w:spacing`. */
function exactSpacing(line: number): ImportedXmlComponent {
  return element("w:spacing", { "w:before": "0", "w:after": "0", "w:line": String(line), "w:lineRule": "exact" });
}

/** The run font (all four slots) as `w:rFonts`. */
function runFonts(font: Fonts): ImportedXmlComponent {
  return element("w:rFonts", {
    "w:ascii": font.ascii,
    "w:hAnsi": font.hAnsi,
    "w:eastAsia": font.eastAsia,
    "w:cs": font.cs,
  });
}

/** A font size in half-points, for both script slots (`w:sz`, `w:szCs`). */
function fontSize(halfPoints: number): ImportedXmlComponent[] {
  const value = String(halfPoints);
  return [element("w:sz", { "w:val": value }), element("w:szCs", { "w:val": value })];
}

/**
 * The Normal style: body font and size (Word and LibreOffice size the character grid from it),
 * exact line pitch, and no hanging punctuation (`w:overflowPunct w:val="0"`), so that no line is
 * wider than the text block. docx writes `overflowPunct` only when true, so the style is XML.
 */
function normalStyle(layout: DocxLayout, font: Fonts): ImportedXmlComponent {
  return element("w:style", { "w:type": "paragraph", "w:default": "1", "w:styleId": "Normal" }, [
    element("w:name", { "w:val": "Normal" }),
    element("w:qFormat"),
    element("w:pPr", undefined, [element("w:overflowPunct", { "w:val": "0" }), exactSpacing(layout.linePitch)]),
    element("w:rPr", undefined, [runFonts(font), ...fontSize(layout.bodySize)]),
  ]);
}

/**
 * The style of table text, based on {@link gridFreeStyle}: the table font (East Asian and Latin
 * slots), size and exact line height live here once instead of on each of the hundreds of cells.
 */
function tableTextStyle(layout: DocxLayout, font: Fonts): ImportedXmlComponent {
  return element("w:style", { "w:type": "paragraph", "w:customStyle": "1", "w:styleId": tableTextStyleId }, [
    element("w:name", { "w:val": "Gongkai Table Text" }),
    element("w:basedOn", { "w:val": gridFreeStyleId }),
    element("w:qFormat"),
    element("w:pPr", undefined, [exactSpacing(layout.tableLineSpacing)]),
    element("w:rPr", undefined, [
      runFonts(font),
      element("w:snapToGrid", { "w:val": "0" }),
      ...fontSize(layout.tableSize),
    ]),
  ]);
}

/**
 * A paragraph style that does not snap to the document grid (`w:snapToGrid w:val="0"`), so table
 * text keeps its own exact line height in LibreOffice (which snaps table lines to the line grid
 * otherwise) and its own character pitch in Word.
 */
function gridFreeStyle(): ImportedXmlComponent {
  return element("w:style", { "w:type": "paragraph", "w:customStyle": "1", "w:styleId": gridFreeStyleId }, [
    element("w:name", { "w:val": "Gongkai Grid Free" }),
    element("w:basedOn", { "w:val": "Normal" }),
    element("w:qFormat"),
    element("w:pPr", undefined, [element("w:snapToGrid", { "w:val": "0" })]),
  ]);
}

type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string };

function fontsFor(eastAsia: string, latin: string | null): Fonts {
  const western = latin ?? eastAsia;
  return { ascii: western, hAnsi: western, eastAsia, cs: western };
}

/** Runs for a text: newlines become line breaks, tabs become tab characters. */
function runs(
  text: string,
  style: { font: Fonts; size: number; snapToGrid?: boolean; characterSpacing?: number },
): TextRun[] {
  return sanitizeText(text)
    .split("\n")
    .map((line, index) => {
      const parts = line.split("\t");
      const children = parts.flatMap((part, partIndex) => (partIndex === 0 ? [part] : [new Tab(), part]));
      return new TextRun({
        children,
        font: style.font,
        size: style.size,
        ...(index > 0 ? { break: 1 } : {}),
        ...(style.snapToGrid === false ? { snapToGrid: false } : {}),
        ...(style.characterSpacing ? { characterSpacing: style.characterSpacing } : {}),
      });
    });
}

function parseDate(options: ToDocxOptions, report: Report): Date {
  const text = options.date ?? report.meta.publishedDate ?? `${report.meta.year}-12-31`;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) {
    throw new DocxOptionsError({ option: "date", message: `not an ISO 8601 date: ${JSON.stringify(text)}` });
  }
  return date;
}

/** 成文日期 as GB/T 9704 §7.3.5.1 prints it: Arabic numerals, no leading zeros (2021年2月9日). */
function closingDate(publishedDate: string | undefined): string | undefined {
  if (publishedDate === undefined) return undefined;
  const written = formatDate(publishedDate, "zh");
  return written === publishedDate ? undefined : written;
}

/**
 * The agency facts no report prints, as DOCX custom properties a gongkai importer reads back:
 * `gongkai.agencyKind`, `gongkai.agencyKindInferred` when the kind was inferred, and
 * `gongkai.agencyRegion` when known.
 */
function agencyProperties(agency: Report["meta"]["agency"]): { name: string; value: string }[] {
  const properties: { name: string; value: string }[] = [{ name: "gongkai.agencyKind", value: agency.kind }];
  if (agency.kindInferred === true) properties.push({ name: "gongkai.agencyKindInferred", value: "true" });
  if (agency.region !== undefined)
    properties.push({ name: "gongkai.agencyRegion", value: sanitizeText(agency.region) });
  return properties;
}

/** The document title: `meta.title`, else 「{agency}{year}年政府信息公开工作年度报告」. */
function titleOf(report: Report): string {
  const given = report.meta.title?.trim();
  if (given) return given;
  return `${report.meta.agency.name.trim()}${report.meta.year}年政府信息公开工作年度报告`;
}

class Renderer {
  readonly #preset: DocxPreset;
  readonly #layout: DocxLayout;
  readonly #bodyFont: Fonts;

  constructor(preset: DocxPreset, layout: DocxLayout) {
    this.#preset = preset;
    this.#layout = layout;
    this.#bodyFont = fontsFor(preset.fonts.body, preset.fonts.latin);
  }

  #bodyLine() {
    return { line: this.#layout.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  }

  title(text: string): Paragraph[] {
    const { fonts } = this.#preset;
    const title = new Paragraph({
      // Off the grid: LibreOffice gives a 22 pt line two grid lines otherwise; Word keeps the exact pitch either way.
      style: gridFreeStyleId,
      alignment: AlignmentType.CENTER,
      spacing: this.#bodyLine(),
      children: runs(text, { font: fontsFor(fonts.title, fonts.latin), size: this.#layout.titleSize }),
    });
    const blank = Array.from({ length: Math.max(0, Math.floor(this.#preset.linesAfterTitle)) }, () =>
      this.#paragraph("", this.#bodyFont),
    );
    return [title, ...blank];
  }

  #paragraph(text: string, font: Fonts, keepNext = false, outlineLevel?: number): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.BOTH,
      ...(keepNext ? { keepNext: true } : {}),
      ...(outlineLevel === undefined ? {} : { outlineLevel }),
      spacing: this.#bodyLine(),
      indent: { firstLine: this.#layout.firstLineIndent },
      children: runs(text, {
        font,
        size: this.#layout.bodySize,
        ...(this.#preset.characterGrid ? {} : { characterSpacing: this.#layout.bodyCharacterSpacing }),
      }),
    });
  }

  /** A part heading (一、…), at outline level 0 so Word's navigation pane lists it. */
  heading1(text: string): Paragraph {
    return this.#paragraph(text, fontsFor(this.#preset.fonts.heading1, this.#preset.fonts.latin), true, 0);
  }

  /** A paragraph, or a sub-heading （一）… at outline level 1. */
  block(block: NarrativeBlock): Paragraph {
    return block.type === "subheading"
      ? this.#paragraph(block.text, fontsFor(this.#preset.fonts.heading2, this.#preset.fonts.latin), true, 1)
      : this.#paragraph(block.text, this.#bodyFont);
  }

  /**
   * The closing (GB/T 9704 §7.3.5): a blank line, the agency's name centred over the date, and
   * the date 右空四字. Widths are estimated in body characters (see `widthOf`).
   */
  closing(agency: string, date: string | undefined): Paragraph[] {
    const name = sanitizeText(agency).replace(/\s+/g, " ").trim();
    if (name === "" && date === undefined) return [];
    const character = this.#layout.bodyCharacterWidth;
    const dateIndent = this.#layout.closingDateRightIndent;
    // Latin glyphs count half a character; Word and LibreOffice put a small space (about a fifth of
    // a character) where Chinese text meets Latin letters or digits (autoSpaceDE/autoSpaceDN).
    const widthOf = (text: string) => {
      let width = 0;
      let previous: boolean | undefined;
      for (const glyph of text) {
        const latin = glyph.charCodeAt(0) < 0x2e80;
        width += latin ? character / 2 : character;
        if (previous !== undefined && previous !== latin) width += character / 5;
        previous = latin;
      }
      return width;
    };
    const line = (text: string, rightIndent: number, keepNext: boolean) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        ...(keepNext ? { keepNext: true } : {}),
        spacing: this.#bodyLine(),
        indent: { right: Math.max(0, Math.round(rightIndent)) },
        children: runs(text, {
          font: this.#bodyFont,
          size: this.#layout.bodySize,
          ...(this.#preset.characterGrid ? {} : { characterSpacing: this.#layout.bodyCharacterSpacing }),
        }),
      });
    // The blank lines and the name keep with the date, so the closing is not split over two pages.
    const paragraphs = Array.from({ length: Math.max(0, Math.floor(this.#preset.closing.linesBefore)) }, () =>
      this.#paragraph("", this.#bodyFont, true),
    );
    if (name !== "") {
      const centred = date === undefined ? dateIndent : dateIndent + (widthOf(date) - widthOf(name)) / 2;
      paragraphs.push(line(name, centred, date !== undefined));
    }
    if (date !== undefined) paragraphs.push(line(date, dateIndent, false));
    return paragraphs;
  }

  #cell(cell: LayoutCell, width: number, keepNext: boolean): TableCell {
    const alignment = cell.role === "label" ? AlignmentType.LEFT : AlignmentType.CENTER;
    const text = sanitizeText(cell.text);
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      ...(cell.gridSpan > 1 ? { columnSpan: cell.gridSpan } : {}),
      ...(cell.vMerge === undefined
        ? {}
        : { verticalMerge: cell.vMerge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
      children: [
        new Paragraph({
          style: tableTextStyleId,
          alignment,
          ...(keepNext ? { keepNext: true } : {}),
          // Font, size and line height come from the table text style.
          children: text === "" ? [] : [new TextRun(text)],
        }),
      ],
    });
  }

  table(table: DocxTableGrid): Table {
    const widths = table.columnWidths;
    // Every row but the last keeps with the next, so a table that fits on a page is not split.
    const rows = table.rows.map((row, rowIndex) => {
      const keepNext = this.#preset.table.keepTogether && rowIndex < table.rows.length - 1;
      let column = 0;
      const cells = row.cells.map((cell) => {
        let width = 0;
        for (let index = column; index < column + cell.gridSpan; index++) width += widths[index] ?? 0;
        column += cell.gridSpan;
        return this.#cell(cell, width, keepNext);
      });
      return new TableRow({ children: cells, cantSplit: true, ...(row.header ? { tableHeader: true } : {}) });
    });
    return new Table({
      rows,
      width: { size: this.#layout.tableWidth, type: WidthType.DXA },
      columnWidths: [...widths],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      margins: {
        marginUnitType: WidthType.DXA,
        left: this.#layout.cellPadding,
        right: this.#layout.cellPadding,
        top: 0,
        bottom: 0,
      },
    });
  }

  footer(side: "odd" | "even"): Footer {
    const { fonts, pageNumber } = this.#preset;
    const font = fontsFor(fonts.pageNumber, fonts.pageNumber);
    const size = this.#layout.pageNumberSize;
    const dash = sanitizeText(pageNumber.dash);
    const indent = this.#layout.pageNumberIndent;
    return new Footer({
      children: [
        new Paragraph({
          style: gridFreeStyleId,
          alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === "odd" ? { right: indent } : { left: indent },
          spacing: { line: this.#layout.pageNumberLineHeight, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [
            new TextRun({ text: `${dash} `, font, size, snapToGrid: false }),
            new TextRun({ children: [PageNumber.CURRENT], font, size, snapToGrid: false }),
            new TextRun({ text: ` ${dash}`, font, size, snapToGrid: false }),
          ],
        }),
      ],
    });
  }
}

function body(report: Report, renderer: Renderer, preset: DocxPreset, layout: DocxLayout): (Paragraph | Table)[] {
  const edition = getEdition(report.edition);
  const children: (Paragraph | Table)[] = [...renderer.title(titleOf(report))];
  for (const block of report.preamble) children.push(renderer.block(block));
  const tables = report.tables as Record<TableId, { rows: Record<string, Record<string, never>> } | undefined>;
  const codesPresent = new Set(report.parts.map((part) => part.code));
  const rendered = new Set<TableId>();
  const renderTable = (table: TableId) => {
    rendered.add(table);
    children.push(
      renderer.table(
        layoutTable(report.edition, table, tables[table]?.rows, layout, preset, groupsPrintedAsRows(report, table)),
      ),
    );
  };
  // A table whose part the report lacks is printed under the edition's heading, where the part belongs.
  const orphans = (["table2", "table3", "table4"] as const).filter(
    (table) => tables[table] !== undefined && !codesPresent.has(partOfTable[table]),
  );
  const flushOrphans = (beforeIndex: number) => {
    for (const table of orphans) {
      if (rendered.has(table) || sectionCodes.indexOf(partOfTable[table]) >= beforeIndex) continue;
      const section = edition.sections.find((candidate) => candidate.code === partOfTable[table]);
      children.push(renderer.heading1(section?.label ?? edition.tables[table].title));
      renderTable(table);
    }
  };
  for (const part of report.parts) {
    flushOrphans(sectionCodes.indexOf(part.code));
    const section = edition.sections.find((candidate) => candidate.code === part.code);
    children.push(renderer.heading1(part.heading.trim() === "" ? (section?.label ?? "") : part.heading));
    for (const block of part.blocks) children.push(renderer.block(block));
    const table = tableOfPart[part.code];
    if (table !== undefined && tables[table] !== undefined && !rendered.has(table)) renderTable(table);
  }
  flushOrphans(sectionCodes.length);
  children.push(...renderer.closing(report.meta.agency.name, closingDate(report.meta.publishedDate)));
  return children;
}

/**
 * Render a report as a Word document laid out by GB/T 9704-2012 (or the preset given): the title,
 * the preamble, the six parts with their headings and paragraphs, and tables 二, 三 and 四 in the
 * printed layout with merged cells, built from the report's edition data. Table cells print numbers
 * (money with its unit, e.g. `287.36万元`; signed values with their sign), nothing for a blank, and
 * `/` for not applicable. The same report and options always give the same bytes.
 *
 * @returns the .docx file's bytes.
 * @throws {DocxOptionsError} when an option cannot be used (see {@link resolveDocxLayout}).
 * @throws {ReportValidationError} when `report.edition` is not an edition gongkai knows.
 * @example
 * const bytes = await toDocx(report, { preset: { fonts: { latin: null } } });
 */
export async function toDocx(report: Report, options: ToDocxOptions = {}): Promise<Uint8Array> {
  if (!listEditions().some((edition) => edition.id === report.edition)) {
    throw new ReportValidationError({
      problems: [{ pointer: "/edition", message: `unknown edition ${JSON.stringify(report.edition)}` }],
    });
  }
  const preset = mergePreset(gbt9704Preset, options.preset);
  const layout = resolveDocxLayout(preset);
  const date = parseDate(options, report);
  const renderer = new Renderer(preset, layout);
  const title = sanitizeText(titleOf(report)).replace(/\s+/g, " ");
  const bodyFont = fontsFor(preset.fonts.body, preset.fonts.latin);
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    customProperties: agencyProperties(report.meta.agency),
    styles: {
      default: {
        document: {
          run: { font: bodyFont, size: layout.bodySize },
          paragraph: { spacing: { line: layout.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      importedStyles: [
        normalStyle(layout, bodyFont),
        gridFreeStyle(),
        tableTextStyle(layout, fontsFor(preset.fonts.table, preset.fonts.latin)),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: layout.pageWidth, height: layout.pageHeight },
            margin: {
              top: layout.marginTop,
              right: layout.marginRight,
              bottom: layout.marginBottom,
              left: layout.marginLeft,
              header: layout.headerDistance,
              footer: layout.footerDistance,
              gutter: 0,
            },
          },
          grid: preset.characterGrid
            ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: layout.linePitch, charSpace: layout.charSpace }
            : { type: DocumentGridType.LINES, linePitch: layout.linePitch },
        },
        footers: { default: renderer.footer("odd"), even: renderer.footer("even") },
        children: body(report, renderer, preset, layout),
      },
    ],
  });
  const core = corePropertiesXml({ title, creator: sanitizeText(report.meta.agency.name), date });
  const packed = await Packer.toArrayBuffer(document, false, [{ path: "docProps/core.xml", data: core }]);
  return setZipTimestamps(new Uint8Array(packed), date);
}
