import type { Diagnostic, SourcePosition } from "@gongkai/core";
import {
  type Block,
  type BlockDocument,
  type DecodedPieces,
  importDiagnostic,
  TableGridBuilder,
  textPieceLength,
} from "@gongkai/recognize";
import {
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  defaultTreeAdapter,
  Parser,
  type ParserOptions,
  type Token,
  type TreeAdapter,
} from "parse5";
import { decodeHtmlPieces } from "./decode-html";
import { HtmlLimitError } from "./html-limit-error";
import { colSpanOf, rowSpanOf } from "./span-attributes";
import { TextRun } from "./text-run";
import { tuneTokenizer } from "./tokenizer";

type Element = DefaultTreeAdapterTypes.Element;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Location = NonNullable<Element["sourceCodeLocation"]>;

/** Options for {@link htmlToBlocks}. Every limit is checked before the work it bounds is done. */
export interface HtmlOptions {
  /**
   * The encoding of byte input when the page has no BOM (a WHATWG label such as `gbk`); it
   * overrides the page's `<meta charset>`. Ignored for string input.
   */
  readonly encoding?: string;
  /** The largest input, in bytes or UTF-16 code units, read at all (default 32 MiB); larger input throws {@link HtmlLimitError}. */
  readonly maxInputLength?: number;
  /** The most blocks emitted (default 200 000); the rest of the page is dropped with `import/limit-exceeded`. */
  readonly maxBlocks?: number;
  /** The most slots (rows × columns, and placement work) in one table (default 100 000); the rest of the table is dropped with `import/limit-exceeded`. */
  readonly maxTableSlots?: number;
  /** The most slots in all tables together (default 1 000 000). */
  readonly maxSlots?: number;
  /**
   * The most elements the HTML parser may create (default: 4096 plus the input's length).
   * Unclosed formatting tags make the parser re-open them again and again (the adoption agency and
   * the reconstruction of active formatting elements), which can otherwise build a tree quadratic
   * in the input; past the limit the parse stops with {@link HtmlLimitError}.
   */
  readonly maxElements?: number;
}

/** The default of {@link HtmlOptions.maxInputLength}. */
const defaultMaxInputLength = 32 * 1024 * 1024;

/** The default of {@link HtmlOptions.maxElements} for an input of `length` code units. */
const defaultMaxElements = (length: number) => 4096 + length;

/** The defaults of {@link HtmlOptions.maxBlocks}, {@link HtmlOptions.maxTableSlots} and {@link HtmlOptions.maxSlots}. */
const defaultMaxBlocks = 200_000;
const defaultMaxTableSlots = 100_000;
const defaultMaxSlots = 1_000_000;

/**
 * A node's source location, written out field by field. parse5 makes an element's location as
 * `{ ...location, startTag: location }` and ends it as `{ ...location, ...end }`; on Node 20's V8
 * an object spread followed by another property gets a hidden class of its own, made in the old
 * generation, once per object, and the young collections then kept the whole tree of each page
 * until a full collection (about 76 kB of a generated portal page moved to the old generation per
 * parse). With every location made by this literal, one hidden class serves them all.
 */
function nodeLocation(
  location: Token.ElementLocation,
  end: Partial<Token.ElementLocation>,
  startTag: Token.Location | undefined,
): Location {
  // Every field, always (an absent tag or attribute list as `undefined`), so that every location
  // has the one hidden class; the type's optional fields say "may be absent".
  return {
    startLine: location.startLine,
    startCol: location.startCol,
    startOffset: location.startOffset,
    endLine: end.endLine ?? location.endLine,
    endCol: end.endCol ?? location.endCol,
    endOffset: end.endOffset ?? location.endOffset,
    startTag,
    endTag: end.endTag ?? location.endTag,
    attrs: location.attrs,
  } as Location;
}

