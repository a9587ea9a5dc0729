import type { Diagnostic, Report } from "@gongkai/core";
import { GongkaiError } from "@gongkai/core";
import { type ImportFileOptions, type InputFormat, importFile } from "@gongkai/import";
import { ReportLoadError } from "./report-load-error";

/** What the bytes are called and typed as, to tell their format by. */
export interface ImportReportOptions {
  /** The file name (its extension names the format when `type` does not). */
  readonly name?: string;
  /** The MIME type (`Content-Type` or `File.type`), or a format name (`json`, `html`, `text`, `docx`, `pdf`). */
  readonly type?: string;
  /** The largest input read, in bytes. Default 50 MiB. */
  readonly maxBytes?: number;
  /**
   * Base URL of pdf.js's CMaps (`pdfjs-dist/cmaps/` served as static files), for PDFs whose
   * Chinese fonts are not embedded. Default `/pdfjs/cmaps/` in a browser (see `@gongkai/import`).
   */
  readonly cMapUrl?: string;
  /** Base URL of pdf.js's standard font data (`pdfjs-dist/standard_fonts/`). Default `/pdfjs/standard_fonts/` in a browser. */
  readonly standardFontDataUrl?: string;
  /**
   * Reads pdf.js's data files from bytes the page carries instead of the URLs above (a page that
   * opens from disk and makes no request). See `@gongkai/import`'s `ImportFileOptions`.
   */
  readonly readPdfData?: ImportFileOptions["readPdfData"];
}

/** A report imported from bytes. */
export interface ImportedReport {
  /** The report as read. */
  readonly report: Report;
  /** What the importer could not read (`import/*` findings), each located in the source. */
  readonly diagnostics: readonly Diagnostic[];
  /** The format it was read as. */
  readonly format: InputFormat;
}

const defaultMaxBytes = 50 * 1024 * 1024;

/**
 * Import a report from bytes in any format the toolkit reads, for the element: `@gongkai/import`'s
 * `importFile` (which tells the format and loads only the importer it needs, pdf.js on the first
 * PDF) behind a size limit, with every failure as one `ReportLoadError`. Runs in the browser.
 *
 * @throws {ReportLoadError} `too-large`, or `not-a-report` (with the importer's error, e.g.
 *   `PdfReadError`, `DocxReadError` or `ImportFileError`, as `cause`).
 * @example
 * const { report, diagnostics } = await importReport(new Uint8Array(await file.arrayBuffer()), { name: file.name });
 */
export async function importReport(bytes: Uint8Array, options: ImportReportOptions = {}): Promise<ImportedReport> {
  const name = options.name ?? "report";
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (bytes.length > maxBytes) {
    throw new ReportLoadError({ code: "too-large", message: `${name}: ${bytes.length} bytes is over ${maxBytes}` });
  }
  try {
    const { report, diagnostics, format } = await importFile(bytes, {
      name,
      ...(options.type === undefined || options.type === "" ? {} : { type: options.type }),
      ...(options.cMapUrl === undefined ? {} : { cMapUrl: options.cMapUrl }),
      ...(options.standardFontDataUrl === undefined ? {} : { standardFontDataUrl: options.standardFontDataUrl }),
      ...(options.readPdfData === undefined ? {} : { readPdfData: options.readPdfData }),
    });
    return { report, diagnostics, format };
  } catch (error) {
    const reason = GongkaiError.isInstance(error) || error instanceof Error ? error.message : String(error);
    throw new ReportLoadError({ code: "not-a-report", message: `${name}: not a report: ${reason}`, cause: error });
  }
}
