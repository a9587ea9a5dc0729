import type { Diagnostic, SourcePosition } from "@gongkai/core";

/**
 * A heading in the source: a line or element that looks like a heading (an `<h1>`–`<h6>`, a Word
 * heading style, or a short line standing alone). Parsers may leave this to the recognizer and
 * emit paragraphs only; `level` is set when the source says it.
 */
export interface HeadingBlock {
  /** Discriminant. */
  readonly type: "heading";
  /** The heading level the source gave (1 = top), when it gave one. */
  readonly level?: number;
  /** The text, whitespace inside collapsed, line breaks kept as `\n`. */
  readonly text: string;
  /** Where the heading starts in the source. */
  readonly source: SourcePosition;
}

/** A paragraph of text (or a line, for plain-text sources). */
export interface ParagraphBlock {
  /** Discriminant. */
  readonly type: "paragraph";
  /** The text, whitespace inside collapsed, line breaks kept as `\n`. */
  readonly text: string;
  /** Where the paragraph starts in the source. */
  readonly source: SourcePosition;
}

/**
 * One slot of a table grid. A source cell spanning several rows or columns fills several slots;
 * each holds the same text and names the cell's top-left slot as `origin`.
 */
export interface TableSlot {
  /** The cell text as the source had it (trimmed; inner line breaks kept as `\n`). */
  readonly text: string;
  /** Where the cell starts in the source. */
  readonly source?: SourcePosition;
  /** Row and column of the top-left slot of the cell this slot belongs to. */
  readonly origin: { readonly row: number; readonly column: number };
  /** The cell's row span after clamping to the table. */
  readonly rowSpan: number;
  /** The cell's column span after clamping to the table. */
  readonly colSpan: number;
  /** The source marked the cell as a header (`<th>`). */
  readonly header?: boolean;
}

/**
 * A table as a grid of slots, row by row. Rows may differ in length: a source that lost its cell
 * spans (flattened text) gives each row the cells it had, left to right, and `spansKnown` is false.
 */
export interface TableBlock {
  /** Discriminant. */
  readonly type: "table";
  /** The slots, `rows[row][column]`. */
  readonly rows: readonly (readonly TableSlot[])[];
  /** Whether row and column spans were known and expanded (HTML, DOCX) or lost (flattened text). */
  readonly spansKnown: boolean;
  /** Where the table starts in the source. */
  readonly source: SourcePosition;
}

/** One block of a block document. */
export type Block = HeadingBlock | ParagraphBlock | TableBlock;

/**
 * Facts a container states outright, beside the text: a page's `<title>`, its canonical URL, and
 * what a gongkai renderer wrote for the recognizer to read back (the agency's kind and region,
 * which no report prints). The recognizer trusts them over what it reads in the text.
 */
export interface BlockDocumentMeta {
  /** The document title (an HTML `<title>`, a DOCX `dc:title`). */
  readonly title?: string;
  /** The page the document was read from (an HTML canonical link). */
  readonly sourceUrl?: string;
  /**
   * The agency as a gongkai renderer stated it (`data-agency-*` on to-html's `<article>`, DOCX
   * custom properties `gongkai.agency*`). `kind` is read as an agency kind only when it is one.
   */
  readonly agency?: {
    /** The agency kind code (`department`, `peoplesGovernment`, `townshipStreet`, `unknown`). */
    readonly kind?: string;
    /** The kind was inferred from the name when the report was first read. */
    readonly kindInferred?: boolean;
    /** Province, city or county. */
    readonly region?: string;
  };
}

/**
 * What every importer produces and the recognizer reads: the source as headings, paragraphs and
 * table grids, in document order, each with its source position.
 */
export interface BlockDocument {
  /** The blocks, in document order. */
  readonly blocks: readonly Block[];
  /** Facts the container format states outright (an HTML `<title>`, a DOCX core property). */
  readonly meta?: BlockDocumentMeta;
  /** Problems the parser met (a limit hit, an undecodable byte run), located in the source. */
  readonly diagnostics?: readonly Diagnostic[];
  /**
   * Every heading's and paragraph's `text` is exactly the source text at its `source` position
   * (plain text: no markup, entities or dropped characters in between), so the recognizer may
   * locate a piece inside a block (a value cut out of running text, the words after a part heading)
   * by adding a character index to the block's line, column and offset. Parsers of marked-up
   * sources (HTML, DOCX) leave it unset: the recognizer then gives such pieces the block's own
   * position, which is where the text starts, rather than a computed one that could be wrong.
   */
  readonly exactTextPositions?: boolean;
}