/**
 * parse5's own tree, with every created element counted: past `maximum` the parse stops with
 * {@link HtmlLimitError}. A tree adapter is parse5's extension point, so this bounds its work
 * without changing parse5: every step of reconstructing formatting elements creates one. Every
 * `<table>` element created is kept in `tables` (for {@link findLayoutTables}). A location's end
 * is set through {@link nodeLocation}.
 */
export function countingTreeAdapter(maximum: number, tables: Element[]): TreeAdapter<DefaultTreeAdapterMap> {
  let created = 0;
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      created += 1;
      if (created > maximum) throw new HtmlLimitError({ limit: "maxElements", maximum, actual: created });
      const element = defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
      if (tagName === "table") tables.push(element);
      return element;
    },
    updateNodeSourceCodeLocation(node, end) {
      const location = node.sourceCodeLocation as Location | null | undefined;
      if (!location) return;
      node.sourceCodeLocation = nodeLocation(location, end, location.startTag);
    },
  };
}

/** An element's end, not yet known when it is attached. */
const noEnd: Partial<Token.ElementLocation> = Object.freeze({});

/**
 * parse5's `Parser`, with an element's location made by {@link nodeLocation} rather than by
 * parse5's spread: its `_attachElementToTree` is given no location, and the element's is set
 * after, as parse5 would set it. Its tokenizer is tuned by {@link tuneTokenizer}: a table of
 * state handlers that read runs of text at once, and no attribute locations.
 */
class LocatingParser extends Parser<DefaultTreeAdapterMap> {
  constructor(...args: ConstructorParameters<typeof Parser<DefaultTreeAdapterMap>>) {
    super(...args);
    tuneTokenizer(this.tokenizer);
  }

  override _attachElementToTree(
    element: Element,
    location: Token.LocationWithAttributes | null,
    insertionLocation: Parameters<Parser<DefaultTreeAdapterMap>["_attachElementToTree"]>[2],
  ): void {
    super._attachElementToTree(element, null, insertionLocation);
    if (this.options.sourceCodeLocationInfo && location) {
      this.treeAdapter.setNodeSourceCodeLocation(element, nodeLocation(location, noEnd, location));
    }
  }
}

/** What reading a page yields: the block document, and the embedded gongkai report data if any. */
export interface HtmlReading {
  readonly document: BlockDocument;
  /** The text of the first `<script type="application/json" data-gongkai-report>`, if the page has one. */
  readonly embeddedReport?: { readonly text: string; readonly source: SourcePosition };
  /** The encoding the bytes were decoded with (`undefined` for string input). */
  readonly encoding?: string;
}

const skippedTags = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "title",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "select",
  "textarea",
  "canvas",
  "audio",
  "video",
  "head",
]);

const blockTags = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "listing",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "plaintext",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "xmp",
]);

const preformattedTags = new Set(["pre", "listing", "plaintext", "xmp", "textarea"]);
const headingLevels: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

function attribute(element: Element, name: string): string | undefined {
  for (const attr of element.attrs) if (attr.name === name && attr.prefix === undefined) return attr.value;
  return undefined;
}

/** `hidden`, or a `style` that hides the element (one pass over the attributes: every element is asked). */
function isHidden(element: Element): boolean {
  let style: string | undefined;
  for (const attr of element.attrs) {
    if (attr.prefix !== undefined) continue;
    if (attr.name === "hidden") return true;
    if (attr.name === "style" && style === undefined) style = attr.value;
  }
  return style !== undefined && hiddenStyle.test(style);
}

const isElement = (node: ChildNode): node is Element => "tagName" in node;

function positionOf(location: Location | null | undefined, path: string): SourcePosition {
  if (!location) return { line: 1, column: 1, path };
  return {
    line: location.startLine,
    column: location.startCol,
    endLine: location.endLine,
    endColumn: location.endCol,
    offset: location.startOffset,
    endOffset: location.endOffset,
    path,
  };
}

/** The text of an element's text-node children (for `<title>` and `<script>`). */
function rawText(element: Element): string {
  let text = "";
  for (const child of element.childNodes) if (child.nodeName === "#text") text += (child as { value: string }).value;
  return text;
}

