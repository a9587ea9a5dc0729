import { DocxOptionsError } from "./docx-options-error";

/**
 * The page and type settings of a rendered report. Lengths are in millimetres, font sizes in
 * points, indents in characters of the font they apply to. {@link gbt9704Preset} holds the values
 * of GB/T 9704-2012 《党政机关公文格式》; agencies that differ override single fields through
 * {@link ToDocxOptions.preset}.
 */
export interface DocxPreset {
  /** The page and its text block (版心). */
  readonly page: {
    /** Page width in mm (A4: 210). */
    readonly width: number;
    /** Page height in mm (A4: 297). */
    readonly height: number;
    /** 天头: top margin in mm (GB/T 9704 §5.2.1: 37 mm). */
    readonly marginTop: number;
    /** 订口: left (inside) margin in mm (GB/T 9704 §5.2.1: 28 mm). */
    readonly marginLeft: number;
    /** Width of the text block in mm (GB/T 9704 §5.2.1: 156 mm). The right margin is what is left. */
    readonly textWidth: number;
    /** Height of the text block in mm (GB/T 9704 §5.2.1: 225 mm). The bottom margin is what is left. */
    readonly textHeight: number;
    /** Distance of the (empty) header from the page top in mm. Not fixed by GB/T 9704. */
    readonly headerDistance: number;
  };
  /** Lines per page of the document grid (GB/T 9704 §5.2.3: 22). */
  readonly linesPerPage: number;
  /** Characters per line of the document grid (GB/T 9704 §5.2.3: 28). */
  readonly charactersPerLine: number;
  /**
   * Also write a character grid (`w:docGrid` type `linesAndChars` with `w:charSpace`), as Word
   * templates of GB/T 9704 do. Off by default: LibreOffice 7.4 lays a 16 pt character out over two
   * cells of a 15.79 pt grid, which halves the characters per line. Without it, body runs are
   * condensed (`w:spacing`) so that `charactersPerLine` characters fit in every application, and
   * the grid holds lines only.
   */
  readonly characterGrid: boolean;
  /** Font families, by the name Word and WPS know them under. */
  readonly fonts: {
    /** The title (GB/T 9704 §7.3.1: 2号小标宋体). */
    readonly title: string;
    /** Body text (GB/T 9704 §5.2.2: 3号仿宋体). */
    readonly body: string;
    /** Level-1 headings 一、… (GB/T 9704 §7.3.3: 黑体). */
    readonly heading1: string;
    /** Level-2 headings （一）… (GB/T 9704 §7.3.3: 楷体). */
    readonly heading2: string;
    /** Table text. */
    readonly table: string;
    /** Page numbers (GB/T 9704 §7.5: 4号半角宋体). */
    readonly pageNumber: string;
    /**
     * The font of Latin letters and digits in title, body, headings and tables. `null` sets them in
     * the same family as the surrounding Chinese text.
     */
    readonly latin: string | null;
  };
  /** Font sizes in points. */
  readonly fontSizes: {
    /** The title: 2号 = 22 pt. */
    readonly title: number;
    /** Body text and headings: 3号 = 16 pt. */
    readonly body: number;
    /** Table text: 五号 = 10.5 pt by default (not fixed by GB/T 9704). */
    readonly table: number;
    /** Page numbers: 4号 = 14 pt. */
    readonly pageNumber: number;
  };
  /** First-line indent of paragraphs and headings, in body characters (2). */
  readonly firstLineIndent: number;
  /** Blank lines between the title and the text (one, as GB/T 9704 §7.3.2 puts 主送机关 空一行 below the title). */
  readonly linesAfterTitle: number;
  /**
   * The closing under the last part: the issuing agency's name (发文机关署名, `meta.agency.name`)
   * and, when `meta.publishedDate` is known, the date (成文日期) in Arabic numerals, 「2021年2月9日」
   * (GB/T 9704 §7.3.5.1: 年份标全称，月、日不编虚位). The date is right-aligned this many body
   * characters in from the right edge (右空四字, §7.3.5.1); the name is centred over the date
   * (以成文日期为准居中), or right-aligned at the edge when it is longer than fits.
   */
  readonly closing: {
    /** Blank lines between the last part and the name (1: 空一行). */
    readonly linesBefore: number;
    /** Right indent of the date, in body characters (4: 右空四字). */
    readonly dateRightIndent: number;
  };
  /** Page numbers (GB/T 9704 §7.5). */
  readonly pageNumber: {
    /** The dash on each side of the number: 一字线 (—). */
    readonly dash: string;
    /** Distance from the bottom of the text block down to the page number line, in mm (7). */
    readonly distanceBelowText: number;
    /** Odd pages: right-aligned, even pages: left-aligned, this many 4号 characters in (1). */
    readonly indent: number;
  };
  /** Tables 二, 三 and 四. */
  readonly table: {
    /** Table width in mm; `null` is the width of the text block. */
    readonly width: number | null;
    /** Exact line height of table text in points. */
    readonly lineSpacing: number;
    /** Left and right cell padding in mm. */
    readonly cellPadding: number;
    /** Share of the table width given to the row-label columns of table 二. */
    readonly table2LabelShare: number;
    /** Share of the table width given to the row-label columns of table 三. */
    readonly table3LabelShare: number;
    /**
     * Width of each row-group column of table 三 (三、本年度办理结果, （三）不予公开 …), in table
     * characters; the innermost label column takes the rest of the label share.
     */
    readonly groupLabelCharacters: number;
    /**
     * Keep each table on one page when it fits (every row but the last keeps with the next), as
     * the printed form is; a table taller than a page still breaks, its header rows repeated.
     */
    readonly keepTogether: boolean;
  };
}

