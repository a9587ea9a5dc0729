import type { Diagnostic } from "@gongkai/core";
import { type BlockDocument, type BlockDocumentMeta, importDiagnostic } from "@gongkai/recognize";
import { readDocumentBlocks } from "./document-blocks";
import { DocxReadError } from "./docx-read-error";
import { ListNumberer, parseNumbering } from "./numbering";
import { parseStyles, type StyleSheet } from "./styles";
import { parseXml } from "./xml-tokenizer";
import { partKey, readZipDirectory, readZipEntry, type ZipEntry, type ZipLimits } from "./zip-reader";

/** Limits and switches for {@link docxToBlocks}. Every limit has a default (see {@link defaultDocxLimits}). */
export interface DocxOptions {
  /** Most zip entries accepted (default 10 000). More → `too-many-entries`. */
  readonly maxEntries?: number;
  /** Largest uncompressed size of one part read (default 64 MiB). Larger → `too-large`. */
  readonly maxEntrySize?: number;
  /** Largest uncompressed size of all parts read together (default 256 MiB). Larger → `too-large`. */
  readonly maxTotalSize?: number;
  /**
   * Highest compression ratio (uncompressed : compressed) accepted for a part read of 1 MiB or more
   * (default 500; deflate cannot exceed about 1032, and real document parts stay far below 100). Higher → `compression-ratio`.
   */
  readonly maxCompressionRatio?: number;
  /** Deepest XML element nesting accepted (default 512). Deeper → `too-complex`. */
  readonly maxDepth?: number;
  /** Most table grid slots built for the whole document (default 1 000 000). More → `too-complex`. */
  readonly maxTableSlots?: number;
}

/** The limits {@link docxToBlocks} applies when its options do not set them. */
export const defaultDocxLimits = {
  maxEntries: 10_000,
  maxEntrySize: 64 * 1024 * 1024,
  maxTotalSize: 256 * 1024 * 1024,
  maxCompressionRatio: 500,
  maxDepth: 512,
  maxTableSlots: 1_000_000,
} as const satisfies Required<DocxOptions>;

const mainDocumentPart = "word/document.xml";

class PartReader {
  readonly #bytes: Uint8Array;
  readonly #entries: ReadonlyMap<string, ZipEntry>;
  readonly #limits: ZipLimits;
  #budget: number;

  constructor(bytes: Uint8Array, limits: ZipLimits & { maxTotalSize: number }) {
    this.#bytes = bytes;
    this.#limits = limits;
    this.#budget = limits.maxTotalSize;
    this.#entries = readZipDirectory(bytes, limits);
  }

  has(name: string): boolean {
    return this.#entries.has(partKey(name));
  }