/**
 * The tables that contain another table. Portals wrap whole pages in such layout tables, so their
 * cells are read as ordinary blocks and only innermost tables become grids. `tables` are the
 * `<table>` elements the parser created; only those the walk reaches count (below `root`, not
 * inside a skipped element or a template's content, not taken out of the tree again).
 */
function findLayoutTables(root: ParentNode, tables: readonly Element[]): Set<Element> {
  const layout = new Set<Element>();
  if (tables.length < 2) return layout;
  for (const table of tables) {
    let outer: Element | undefined;
    let node: ParentNode | null = table.parentNode;
    while (node !== null && node !== root) {
      if (!("tagName" in node) || skippedTags.has(node.tagName)) break;
      if (outer === undefined && node.tagName === "table") outer = node;
      node = node.parentNode;
    }
    if (node === root && outer !== undefined) layout.add(outer);
  }
  return layout;
}

interface Container {
  readonly element: Element;
  /** How many path segments lead to the element (its path is computed only when a block needs it). */
  readonly depth: number;
  readonly flushMark: number;
}

interface Frame {
  readonly children: ChildNode[];
  index: number;
  readonly pushedPath: boolean;
  readonly exit: (() => void) | undefined;
  counts: Map<string, number> | undefined;
  seen: Map<string, number> | undefined;
}

interface DataTable {
  readonly element: Element;
  readonly path: string;
  readonly builder: TableGridBuilder;
  /** Inside a `<td>`/`<th>` or `<caption>`: where its text goes. */
  run: TextRun | undefined;
}

/** The limits a walk honours. */
interface WalkLimits {
  readonly maxBlocks: number;
  readonly maxTableSlots: number;
  readonly maxSlots: number;
}

/** What {@link Walker.enter} decides for an element: walk its children or not, and what to do after them. */
interface Step {
  readonly descend: boolean;
  readonly exit?: (() => void) | undefined;
}

const descendStep: Step = { descend: true };
const skipStep: Step = { descend: false };

/**
 * Walks parse5's tree into blocks. With `findOnly`, it builds no blocks (no text, no paths, no
 * positions) and stops at the first embedded report script: it makes every decision the full walk
 * makes about which elements to enter (skipped, hidden, layout tables, a data table's rows under
 * its slot budgets), so it finds the script the full walk finds, in a fraction of the time.
 */
class Walker {
  readonly blocks: Block[] = [];
  readonly diagnostics: Diagnostic[] = [];
  title: string | undefined;
  articleTitle: string | undefined;
  sourceUrl: string | undefined;
  /** The agency as a gongkai rendering states it on its `<article>` (`data-agency-*`). */
  agency: { kind?: string; kindInferred?: boolean; region?: string } | undefined;
  embeddedReport: { text: string; source: SourcePosition } | undefined;

  private readonly path: string[] = [];
  /** `joinedPaths[i]` is `path[0..i]` joined by `>`, for `i` below `joinedValid`. */
  private readonly joinedPaths: string[] = [];
  private joinedValid = 0;
  private readonly containers: Container[] = [];
  private readonly flow = new TextRun();
  private flowStart: SourcePosition | undefined;
  private flowOwner: Container | undefined;
  private flowEnd: Location | undefined;
  private headingLevel: number | undefined;
  private flushCount = 0;
  private preformatted = 0;
  private table: DataTable | undefined;
  private slotsLeft: number;
  private stopped = false;
  /**
   * In `findOnly` mode: the walk passed more nodes than `maxBlocks` before finding the script, so
   * the full walk might have stopped before it (it stops at `maxBlocks` blocks) and cannot be told apart.
   */
  declined = false;

  constructor(
    private readonly layoutTables: Set<Element>,
    private readonly options: WalkLimits,
    private readonly findOnly = false,
  ) {
    this.slotsLeft = options.maxSlots;
  }

