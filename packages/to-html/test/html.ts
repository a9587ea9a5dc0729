import { parse, parseFragment } from "parse5";

/** A node of parse5's default tree, as far as these tests read it. */
export interface Element {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
  content?: Element;
  parentNode?: Element | null;
}

/** Parse a fragment (as a host page would, in a body context). */
export function parseHtml(html: string): Element {
  return parseFragment(html) as unknown as Element;
}

/** Parse a whole document. */
export function parseDocument(html: string): Element {
  return parse(html) as unknown as Element;
}

/** Every element below `root`, in document order. */
export function elements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Element) => {
    for (const child of node.childNodes ?? []) {
      if (child.tagName !== undefined) out.push(child);
      walk(child);
    }
    if (node.content) walk(node.content);
  };
  walk(root);
  return out;
}

/** Elements with a tag name, in document order. */
export function byTag(root: Element, tag: string): Element[] {
  return elements(root).filter((element) => element.tagName === tag);
}

/** An attribute's value, or undefined. */
export function attr(element: Element, name: string): string | undefined {
  return element.attrs?.find((attribute) => attribute.name === name)?.value;
}

/** The concatenated text of an element. */
export function text(node: Element): string {
  if (node.nodeName === "#text") return node.value ?? "";
  return (node.childNodes ?? []).map(text).join("");
}

/** The text of an element without visually hidden notes. */
export function visibleText(node: Element): string {
  if (node.nodeName === "#text") return node.value ?? "";
  if ((attr(node, "class") ?? "").split(" ").some((name) => name.endsWith("visually-hidden"))) return "";
  return (node.childNodes ?? []).map(visibleText).join("");
}

/** Whether an element has a class. */
export function hasClass(element: Element, name: string): boolean {
  return (attr(element, "class") ?? "").split(/\s+/).includes(name);
}

/** A table cell placed on the table's grid, spans resolved. */
export interface PlacedCell {
  readonly element: Element;
  readonly section: Element;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * Place every cell of a table on its grid, resolving rowspan and colspan the way the HTML table
 * model does. Throws when two cells overlap; returns the cells and the width of every grid row.
 */
export function placeCells(table: Element): { cells: PlacedCell[]; rowWidths: number[] } {
  const taken = new Set<string>();
  const cells: PlacedCell[] = [];
  const rowWidths: number[] = [];
  let rowIndex = 0;
  for (const section of (table.childNodes ?? []).filter((node) => ["thead", "tbody"].includes(node.tagName ?? ""))) {
    for (const tr of (section.childNodes ?? []).filter((node) => node.tagName === "tr")) {
      let column = 0;
      for (const cell of (tr.childNodes ?? []).filter((node) => node.tagName === "td" || node.tagName === "th")) {
        while (taken.has(`${rowIndex}:${column}`)) column++;
        const rowSpan = Number(attr(cell, "rowspan") ?? "1");
        const colSpan = Number(attr(cell, "colspan") ?? "1");
        for (let r = 0; r < rowSpan; r++) {
          for (let c = 0; c < colSpan; c++) {
            const key = `${rowIndex + r}:${column + c}`;
            if (taken.has(key)) throw new Error(`cells overlap at ${key}`);
            taken.add(key);
          }
        }
        cells.push({ element: cell, section, row: rowIndex, column, rowSpan, colSpan });
        column += colSpan;
      }
      rowIndex++;
    }
  }
  for (let row = 0; row < rowIndex; row++) {
    let width = 0;
    while (taken.has(`${row}:${width}`)) width++;
    rowWidths.push(width);
  }
  return { cells, rowWidths };
}

/** The rows of a section as arrays of `{ text, rowSpan, colSpan, tag }`, for comparing with the edition. */
export function rowsOf(section: Element): { text: string; rowSpan: number; colSpan: number; tag: string }[][] {
  return (section.childNodes ?? [])
    .filter((node) => node.tagName === "tr")
    .map((tr) =>
      (tr.childNodes ?? [])
        .filter((node) => node.tagName === "td" || node.tagName === "th")
        .map((cell) => ({
          text: visibleText(cell),
          rowSpan: Number(attr(cell, "rowspan") ?? "1"),
          colSpan: Number(attr(cell, "colspan") ?? "1"),
          tag: cell.tagName ?? "",
        })),
    );
}
