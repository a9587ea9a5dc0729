import { parseXml } from "./xml-tokenizer";

/** A paragraph's numbering reference (`w:numPr`). */
export interface NumberingReference {
  readonly numId: string;
  readonly level: number;
}

/** What this package reads of a paragraph style. */
export interface ParagraphStyle {
  readonly id: string;
  readonly name: string | undefined;
  readonly basedOn: string | undefined;
  readonly outlineLevel: number | undefined;
  readonly numbering: Partial<NumberingReference> | undefined;
}

/** The paragraph styles of `word/styles.xml`, by id, and the default paragraph style's id. */
export interface StyleSheet {
  readonly styles: ReadonlyMap<string, ParagraphStyle>;
  readonly defaultStyleId: string | undefined;
}

/** A heading level read from a style: a number (1 = top), `"title"`, or none. */
export type StyleHeading = number | "title" | undefined;

const headingName = /^(?:heading|标题)\s*([1-9])$/i;
const titleName = /^(?:title|标题)$/i;

/** The outline level attribute (`w:outlineLvl/@w:val`, 0–9) as a number, when valid. */
export function readOutlineLevel(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Read the paragraph styles of a styles part.
 *
 * @throws {DocxReadError} from {@link parseXml}.
 */
export function parseStyles(xml: string, part: string, maxDepth: number): StyleSheet {
  const styles = new Map<string, ParagraphStyle>();
  let defaultStyleId: string | undefined;
  let current:
    | {
        id: string;
        isDefault: boolean;
        name?: string | undefined;
        basedOn?: string | undefined;
        outlineLevel?: number;
        numId?: string | undefined;
        level?: number;
      }
    | undefined;
  const stack: string[] = [];
  parseXml(
    xml,
    part,
    {
      start(name, attributes, _offset, selfClosing) {
        const parent = stack[stack.length - 1];
        if (name === "w:style" && parent === "w:styles") {
          const type = attributes.get("w:type") ?? "paragraph";
          const id = attributes.get("w:styleId");
          const isDefault = attributes.get("w:default") === "1" || attributes.get("w:default") === "true";
          current = type === "paragraph" && id !== undefined ? { id, isDefault } : undefined;
        } else if (current) {
          const value = attributes.get("w:val");
          if (name === "w:name" && parent === "w:style") current.name = value;
          else if (name === "w:basedOn" && parent === "w:style") current.basedOn = value;
          else if (name === "w:outlineLvl" && parent === "w:pPr") {
            const level = readOutlineLevel(value);
            if (level !== undefined) current.outlineLevel = level;
          } else if (name === "w:numId" && parent === "w:numPr") current.numId = value;
          else if (name === "w:ilvl" && parent === "w:numPr" && value !== undefined && /^\d$/.test(value)) {
            current.level = Number(value);
          }
        }
        if (!selfClosing) stack.push(name);
      },
      end(name) {
        if (stack[stack.length - 1] === name) stack.pop();
        if (name === "w:style" && stack[stack.length - 1] === "w:styles" && current) {
          if (!styles.has(current.id)) {
            styles.set(current.id, {
              id: current.id,
              name: current.name,
              basedOn: current.basedOn,
              outlineLevel: current.outlineLevel,
              numbering:
                current.numId === undefined && current.level === undefined
                  ? undefined
                  : {
                      ...(current.numId === undefined ? {} : { numId: current.numId }),
                      ...(current.level === undefined ? {} : { level: current.level }),
                    },
            });
          }
          if (current.isDefault && defaultStyleId === undefined) defaultStyleId = current.id;
          current = undefined;
        }
      },
      text() {},
    },
    maxDepth,
  );
  return { styles, defaultStyleId };
}

/** A style and the styles it is based on, nearest first (cycles and chains over 32 cut). */
export function styleChain(sheet: StyleSheet, styleId: string | undefined): ParagraphStyle[] {
  const chain: ParagraphStyle[] = [];
  const seen = new Set<string>();
  let id = styleId;
  while (id !== undefined && !seen.has(id) && chain.length < 32) {
    seen.add(id);
    const style = sheet.styles.get(id);
    if (!style) break;
    chain.push(style);
    id = style.basedOn;
  }
  return chain;
}

/**
 * The heading level a paragraph style gives: a built-in heading style by name (`heading 1`,
 * `标题 1`) or by id when the style is not defined (`Heading1`), an outline level 0–8 in the
 * style or a style it is based on, or `"title"` for the Title style. Outline level 9 is body text.
 */
export function headingOfStyle(sheet: StyleSheet, styleId: string | undefined): StyleHeading {
  const chain = styleChain(sheet, styleId);
  if (chain.length === 0 && styleId !== undefined) {
    const byId = /^heading\s*([1-9])$/i.exec(styleId);
    if (byId) return Number(byId[1]);
    if (/^title$/i.test(styleId)) return "title";
    return undefined;
  }
  for (const style of chain) {
    const name = style.name?.trim();
    const byName = name === undefined ? null : headingName.exec(name);
    if (byName) return Number(byName[1]);
    if (style.outlineLevel !== undefined) return style.outlineLevel <= 8 ? style.outlineLevel + 1 : undefined;
    if (name !== undefined && titleName.test(name)) return "title";
  }
  return undefined;
}

/** The numbering a paragraph style carries (from the nearest style in its chain that sets it). */
export function numberingOfStyle(sheet: StyleSheet, styleId: string | undefined): NumberingReference | undefined {
  let numId: string | undefined;
  let level: number | undefined;
  for (const style of styleChain(sheet, styleId)) {
    numId ??= style.numbering?.numId;
    level ??= style.numbering?.level;
  }
  return numId === undefined ? undefined : { numId, level: level ?? 0 };
}