  /** The element path to the current element, or to its ancestor `depth` segments down. */
  private currentPath(depth = this.path.length): string {
    const segments = this.path;
    if (depth <= 48) {
      if (depth === 0) return "";
      // Each path is its parent's plus one segment, so the prefixes are kept as they are built:
      // a table's hundreds of cells each cost one concatenation, not a join of the whole path.
      const joined = this.joinedPaths;
      for (let index = this.joinedValid; index < depth; index += 1) {
        joined[index] = index === 0 ? (segments[0] as string) : `${joined[index - 1]}>${segments[index]}`;
      }
      if (depth > this.joinedValid) this.joinedValid = depth;
      return joined[depth - 1] as string;
    }
    return [...segments.slice(0, 8), "…", ...segments.slice(depth - 39, depth)].join(">");
  }

  /** Leave the current element's path segment. */
  private popSegment(): void {
    this.path.pop();
    if (this.joinedValid > this.path.length) this.joinedValid = this.path.length;
  }

  private push(block: Block): void {
    if (this.stopped || this.findOnly) return;
    if (this.blocks.length >= this.options.maxBlocks) {
      this.stopped = true;
      this.diagnostics.push(
        importDiagnostic("import/limit-exceeded", { kind: "pageBlocks", max: this.options.maxBlocks }, block.source),
      );
      return;
    }
    this.blocks.push(block);
  }

  /** End the current paragraph or heading; `exiting` is the block element being closed, if any. */
  private flush(exiting?: Container): void {
    if (this.findOnly || (this.flowStart === undefined && !this.flow.pending)) return;
    const text = this.flow.finish();
    const start = this.flowStart;
    if (text !== "" && start) {
      const ownerLocation = exiting && this.flowOwner === exiting ? exiting.element.sourceCodeLocation : undefined;
      const end = ownerLocation ?? this.flowEnd;
      const source: SourcePosition = end
        ? { ...start, endLine: end.endLine, endColumn: end.endCol, endOffset: end.endOffset }
        : start;
      const level = this.headingLevel;
      this.push(level === undefined ? { type: "paragraph", text, source } : { type: "heading", level, text, source });
      this.flushCount += 1;
    }
    this.flowStart = undefined;
    this.flowOwner = undefined;
    this.flowEnd = undefined;
  }

  private flowText(node: DefaultTreeAdapterTypes.TextNode): void {
    const hadContent = this.flow.hasContent;
    const content = this.flow.text(node.value, this.preformatted > 0);
    const location = node.sourceCodeLocation;
    if (!content) return;
    if (location) this.flowEnd = location;
    if (hadContent) return;
    const container = this.containers[this.containers.length - 1];
    const path = this.currentPath(container?.depth ?? 0);
    if (container?.element.sourceCodeLocation && container.flushMark === this.flushCount) {
      this.flowOwner = container;
      const { startLine, startCol, startOffset } = container.element.sourceCodeLocation;
      this.flowStart = { line: startLine, column: startCol, offset: startOffset, path };
    } else {
      this.flowStart = location
        ? { line: location.startLine, column: location.startCol, offset: location.startOffset, path }
        : { line: 1, column: 1, path };
    }
  }

  private text(node: DefaultTreeAdapterTypes.TextNode): void {
    if (this.table) {
      this.table.run?.text(node.value, this.preformatted > 0);
      return;
    }
    this.flowText(node);
  }

  private readMeta(element: Element): void {
    const tag = element.tagName;
    if (tag === "title") {
      this.title ??= rawText(element);
    } else if (tag === "meta") {
      const name = attribute(element, "name")?.toLowerCase();
      const property = attribute(element, "property")?.toLowerCase();
      const content = attribute(element, "content");
      if (content !== undefined && name === "articletitle") this.articleTitle ??= content;
      if (content !== undefined && property === "og:url") this.sourceUrl ??= content;
    } else if (tag === "link") {
      const rel = attribute(element, "rel")
        ?.toLowerCase()
        .split(/[\t\n\f\r ]+/);
      const href = attribute(element, "href");
      if (href !== undefined && rel?.includes("canonical")) this.sourceUrl = href;
    } else if (tag === "script" && this.embeddedReport === undefined) {
      if (
        attribute(element, "data-gongkai-report") !== undefined &&
        attribute(element, "type")?.trim().toLowerCase() === "application/json"
      ) {
        this.embeddedReport = {
          text: rawText(element),
          source: positionOf(element.sourceCodeLocation, this.currentPath()),
        };
        if (this.findOnly) this.stopped = true;
      }
    }
  }