/**
 * GB/T 9704-2012 《党政机关公文格式》 as a preset: A4, 天头 37 mm, 订口 28 mm, a 156 × 225 mm text
 * block of 22 lines × 28 characters, 2号小标宋 title, 3号仿宋_GB2312 body, 黑体 and 楷体_GB2312
 * headings, the closing's date 右空四字 with the agency name centred over it, 4号半角宋体 page
 * numbers "— 1 —" one character in from the outer edge.
 *
 * @see GB/T 9704-2012 §5 (幅面、版面), §7.3.1 (标题), §7.3.3 (正文), §7.3.5 (署名、成文日期), §7.5 (页码)
 */
export const gbt9704Preset: DocxPreset = {
  page: { width: 210, height: 297, marginTop: 37, marginLeft: 28, textWidth: 156, textHeight: 225, headerDistance: 15 },
  linesPerPage: 22,
  charactersPerLine: 28,
  characterGrid: false,
  fonts: {
    title: "方正小标宋简体",
    body: "仿宋_GB2312",
    heading1: "黑体",
    heading2: "楷体_GB2312",
    table: "仿宋_GB2312",
    pageNumber: "宋体",
    latin: "Times New Roman",
  },
  fontSizes: { title: 22, body: 16, table: 10.5, pageNumber: 14 },
  firstLineIndent: 2,
  linesAfterTitle: 1,
  closing: { linesBefore: 1, dateRightIndent: 4 },
  pageNumber: { dash: "—", distanceBelowText: 7, indent: 1 },
  table: {
    width: null,
    lineSpacing: 14,
    cellPadding: 1,
    table2LabelShare: 0.3,
    table3LabelShare: 0.44,
    groupLabelCharacters: 3,
    keepTogether: true,
  },
};

/** Any part of a {@link DocxPreset}, merged field by field over {@link gbt9704Preset}. */
export type DocxPresetOverrides = {
  readonly [Key in keyof DocxPreset]?: DocxPreset[Key] extends object | null
    ? DocxPreset[Key] extends null
      ? DocxPreset[Key]
      : { readonly [Inner in keyof DocxPreset[Key]]?: DocxPreset[Key][Inner] }
    : DocxPreset[Key];
};

/** Merge overrides over a preset, one level of nesting deep (every preset group is flat). */
export function mergePreset(base: DocxPreset, overrides: DocxPresetOverrides | undefined): DocxPreset {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      typeof value === "object" && value !== null && typeof current === "object" && current !== null
        ? { ...current, ...Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) }
        : value;
  }
  return merged as unknown as DocxPreset;
}

/** Twips (1/20 pt) in a millimetre. */
const twipsPerMm = 1440 / 25.4;

