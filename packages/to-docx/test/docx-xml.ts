import { strFromU8, unzipSync } from "fflate";

/** The parts of a .docx as text, by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/** One part of a .docx as text; throws when the part is missing. */
export function docxPart(bytes: Uint8Array, path: string): string {
  const part = docxParts(bytes)[path];
  if (part === undefined) throw new Error(`no ${path} in the document`);
  return part;
}

/** The value of an attribute in an XML start tag (or the first tag matching `element` in `xml`). */
export function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  return tag === undefined ? undefined : new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The text of the `w:t` elements in `xml`, XML entities decoded. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1] ?? "")
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A table cell as written in document.xml. */
export interface XmlCell {
  readonly text: string;
  readonly gridSpan: number;
  readonly vMerge: "restart" | "continue" | undefined;
  readonly widthType: string | undefined;
  readonly width: number;
}

/** A table as written in document.xml. */
export interface XmlTable {
  readonly widthType: string | undefined;
  readonly width: number;
  readonly layout: string | undefined;
  readonly grid: number[];
  readonly rows: XmlCell[][];
}

/** The tables of a document.xml (not nested), in order. */
export function tablesOf(documentXml: string): XmlTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((match) => {
    const xml = match[1] ?? "";
    const grid = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml)?.[1] ?? "").matchAll(/w:w="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell): XmlCell => {
        const cellXml = cell[1] ?? "";
        const vMerge = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(cellXml);
        return {
          text: textOf(cellXml),
          gridSpan: Number(attribute(cellXml, "w:gridSpan", "w:val") ?? "1"),
          vMerge: vMerge ? ((vMerge[1] ?? "continue") as "restart" | "continue") : undefined,
          widthType: attribute(cellXml, "w:tcW", "w:type"),
          width: Number(attribute(cellXml, "w:tcW", "w:w")),
        };
      }),
    );
    return {
      widthType: attribute(xml, "w:tblW", "w:type"),
      width: Number(attribute(xml, "w:tblW", "w:w")),
      layout: attribute(xml, "w:tblLayout", "w:type"),
      grid,
      rows,
    };
  });
}

/** A merged cell of a table: where it starts and how many grid rows and columns it covers. */
export interface MergedCell {
  readonly text: string;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
}

/**
 * Resolve gridSpan and vMerge into merged cells. Throws when a row does not cover the grid, or a
 * `continue` cell has no cell of the same columns above it to continue.
 */
export function mergedCells(table: XmlTable): MergedCell[] {
  const cells: { text: string; row: number; column: number; rowSpan: number; columnSpan: number }[] = [];
  const open = new Map<number, (typeof cells)[number]>();
  table.rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row) {
      if (cell.vMerge === "continue") {
        const above = open.get(column);
        if (!above || above.columnSpan !== cell.gridSpan) {
          throw new Error(`row ${rowIndex} column ${column}: vMerge continue without a cell above`);
        }
        above.rowSpan++;
      } else {
        const merged = { text: cell.text, row: rowIndex, column, rowSpan: 1, columnSpan: cell.gridSpan };
        cells.push(merged);
        if (cell.vMerge === "restart") open.set(column, merged);
        else open.delete(column);
      }
      column += cell.gridSpan;
    }
    if (column !== table.grid.length) {
      throw new Error(`row ${rowIndex} covers ${column} grid columns, the grid has ${table.grid.length}`);
    }
  });
  return cells;
}

/** The merged cell whose text is `text`; throws when there is none or more than one. */
export function cellWithText(cells: readonly MergedCell[], text: string): MergedCell {
  const found = cells.filter((cell) => cell.text === text);
  if (found.length !== 1) throw new Error(`${found.length} cells hold ${JSON.stringify(text)}`);
  return found[0] as MergedCell;
}

/**
 * Whether `xml` is well-formed enough for Word: no character outside XML 1.0's Char production
 * and every `&` starts an entity. (Tags are written by docx; this checks our text.)
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding C0 controls is the point
  const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (forbidden)
    problems.push(`forbidden character U+${forbidden[0].charCodeAt(0).toString(16)} at ${forbidden.index}`);
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(xml);
  if (lone) problems.push(`lone surrogate at ${lone.index}`);
  const ampersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  if (ampersand) problems.push(`bare & at ${ampersand.index}`);
  const text = xml.replace(/<[^<>]*>/g, "");
  if (text.includes("<")) problems.push("bare < in text");
  return problems;
}