  /** The agency facts to-html writes on its `<article>`: `data-agency-kind`, `-kind-inferred`, `-region`. */
  private readAgency(element: Element): void {
    const kind = attribute(element, "data-agency-kind");
    if (kind === undefined) return;
    const region = attribute(element, "data-agency-region");
    this.agency = {
      kind: kind.trim(),
      ...(attribute(element, "data-agency-kind-inferred") === "true" ? { kindInferred: true } : {}),
      ...(region === undefined ? {} : { region }),
    };
  }

  /** Enter an element; returns whether to walk its children, and what to do after them. */
  private enter(element: Element): Step {
    const tag = element.tagName;
    if (tag === "meta" || tag === "link" || tag === "title" || tag === "script" || tag === "head") {
      if (tag === "head") return descendStep;
      this.readMeta(element);
      return skipStep;
    }
    if (skippedTags.has(tag) || isHidden(element)) return skipStep;
    if (tag === "article" && this.agency === undefined) this.readAgency(element);
    if (tag === "br") {
      if (this.findOnly) return skipStep;
      if (this.table) this.table.run?.hardBreak();
      else this.flow.hardBreak();
      return skipStep;
    }
    const table = this.table;
    if (table && table.run === undefined) return this.enterTableStructure(table, element);
    if (table) {
      if (this.findOnly) return descendStep;
      // Inside a cell or caption of a data table: blocks are line boundaries.
      const run = table.run as TextRun;
      if (preformattedTags.has(tag)) this.preformatted += 1;
      if (!blockTags.has(tag)) return this.inlineStep(tag);
      run.softBreak();
      const pre = this.preformattedExit(tag);
      return {
        descend: true,
        exit: () => {
          run.softBreak();
          pre?.();
        },
      };
    }
    if (tag === "table" && !this.layoutTables.has(element)) return this.enterDataTable(element);
    if (this.findOnly) return descendStep;
    if (!blockTags.has(tag)) {
      if (preformattedTags.has(tag)) this.preformatted += 1;
      return this.inlineStep(tag);
    }
    this.flush();
    const container: Container = { element, depth: this.path.length, flushMark: this.flushCount };
    this.containers.push(container);
    const level = headingLevels[tag];
    const outerLevel = this.headingLevel;
    if (level !== undefined) this.headingLevel = level;
    if (preformattedTags.has(tag)) this.preformatted += 1;
    const pre = this.preformattedExit(tag);
    return {
      descend: true,
      exit: () => {
        this.flush(container);
        this.containers.pop();
        this.headingLevel = outerLevel;
        pre?.();
      },
    };
  }

  /** Descend into an inline element (the shared {@link descendStep} unless it is preformatted). */
  private inlineStep(tag: string): Step {
    const exit = this.preformattedExit(tag);
    return exit === undefined ? descendStep : { descend: true, exit };
  }

  private preformattedExit(tag: string): (() => void) | undefined {
    return preformattedTags.has(tag)
      ? () => {
          this.preformatted -= 1;
        }
      : undefined;
  }