/** Millimetres to twips, rounded to the nearest twip. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * twipsPerMm);
}

/**
 * The measurements Word needs, computed from a preset, in twips (1/20 pt) unless named otherwise.
 * With the default preset: page 11906 × 16838, margins top 2098, left 1587, right 1475,
 * bottom 1984, text block 8844 × 12756, line pitch 579 (28.95 pt), charSpace −849, body
 * character spacing −5.
 */
export interface DocxLayout {
  /** Page width. */
  readonly pageWidth: number;
  /** Page height. */
  readonly pageHeight: number;
  /** Top margin (天头). */
  readonly marginTop: number;
  /** Left margin (订口). */
  readonly marginLeft: number;
  /** Right margin: page width − left margin − text width, so the text block is exact. */
  readonly marginRight: number;
  /** Bottom margin: page height − top margin − text height. */
  readonly marginBottom: number;
  /** Text block width. */
  readonly textWidth: number;
  /** Text block height. */
  readonly textHeight: number;
  /** Header distance from the page top. */
  readonly headerDistance: number;
  /**
   * Footer distance from the page bottom: the bottom margin less `distanceBelowText` less one
   * page-number line, so the number sits that far below the text block (1984 − 397 − 364 = 1223).
   */
  readonly footerDistance: number;
  /** Exact line height of the page number: 1.3 × its font size (364 twips for 14 pt). */
  readonly pageNumberLineHeight: number;
  /**
   * The line pitch: text height ÷ lines per page, rounded down so that all lines fit
   * (225 mm = 12756 twips; 12756 ÷ 22 = 579.8 → 579 twips = 28.95 pt). Body lines use it as exact spacing.
   */
  readonly linePitch: number;
  /**
   * `w:docGrid/@w:charSpace`: (character pitch − body font size) × 4096, in 1/4096 pt, rounded
   * down so that all characters fit (8844 twips ÷ 28 = 15.793 pt; (15.793 − 16) × 4096 → −849).
   */
  readonly charSpace: number;
  /**
   * Character spacing of body runs in twips (`w:rPr/w:spacing`): (character pitch − body font size),
   * rounded down, at most 0 (8844 ÷ 28 − 320 = −4.1 → −5, i.e. condensed by 0.25 pt).
   */
  readonly bodyCharacterSpacing: number;
  /** Body font size in half-points (Word's `w:sz`). */
  readonly bodySize: number;
  /** Title font size in half-points. */
  readonly titleSize: number;
  /** Table font size in half-points. */
  readonly tableSize: number;
  /** Page number font size in half-points. */
  readonly pageNumberSize: number;
  /** First-line indent of body paragraphs. */
  readonly firstLineIndent: number;
  /** Indent of the page number from the outer edge of the text block. */
  readonly pageNumberIndent: number;
  /** Width of one body character (the body font size), for indents counted in characters. */
  readonly bodyCharacterWidth: number;
  /** Right indent of the closing's date (4 body characters: 1280). */
  readonly closingDateRightIndent: number;
  /** Table width. */
  readonly tableWidth: number;
  /** Exact line height of table text. */
  readonly tableLineSpacing: number;
  /** Left and right cell padding. */
  readonly cellPadding: number;
}

function fail(option: string, message: string): never {
  throw new DocxOptionsError({ option, message });
}

function positive(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) fail(option, "must be a positive number");
  return value;
}

function nonNegative(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(option, "must be a number ≥ 0");
  return value;
}

function share(value: unknown, option: string): number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) fail(option, "must be a number between 0 and 1");
  return value;
}

function fontName(value: unknown, option: string): void {
  if (typeof value !== "string" || value.trim() === "") fail(option, "must be a font name");
}

function closingDateRightIndent(preset: DocxPreset, bodyPt: number, textWidth: number): number {
  nonNegative(preset.closing.linesBefore, "preset.closing.linesBefore");
  const indent = Math.round(
    nonNegative(preset.closing.dateRightIndent, "preset.closing.dateRightIndent") * bodyPt * 20,
  );
  if (indent >= textWidth) fail("preset.closing.dateRightIndent", "must be narrower than the text block");
  return indent;
}

/**
 * Compute the Word measurements of a preset, checking every value.
 *
 * @throws {DocxOptionsError} when a value is not usable (not a positive number, a text block
 * larger than the page, a table wider than the text block, a missing font name).
 */
