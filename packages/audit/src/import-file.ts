import { type Diagnostic, GongkaiError, type Report, ReportValidationError } from "@gongkai/core";
import { fromDocx } from "@gongkai/from-docx";
import { fromHtml } from "@gongkai/from-html";
import { fromPdf, isPdf } from "@gongkai/from-pdf";
import { fromText } from "@gongkai/from-text";
import { JsonSyntaxError, parseJson } from "@gongkai/to-json";
import type { AuditFailureKind } from "./audit-result";

// The one place the audit turns bytes into a report. It is to be replaced by the shared
// `importFile` of issue 11 (`@gongkai/import`) once that lands on main.

/** The formats the audit reads. */
export type AuditInputFormat = "json" | "html" | "text" | "docx" | "pdf";

/** A file that was read into a report. */
export interface ImportedFile {
  readonly ok: true;
  readonly format: AuditInputFormat;
  readonly report: Report;
  readonly diagnostics: readonly Diagnostic[];
}

/** A file that could not be read into a report, and why. */
export interface ImportFailure {
  readonly ok: false;
  readonly format: AuditInputFormat | undefined;
  readonly kind: AuditFailureKind;
  readonly reason: string;
}

const extensions: Record<string, AuditInputFormat> = {
  json: "json",
  html: "html",
  htm: "html",
  xhtml: "html",
  txt: "text",
  text: "text",
  docx: "docx",
  pdf: "pdf",
};

/** The format of a file: by its extension, else by its first bytes. */
export function sniffFormat(name: string, bytes: Uint8Array): AuditInputFormat {
  const extension = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : extensions[extension];
  if (byExtension) return byExtension;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  if (isPdf(bytes)) return "pdf";
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[index] as number)) index += 1;
  if (bytes[index] === 0x7b) return "json";
  if (bytes[index] === 0x3c) return "html";
  return "text";
}

function failure(format: AuditInputFormat | undefined, kind: AuditFailureKind, reason: string): ImportFailure {
  return { ok: false, format, kind, reason };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Read a file's bytes into a report with the importer its format needs. Never rejects: what
 * cannot be read comes back as a failure with its kind and reason.
 */
export async function importFile(bytes: Uint8Array, name: string): Promise<ImportedFile | ImportFailure> {
  const format = sniffFormat(name, bytes);
  if (format === "text" && bytes.subarray(0, 8192).includes(0)) {
    return failure(format, "not-a-report", "a binary file, not text, HTML, JSON or DOCX");
  }
  try {
    if (format === "json") {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return { ok: true, format, report: parseJson(text.startsWith("\uFEFF") ? text.slice(1) : text), diagnostics: [] };
    }
    const options = { fileName: name };
    const result =
      format === "pdf"
        ? await fromPdf(bytes, options)
        : format === "docx"
          ? fromDocx(bytes, options)
          : format === "html"
            ? fromHtml(bytes, options)
            : fromText(bytes, options);
    return { ok: true, format, report: result.report, diagnostics: result.diagnostics };
  } catch (error) {
    if (error instanceof TypeError && format === "json") return failure(format, "invalid-json", "not valid UTF-8");
    if (JsonSyntaxError.isInstance(error)) return failure(format, "invalid-json", describe(error));
    if (ReportValidationError.isInstance(error)) return failure(format, "not-a-report", describe(error));
    if (GongkaiError.isInstance(error) && error.name === "GongkaiNotAReportError") {
      return failure(format, "not-a-report", describe(error));
    }
    return failure(format, "import-error", describe(error));
  }
}