  private enterDataTable(element: Element): Step {
    this.flush();
    const path = this.currentPath();
    const budget = Math.min(this.options.maxTableSlots, this.slotsLeft);
    const table: DataTable = { element, path, builder: new TableGridBuilder({ maxSlots: budget }), run: undefined };
    this.table = table;
    return {
      descend: true,
      exit: () => {
        this.table = undefined;
        const { builder } = table;
        const rows = builder.finish();
        const width = rows[0]?.length ?? 0;
        this.slotsLeft = Math.max(0, this.slotsLeft - Math.max(builder.cost, rows.length * width));
        const source = positionOf(element.sourceCodeLocation, path);
        if (builder.truncated) {
          const limit = budget < this.options.maxTableSlots ? "maxSlots" : "maxTableSlots";
          this.diagnostics.push(
            importDiagnostic(
              "import/limit-exceeded",
              { kind: "tableSlots", option: limit, budget, rows: builder.rows },
              source,
            ),
          );
        }
        if (rows.length > 0 && width > 0) this.push({ type: "table", rows, spansKnown: true, source });
      },
    };
  }

  private enterTableStructure(table: DataTable, element: Element): Step {
    const tag = element.tagName;
    const { builder } = table;
    if (tag === "thead" || tag === "tbody" || tag === "tfoot") {
      builder.beginRowGroup();
      return descendStep;
    }
    if (tag === "tr") return builder.beginRow() ? descendStep : skipStep;
    if (tag === "td" || tag === "th") {
      return this.collectText(table, element, (text, source) =>
        builder.addCell({
          text,
          source,
          header: tag === "th",
          rowSpan: rowSpanOf(attribute(element, "rowspan")),
          colSpan: colSpanOf(attribute(element, "colspan")),
        }),
      );
    }
    if (tag === "caption") {
      return this.collectText(table, element, (text, source) => {
        // A caption repeating the heading just before the table (an accessible duplicate) adds nothing.
        const last = this.blocks[this.blocks.length - 1];
        if (text !== "" && !(last && last.type !== "table" && last.text === text)) {
          this.push({ type: "paragraph", text, source });
        }
      });
    }
    return skipStep;
  }

  /** Collect the text below a table cell or caption into its own run, and hand it over on exit. */
  private collectText(table: DataTable, element: Element, done: (text: string, source: SourcePosition) => void): Step {
    const run = new TextRun();
    const source = positionOf(element.sourceCodeLocation, this.currentPath());
    table.run = run;
    return {
      descend: true,
      exit: () => {
        table.run = undefined;
        done(run.finish(), source);
      },
    };
  }

  /** Walk the tree below `root` without recursion. */
  walk(root: ParentNode): void {
    const stack: Frame[] = [
      { children: root.childNodes, index: 0, pushedPath: false, exit: undefined, counts: undefined, seen: undefined },
    ];
    const { findOnly } = this;
    let visited = 0;
    while (stack.length > 0 && !this.stopped) {
      const frame = stack[stack.length - 1] as Frame;
      if (frame.index >= frame.children.length) {
        stack.pop();
        frame.exit?.();
        if (frame.pushedPath) this.popSegment();
        continue;
      }
      const child = frame.children[frame.index] as ChildNode;
      frame.index += 1;
      if (findOnly) {
        // Each block comes from a node, so within maxBlocks nodes the full walk cannot have stopped.
        visited += 1;
        if (visited > this.options.maxBlocks) {
          this.declined = true;
          return;
        }
        if (!isElement(child)) continue;
        const { descend, exit } = this.enter(child);
        if (descend && child.childNodes.length > 0) {
          stack.push({
            children: child.childNodes,
            index: 0,
            pushedPath: false,
            exit,
            counts: undefined,
            seen: undefined,
          });
        } else exit?.();
        continue;
      }
      if (!isElement(child)) {
        if (child.nodeName === "#text") this.text(child as DefaultTreeAdapterTypes.TextNode);
        continue;
      }
      const tag = child.tagName;
      if (frame.counts === undefined) {
        frame.counts = new Map();
        frame.seen = new Map();
        for (const sibling of frame.children) {
          if (isElement(sibling)) frame.counts.set(sibling.tagName, (frame.counts.get(sibling.tagName) ?? 0) + 1);
        }
      }
      const index = (frame.seen?.get(tag) ?? 0) + 1;
      frame.seen?.set(tag, index);
      const pushedPath = tag !== "html";
      if (pushedPath) this.path.push((frame.counts.get(tag) ?? 0) > 1 ? `${tag}[${index}]` : tag);
      const { descend, exit } = this.enter(child);
      if (descend && child.childNodes.length > 0) {
        stack.push({ children: child.childNodes, index: 0, pushedPath, exit, counts: undefined, seen: undefined });
      } else {
        exit?.();
        if (pushedPath) this.popSegment();
      }
    }
    if (!this.stopped) this.flush();
  }
}