export function resolveDocxLayout(preset: DocxPreset): DocxLayout {
  const { page, fonts, fontSizes, table, pageNumber } = preset;
  const pageWidth = mmToTwips(positive(page.width, "preset.page.width"));
  const pageHeight = mmToTwips(positive(page.height, "preset.page.height"));
  const marginTop = mmToTwips(nonNegative(page.marginTop, "preset.page.marginTop"));
  const marginLeft = mmToTwips(nonNegative(page.marginLeft, "preset.page.marginLeft"));
  const textWidth = mmToTwips(positive(page.textWidth, "preset.page.textWidth"));
  const textHeight = mmToTwips(positive(page.textHeight, "preset.page.textHeight"));
  const marginRight = pageWidth - marginLeft - textWidth;
  const marginBottom = pageHeight - marginTop - textHeight;
  if (marginRight < 0) fail("preset.page.textWidth", "the left margin and the text block are wider than the page");
  if (marginBottom < 0) fail("preset.page.textHeight", "the top margin and the text block are taller than the page");
  const lines = positive(preset.linesPerPage, "preset.linesPerPage");
  const characters = positive(preset.charactersPerLine, "preset.charactersPerLine");
  if (!Number.isInteger(lines)) fail("preset.linesPerPage", "must be a whole number");
  if (!Number.isInteger(characters)) fail("preset.charactersPerLine", "must be a whole number");
  for (const key of ["title", "body", "heading1", "heading2", "table", "pageNumber"] as const) {
    fontName(fonts[key], `preset.fonts.${key}`);
  }
  if (fonts.latin !== null) fontName(fonts.latin, "preset.fonts.latin");
  const bodyPt = positive(fontSizes.body, "preset.fontSizes.body");
  const pageNumberPt = positive(fontSizes.pageNumber, "preset.fontSizes.pageNumber");
  positive(fontSizes.title, "preset.fontSizes.title");
  positive(fontSizes.table, "preset.fontSizes.table");
  const linePitch = Math.floor(textHeight / lines);
  const characterPitch = textWidth / 20 / characters;
  const charSpace = Math.floor((characterPitch - bodyPt) * 4096);
  const halfPoints = (points: number) => Math.round(points * 2);
  const belowText = mmToTwips(nonNegative(pageNumber.distanceBelowText, "preset.pageNumber.distanceBelowText"));
  const pageNumberLineHeight = Math.round(pageNumberPt * 20 * 1.3);
  const footerDistance = Math.max(0, marginBottom - belowText - pageNumberLineHeight);
  const tableWidth = table.width === null ? textWidth : mmToTwips(positive(table.width, "preset.table.width"));
  if (tableWidth > textWidth) fail("preset.table.width", "must not be wider than the text block");
  share(table.table2LabelShare, "preset.table.table2LabelShare");
  share(table.table3LabelShare, "preset.table.table3LabelShare");
  nonNegative(table.groupLabelCharacters, "preset.table.groupLabelCharacters");
  return {
    pageWidth,
    pageHeight,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom,
    textWidth,
    textHeight,
    headerDistance: mmToTwips(nonNegative(page.headerDistance, "preset.page.headerDistance")),
    footerDistance,
    pageNumberLineHeight,
    linePitch,
    charSpace,
    bodyCharacterSpacing: Math.min(0, Math.floor(textWidth / characters - bodyPt * 20)),
    bodySize: halfPoints(bodyPt),
    titleSize: halfPoints(fontSizes.title),
    tableSize: halfPoints(fontSizes.table),
    pageNumberSize: halfPoints(pageNumberPt),
    firstLineIndent: Math.round(nonNegative(preset.firstLineIndent, "preset.firstLineIndent") * bodyPt * 20),
    pageNumberIndent: Math.round(nonNegative(pageNumber.indent, "preset.pageNumber.indent") * pageNumberPt * 20),
    bodyCharacterWidth: Math.round(bodyPt * 20),
    closingDateRightIndent: closingDateRightIndent(preset, bodyPt, textWidth),
    tableWidth,
    tableLineSpacing: Math.round(positive(table.lineSpacing, "preset.table.lineSpacing") * 20),
    cellPadding: mmToTwips(nonNegative(table.cellPadding, "preset.table.cellPadding")),
  };
}