  read(name: string): Uint8Array | undefined {
    const entry = this.#entries.get(partKey(name));
    if (!entry) return undefined;
    const data = readZipEntry(this.#bytes, entry, this.#limits, this.#budget);
    this.#budget -= data.length;
    return data;
  }
}

/** Decode an XML part: BOM-detected UTF-8 or UTF-16, else UTF-8 (bad bytes replaced, with a diagnostic). */
function decodeXml(bytes: Uint8Array, part: string, diagnostics: Diagnostic[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Decode leniently (fast); only when a U+FFFD appears, check whether the source had it or bad bytes did.
  const text = new TextDecoder("utf-8").decode(bytes.subarray(start));
  if (!text.includes("\uFFFD")) return text;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    diagnostics.push(
      importDiagnostic("import/encoding", { kind: "invalidUtf8Part", part }, { line: 1, column: 1, path: part }),
    );
    return text;
  }
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function readRelationships(xml: string, part: string, maxDepth: number): Relationship[] {
  const relationships: Relationship[] = [];
  parseXml(
    xml,
    part,
    {
      start(name, attributes) {
        if (name !== "rel:Relationship" || attributes.get("TargetMode") === "External") return;
        const type = attributes.get("Type");
        const target = attributes.get("Target");
        if (type !== undefined && target !== undefined) relationships.push({ type, target });
      },
      end() {},
      text() {},
    },
    maxDepth,
  );
  return relationships;
}

/** Resolve a relationship target against the folder of the part that owns the relationships. */
function resolveTarget(folder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : folder.split("/").filter((segment) => segment !== "");
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

function findTarget(relationships: readonly Relationship[], typeSuffix: string, folder: string): string | undefined {
  const relationship = relationships.find((candidate) => candidate.type.endsWith(typeSuffix));
  return relationship === undefined ? undefined : resolveTarget(folder, relationship.target);
}

function readTitle(xml: string, part: string, maxDepth: number): string | undefined {
  let depthInTitle = 0;
  let title = "";
  parseXml(
    xml,
    part,
    {
      start(name) {
        if (depthInTitle > 0 || name === "dc:title") depthInTitle++;
      },
      end() {
        if (depthInTitle > 0) depthInTitle--;
      },
      text(text) {
        if (depthInTitle > 0) title += text;
      },
    },
    maxDepth,
  );
  const trimmed = title.replace(/[\t\n\f\r \u00a0]+/g, " ").replace(/^[ \u3000]+|[ \u3000]+$/g, "");
  return trimmed === "" ? undefined : trimmed;
}

const customPropertiesNamespace = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}";

/** The `gongkai.*` custom properties (docProps/custom.xml) by name, with their text values. */
function readGongkaiProperties(xml: string, part: string, maxDepth: number): Map<string, string> {
  const properties = new Map<string, string>();
  let current: string | undefined;
  let value = "";
  parseXml(
    xml,
    part,
    {
      start(name, attributes, _offset, selfClosing) {
        if (name !== `${customPropertiesNamespace}property` || selfClosing) return;
        const propertyName = attributes.get("name");
        current = propertyName?.startsWith("gongkai.") ? propertyName : undefined;
        value = "";
      },
      end(name) {
        if (name !== `${customPropertiesNamespace}property`) return;
        if (current !== undefined && !properties.has(current)) properties.set(current, value.trim());
        current = undefined;
      },
      text(text) {
        if (current !== undefined) value += text;
      },
    },
    maxDepth,
  );
  return properties;
}

/** The agency facts a gongkai rendering states in its custom properties (see `@gongkai/to-docx`). */
function statedAgency(properties: ReadonlyMap<string, string>): NonNullable<BlockDocumentMeta["agency"]> | undefined {
  const kind = properties.get("gongkai.agencyKind");
  if (kind === undefined) return undefined;
  const region = properties.get("gongkai.agencyRegion");
  return {
    kind,
    ...(properties.get("gongkai.agencyKindInferred") === "true" ? { kindInferred: true } : {}),
    ...(region === undefined || region === "" ? {} : { region }),
  };
}

/**
 * Read a Word (.docx) file into a block document: headings (from heading styles such as
 * `heading 1` / `标题 1` and outline levels), paragraphs (with Word's list labels such as `一、`),
 * and tables expanded into slot grids with their merged cells (`gridSpan`, `vMerge`,
 * `gridBefore`/`gridAfter`), each with its source position in `word/document.xml` (line, column,
 * offset and an element path such as `document>body>tbl[2]>tr[4]>tc[3]`). The document title
 * comes from `docProps/core.xml`; the agency kind and region a gongkai rendering states, from the
 * `gongkai.agency*` custom properties in `docProps/custom.xml`.
 *
 * Hostile files are refused before they cost much: the zip directory is read and checked against
 * the limits before anything is inflated, only the parts needed are inflated, each with a running
 * cap at its declared size, and the XML reader refuses DTDs and entity declarations outright.
 *
 * @param bytes - the .docx file.
 * @param options - limits; see {@link DocxOptions}.
 * @throws {DocxReadError} when the file cannot be read; `code` says why (`invalid-option` when a
 * limit in `options` is not a positive number).
 * @example
 * const document = docxToBlocks(new Uint8Array(await file.arrayBuffer()));
 */
export function docxToBlocks(bytes: Uint8Array, options: DocxOptions = {}): BlockDocument {
  if (!(bytes instanceof Uint8Array)) {
    throw new DocxReadError({ code: "not-a-zip", message: "docxToBlocks expects the file's bytes as a Uint8Array." });
  }
  const limits = resolveLimits(options);
  const parts = new PartReader(bytes, limits);
  const diagnostics: Diagnostic[] = [];
  const readXml = (part: string): string | undefined => {
    const data = parts.read(part);
    return data === undefined ? undefined : decodeXml(data, part, diagnostics);
  };

  const packageRelationshipsXml = readXml("_rels/.rels");
  const packageRelationships =
    packageRelationshipsXml === undefined
      ? []
      : readRelationships(packageRelationshipsXml, "_rels/.rels", limits.maxDepth);
  let documentPart = findTarget(packageRelationships, "/officeDocument", "");
  if (documentPart === undefined || !parts.has(documentPart)) documentPart = mainDocumentPart;
  if (!parts.has(documentPart)) {
    throw new DocxReadError({
      code: "missing-part",
      message: `The archive has no main document part (${mainDocumentPart}): it is not a Word document.`,
      part: documentPart,
    });
  }
  const slash = documentPart.lastIndexOf("/");
  const folder = slash < 0 ? "" : documentPart.slice(0, slash);
  const file = documentPart.slice(slash + 1);
  const documentRelationshipsPart = `${folder === "" ? "" : `${folder}/`}_rels/${file}.rels`;
  const documentRelationshipsXml = readXml(documentRelationshipsPart);
  const documentRelationships =
    documentRelationshipsXml === undefined
      ? []
      : readRelationships(documentRelationshipsXml, documentRelationshipsPart, limits.maxDepth);

  const stylesPart = findTarget(documentRelationships, "/styles", folder) ?? "word/styles.xml";
  const stylesXml = readXml(stylesPart);
  const styles: StyleSheet =
    stylesXml === undefined
      ? { styles: new Map(), defaultStyleId: undefined }
      : parseStyles(stylesXml, stylesPart, limits.maxDepth);

  const numberingPart = findTarget(documentRelationships, "/numbering", folder) ?? "word/numbering.xml";
  const numberingXml = readXml(numberingPart);
  const numberer =
    numberingXml === undefined
      ? undefined
      : new ListNumberer(parseNumbering(numberingXml, numberingPart, limits.maxDepth));

  const corePart = findTarget(packageRelationships, "/metadata/core-properties", "") ?? "docProps/core.xml";
  const coreXml = readXml(corePart);
  const title = coreXml === undefined ? undefined : readTitle(coreXml, corePart, limits.maxDepth);
  const customPart = findTarget(packageRelationships, "/custom-properties", "") ?? "docProps/custom.xml";
  const customXml = readXml(customPart);
  const agency =
    customXml === undefined ? undefined : statedAgency(readGongkaiProperties(customXml, customPart, limits.maxDepth));
  const meta = { ...(title === undefined ? {} : { title }), ...(agency === undefined ? {} : { agency }) };

  const documentXml = readXml(documentPart) as string;
  const blocks = readDocumentBlocks(documentXml, {
    part: documentPart,
    styles,
    numberer,
    maxDepth: limits.maxDepth,
    maxTableSlots: limits.maxTableSlots,
    diagnostics,
  });
  return {
    blocks,
    ...(Object.keys(meta).length === 0 ? {} : { meta }),
    ...(diagnostics.length === 0 ? {} : { diagnostics }),
  };
}

function resolveLimits(options: DocxOptions): Required<DocxOptions> {
  const limits: Record<string, number> = { ...defaultDocxLimits };
  for (const key of Object.keys(defaultDocxLimits) as (keyof DocxOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
      throw new DocxReadError({
        code: "invalid-option",
        message: `docxToBlocks: option ${key} must be a positive number, got ${String(value)}.`,
      });
    }
    limits[key] = value;
  }
  return limits as Required<DocxOptions>;
}