/**
 * A page's text, checked and decoded once however it is then read: in pieces, so that a page
 * read from bytes is never one large string (string input is one piece).
 */
export interface HtmlText {
  /** The text in order, in pieces (see `@gongkai/recognize`'s `decodeTextPieces`). */
  readonly pieces: readonly string[];
  /** The text's length in UTF-16 units. */
  readonly length: number;
  /** How byte input was decoded (`undefined` for string input). */
  readonly decoded?: DecodedPieces;
}

/**
 * Check the input's type and length, and decode bytes per their BOM or `<meta charset>`.
 *
 * @throws {HtmlLimitError} when the input is longer than `maxInputLength`.
 */
export function htmlText(input: string | Uint8Array, options: HtmlOptions = {}): HtmlText {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    throw new TypeError("HTML input must be a string or a Uint8Array");
  }
  const maxInputLength = options.maxInputLength ?? defaultMaxInputLength;
  if (input.length > maxInputLength) {
    throw new HtmlLimitError({ limit: "maxInputLength", maximum: maxInputLength, actual: input.length });
  }
  if (typeof input === "string") return { pieces: [input], length: input.length };
  const decoded = decodeHtmlPieces(input, options.encoding);
  return { pieces: decoded.pieces, length: decoded.length, decoded };
}

/**
 * parse5's parse of a text given in pieces, the tree (locations included) `parse` makes of the
 * pieces joined: parse5's `Parser` fed a piece at a time through its tokenizer, as
 * parse5-parser-stream feeds it, with the preprocessor's buffer dropped past a piece's length
 * (parse5 keeps up to 64 Ki units by default, a large string again). An audit of 2,000 generated
 * portal pages ran 8-13 % faster on one worker, up to 12 % on two, than with one string a page
 * (steady reports a second, three alternating rounds). One piece is parsed at once. Either way
 * the parser is {@link LocatingParser}, so that every location is one {@link nodeLocation} makes.
 */
export function parsePieces(
  pieces: readonly string[],
  options: ParserOptions<DefaultTreeAdapterMap>,
): DefaultTreeAdapterTypes.Document {
  if (pieces.length <= 1) return LocatingParser.parse(pieces[0] ?? "", options);
  const parser = new LocatingParser(options);
  const { tokenizer } = parser;
  tokenizer.preprocessor.bufferWaterline = textPieceLength;
  pieces.forEach((piece, index) => {
    tokenizer.write(piece, index === pieces.length - 1);
  });
  return parser.document;
}

/** The walk's limits, defaults applied. */
function walkLimits(options: HtmlOptions): WalkLimits {
  return {
    maxBlocks: options.maxBlocks ?? defaultMaxBlocks,
    maxTableSlots: options.maxTableSlots ?? defaultMaxTableSlots,
    maxSlots: options.maxSlots ?? defaultMaxSlots,
  };
}

/**
 * Read a page's text ({@link htmlText}) into a block document, and find any gongkai report data
 * it embeds. Used by {@link htmlToBlocks} and `fromHtml`.
 *
 * @throws {HtmlLimitError} when the parser would create more than `maxElements` elements.
 */
