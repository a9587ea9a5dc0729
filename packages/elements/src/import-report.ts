import { type Diagnostic, GongkaiError, type Report } from "@gongkai/core";
import { fromDocx } from "@gongkai/from-docx";
import { fromHtml } from "@gongkai/from-html";
import { fromText } from "@gongkai/from-text";
import type { RecognizeResult } from "@gongkai/recognize";
import { parseJson } from "@gongkai/to-json";
import { ReportLoadError } from "./report-load-error";

/** The formats `importReport` tells apart. */
export const reportFormats = ["json", "html", "docx", "pdf", "text"] as const;

/** A format `importReport` tells apart. */
export type ReportFormat = (typeof reportFormats)[number];

/** What the bytes are called and typed as, to tell their format by. */
export interface ImportReportOptions {
  /** The file name (its extension decides first). */
  readonly name?: string;
  /** The MIME type (`Content-Type` or `File.type`), used when the name has no known extension. */
  readonly type?: string;
  /** The largest input read, in bytes. Default 50 MiB. */
  readonly maxBytes?: number;
}

/** A report imported from bytes. */
export interface ImportedReport {
  /** The report as read. */
  readonly report: Report;
  /** What the importer could not read (`import/*` findings), each located in the source. */
  readonly diagnostics: readonly Diagnostic[];
  /** The format it was read as. */
  readonly format: ReportFormat;
}

const defaultMaxBytes = 50 * 1024 * 1024;

const byExtension: Record<string, ReportFormat> = {
  json: "json",
  html: "html",
  htm: "html",
  xhtml: "html",
  docx: "docx",
  pdf: "pdf",
  txt: "text",
  text: "text",
};

const byMimeType: Record<string, ReportFormat> = {
  "application/json": "json",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/pdf": "pdf",
  "text/plain": "text",
};

/**
 * The format of some bytes: by the name's extension, else the MIME type, else the first bytes
 * (`PK` a DOCX, `%PDF` a PDF, `{` JSON, `<` HTML, anything else text).
 */
export function detectReportFormat(
  bytes: Uint8Array,
  options: Pick<ImportReportOptions, "name" | "type"> = {},
): ReportFormat {
  const extension = /\.([A-Za-z]+)$/.exec(options.name ?? "")?.[1]?.toLowerCase();
  const named = extension === undefined ? undefined : byExtension[extension];
  if (named !== undefined) return named;
  const typed = byMimeType[(options.type ?? "").split(";")[0]?.trim().toLowerCase() ?? ""];
  if (typed !== undefined) return typed;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[index] as number)) index += 1;
  if (bytes[index] === 0x7b) return "json";
  if (bytes[index] === 0x3c) return "html";
  return "text";
}

function notAReport(name: string, error: unknown): ReportLoadError {
  const reason = GongkaiError.isInstance(error) || error instanceof Error ? error.message : String(error);
  return new ReportLoadError({ code: "not-a-report", message: `${name}: not a report: ${reason}`, cause: error });
}

/**
 * Import a report from bytes in any format the toolkit reads: canonical JSON (`parseJson`),
 * a portal HTML page (`fromHtml`, UTF-8 or GBK), Word (`fromDocx`), PDF with a text layer
 * (`fromPdf`, loaded on the first PDF) or flattened text (`fromText`). The format is told by
 * `detectReportFormat`. Runs in the browser.
 *
 * @throws {ReportLoadError} `too-large`, or `not-a-report` (with the importer's error, e.g.
 *   `PdfReadError` or `DocxReadError`, as `cause`).
 * @example
 * const { report, diagnostics } = await importReport(new Uint8Array(await file.arrayBuffer()), { name: file.name });
 */
export async function importReport(bytes: Uint8Array, options: ImportReportOptions = {}): Promise<ImportedReport> {
  const name = options.name ?? "report";
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (bytes.length > maxBytes) {
    throw new ReportLoadError({ code: "too-large", message: `${name}: ${bytes.length} bytes is over ${maxBytes}` });
  }
  const format = detectReportFormat(bytes, options);
  const importerOptions = { fileName: name };
  try {
    if (format === "json") {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return { report: parseJson(text.startsWith("\uFEFF") ? text.slice(1) : text), diagnostics: [], format };
    }
    let result: RecognizeResult;
    if (format === "pdf") {
      // pdf.js is large: loaded on the first PDF only.
      const { fromPdf } = await import("@gongkai/from-pdf");
      result = await fromPdf(bytes, importerOptions);
    } else if (format === "docx") result = fromDocx(bytes, importerOptions);
    else if (format === "html") result = fromHtml(bytes, importerOptions);
    else {
      if (bytes.subarray(0, 8192).includes(0)) throw new Error("a binary file, not text, HTML, JSON, DOCX or PDF");
      result = fromText(bytes, importerOptions);
    }
    return { report: result.report, diagnostics: result.diagnostics, format };
  } catch (error) {
    throw notAReport(name, error);
  }
}
