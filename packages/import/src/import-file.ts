import type { Diagnostic, Report, RuleLevels } from "@gongkai/core";
import type { PdfDataOptions, PdfDataReader } from "@gongkai/from-pdf";
import { ImportFileError } from "./import-file-error";
import { formatFromBytes, formatFromName, formatFromType, type InputFormat } from "./input-format";

/** Options for {@link importFile}. */
export interface ImportFileOptions {
  /** The file's name (`report.docx`): its extension names the format, and findings name the file. */
  readonly name?: string;
  /** A media type (`text/html`, a `File`'s `type`) or a format (`json`, `html`, `text`, `docx`, `pdf`). */
  readonly type?: string;
  /** Where the report was published, recorded in its meta. */
  readonly sourceUrl?: string;
  /**
   * Base URL of pdf.js's CMaps (`pdfjs-dist/cmaps/` served as static files), for PDFs whose
   * Chinese fonts are not embedded (SimSun with `UniGB-UCS2-H`). Outside Node the default is
   * `/pdfjs/cmaps/` on the page's origin; in Node, the installed `pdfjs-dist`'s folder.
   */
  readonly cMapUrl?: string;
  /**
   * Base URL of pdf.js's standard font data (`pdfjs-dist/standard_fonts/`). Outside Node the
   * default is `/pdfjs/standard_fonts/` on the page's origin; in Node, the installed
   * `pdfjs-dist`'s folder.
   */
  readonly standardFontDataUrl?: string;
  /**
   * Reads pdf.js's data files (CMaps, standard font data) from the caller's bytes instead of the
   * URLs above, which are then not used: for a page that opens from disk and makes no request.
   * See `@gongkai/from-pdf`'s `PdfDataReader`.
   */
  readonly readPdfData?: PdfDataReader;
  /**
   * The user's levels by id (a config file's `rules`): findings of an `import/*` id set `off` are
   * dropped, those of an id set to a severity get it (core's `applyRuleLevels`, the function
   * `check()` reads levels with). Check rules' ids may be in the same map; they are ignored here.
   */
  readonly rules?: RuleLevels;
}

/**
 * Where `importFile` looks for pdf.js's data files outside Node when no URL is given: the
 * page's own origin, at `/pdfjs/cmaps/` and `/pdfjs/standard_fonts/` (serve `pdfjs-dist`'s
 * `cmaps/` and `standard_fonts/` folders there, or pass `cMapUrl`/`standardFontDataUrl`).
 */
const defaultPdfDataUrls = {
  cMapUrl: "/pdfjs/cmaps/",
  standardFontDataUrl: "/pdfjs/standard_fonts/",
} as const;

/**
 * The data options handed to `fromPdf`: the caller's reader (which from-pdf reads before any URL)
 * and URLs, else (outside Node) `defaultPdfDataUrls`.
 */
function pdfDataOptions(options: ImportFileOptions): PdfDataOptions {
  // In Node, from-pdf reads the installed pdfjs-dist's folders itself.
  const inNode =
    typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";
  const cMapUrl = options.cMapUrl ?? (inNode ? undefined : defaultPdfDataUrls.cMapUrl);
  const standardFontDataUrl =
    options.standardFontDataUrl ?? (inNode ? undefined : defaultPdfDataUrls.standardFontDataUrl);
  return {
    ...(cMapUrl === undefined ? {} : { cMapUrl }),
    ...(standardFontDataUrl === undefined ? {} : { standardFontDataUrl }),
    ...(options.readPdfData === undefined ? {} : { readPdfData: options.readPdfData }),
  };
}

/** What {@link importFile} read. */
export interface ImportFileResult {
  /** The report. */
  readonly report: Report;
  /** The importer's `import/*` findings (none for JSON). */
  readonly diagnostics: readonly Diagnostic[];
  /** The format it was read as. */
  readonly format: InputFormat;
}

/**
 * The format of an input: from `type` when it names one, else from `name`'s extension, else from
 * the bytes (a ZIP is DOCX; `{` JSON; `<` HTML; other text is text).
 *
 * @throws {ImportFileError} `unsupported-format` for a binary file in no format gongkai reads.
 */
export function sniffFormat(bytes: Uint8Array, options: Pick<ImportFileOptions, "name" | "type"> = {}): InputFormat {
  const declared =
    (options.type === undefined ? undefined : formatFromType(options.type)) ??
    (options.name === undefined ? undefined : formatFromName(options.name));
  if (declared) return declared;
  const sniffed = formatFromBytes(bytes);
  if (sniffed === "binary") {
    throw new ImportFileError({
      reason: "unsupported-format",
      message: "a binary file, not JSON, HTML, text, DOCX or PDF",
    });
  }
  return sniffed;
}

function decodeJson(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new ImportFileError({
      reason: "invalid-utf8",
      message: "not valid UTF-8 (JSON must be UTF-8)",
      cause: error,
    });
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * Read a report from the bytes of a file in any format gongkai reads: canonical JSON (through
 * `parseJson`), HTML, text, DOCX or PDF (through their importers, each loaded only when needed).
 *
 * @throws {ImportFileError} when the bytes are in no format gongkai reads, or JSON is not UTF-8;
 * the importers' own typed errors (`JsonSyntaxError`, `ReportValidationError`, `NotAReportError`,
 * `DocxReadError`, `PdfReadError`, `HtmlLimitError`) pass through.
 * @example
 * const { report, diagnostics, format } = await importFile(await file.bytes(), { name: file.name, type: file.type });
 */
export async function importFile(bytes: Uint8Array, options: ImportFileOptions = {}): Promise<ImportFileResult> {
  const result = await importBytes(bytes, options);
  if (options.rules === undefined || result.diagnostics.length === 0) return result;
  const { applyRuleLevels } = await import("@gongkai/core");
  return { ...result, diagnostics: applyRuleLevels(result.diagnostics, options.rules) };
}

/** {@link importFile} before the user's levels are applied. */
async function importBytes(bytes: Uint8Array, options: ImportFileOptions): Promise<ImportFileResult> {
  const format = sniffFormat(bytes, options);
  if (format === "json") {
    const { parseJson } = await import("@gongkai/to-json");
    return { report: parseJson(decodeJson(bytes)), diagnostics: [], format };
  }
  const importerOptions = {
    ...(options.name === undefined ? {} : { fileName: baseName(options.name) }),
    ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
  };
  if (format === "html") {
    const { fromHtml } = await import("@gongkai/from-html");
    return { ...fromHtml(bytes, importerOptions), format };
  }
  if (format === "pdf") {
    const { fromPdf } = await import("@gongkai/from-pdf");
    return { ...(await fromPdf(bytes, { ...importerOptions, ...pdfDataOptions(options) })), format };
  }
  if (format === "docx") {
    const { fromDocx } = await import("@gongkai/from-docx");
    return { ...fromDocx(bytes, importerOptions), format };
  }
  const { fromText } = await import("@gongkai/from-text");
  return { ...fromText(bytes, importerOptions), format };
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
}