export function readHtml(source: HtmlText, options: HtmlOptions = {}): HtmlReading {
  const { decoded } = source;
  const maxElements = options.maxElements ?? defaultMaxElements(source.length);
  const tables: Element[] = [];
  const tree = parsePieces(source.pieces, {
    sourceCodeLocationInfo: true,
    treeAdapter: countingTreeAdapter(maxElements, tables),
  });
  const walker = new Walker(findLayoutTables(tree, tables), walkLimits(options));
  walker.walk(tree);
  const title = walker.articleTitle ?? walker.title;
  const cleanTitle = title === undefined ? undefined : title.replace(/[\t\n\f\r \u00a0]+/g, " ").trim();
  const meta = {
    ...(cleanTitle ? { title: cleanTitle } : {}),
    ...(walker.sourceUrl ? { sourceUrl: walker.sourceUrl } : {}),
    ...(walker.agency ? { agency: walker.agency } : {}),
  };
  const diagnostics = [...(decoded?.diagnostics ?? []), ...walker.diagnostics];
  const document: BlockDocument = {
    blocks: walker.blocks,
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
  };
  return {
    document,
    ...(walker.embeddedReport ? { embeddedReport: walker.embeddedReport } : {}),
    ...(decoded ? { encoding: decoded.encoding } : {}),
  };
}

/** The marker attribute; a page whose text never spells it embeds no report. */
const embeddedReportMarker = /data-gongkai-report/i;

/** Whether the text spells {@link embeddedReportMarker}: within a piece, or across two. */
function spellsMarker(pieces: readonly string[]): boolean {
  const overlap = embeddedReportMarker.source.length - 1;
  let previous = "";
  for (const piece of pieces) {
    if (embeddedReportMarker.test(piece)) return true;
    if (embeddedReportMarker.test(previous.slice(-overlap) + piece.slice(0, overlap))) return true;
    previous = piece;
  }
  return false;
}

/**
 * The text of the embedded report {@link readHtml} finds, found without building blocks or
 * source positions (a quarter of the work on a page `@gongkai/to-html` wrote): the same
 * {@link Walker}, in its `findOnly` mode, over a tree parsed without source locations.
 * `undefined` when the page has no such script, and when this walk cannot be sure it sees what
 * the full walk sees (more nodes before the script than `maxBlocks`, where the full walk may
 * stop): the caller then reads the page in full.
 *
 * @throws {HtmlLimitError} when the parser would create more than `maxElements` elements.
 */
export function quickEmbeddedReport(source: HtmlText, options: HtmlOptions = {}): string | undefined {
  if (!spellsMarker(source.pieces)) return undefined;
  const maxElements = options.maxElements ?? defaultMaxElements(source.length);
  const tables: Element[] = [];
  const tree = parsePieces(source.pieces, { treeAdapter: countingTreeAdapter(maxElements, tables) });
  const walker = new Walker(findLayoutTables(tree, tables), walkLimits(options), true);
  walker.walk(tree);
  return walker.declined ? undefined : walker.embeddedReport?.text;
}

/**
 * Read an HTML page or fragment into a {@link BlockDocument}: headings (`<h1>`–`<h6>` with their
 * level), paragraphs (every block-level run of text; `<br>` kept as `\n`), and tables as grids
 * with `rowspan`/`colspan` expanded by the HTML table model (`<th>` marked as header). Every
 * block and slot carries its source position: line, column, offsets and element path such as
 * `body>table[2]>tbody>tr[4]>td[3]` (an index appears where siblings share a tag).
 *
 * String input is read as is. Byte input is decoded by its BOM, else `options.encoding`, else its
 * `<meta charset>`, else UTF-8 (GB18030 when the bytes are not UTF-8 but are valid GB18030);
 * undecodable bytes yield `import/encoding` diagnostics. Scripts, styles and hidden elements
 * (`hidden`, `display:none`, `mso-hide:all`) are skipped. A table that contains another table is
 * read as layout: its cells become ordinary blocks.
 *
 * @throws {HtmlLimitError} when the input is longer than `maxInputLength`, or the parser would
 * create more than `maxElements` elements; other limits cut the output short with an `import/limit-exceeded` diagnostic.
 * @example
 * const document = htmlToBlocks(await (await fetch(url)).bytes());
 */
export function htmlToBlocks(input: string | Uint8Array, options: HtmlOptions = {}): BlockDocument {
  return readHtml(htmlText(input, options), options).document;
}
