import { type Diagnostic, GongkaiError, type Report, ReportValidationError } from "@gongkai/core";
import {
  ImportFileError,
  type ImportFileOptions,
  type InputFormat,
  importFile as importAnyFile,
  sniffFormat,
} from "@gongkai/import";
import { JsonSyntaxError } from "@gongkai/to-json";
import type { AuditFailureKind } from "./audit-result";

/** The formats the audit reads: those of `@gongkai/import`. */
export type AuditInputFormat = InputFormat;

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

function failure(format: AuditInputFormat | undefined, kind: AuditFailureKind, reason: string): ImportFailure {
  return { ok: false, format, kind, reason };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The format `importFile` reads a file as, or undefined for a binary file it does not read. */
function formatOf(bytes: Uint8Array, name: string): AuditInputFormat | undefined {
  try {
    return sniffFormat(bytes, { name });
  } catch {
    return undefined;
  }
}

/**
 * Read a file's bytes into a report through `@gongkai/import`'s `importFile` (the one format
 * sniffer and importer dispatch), and sort what cannot be read into the audit's failure kinds.
 * Never rejects.
 */
export async function importFile(
  bytes: Uint8Array,
  name: string,
  rules?: ImportFileOptions["rules"],
): Promise<ImportedFile | ImportFailure> {
  try {
    const { report, diagnostics, format } = await importAnyFile(bytes, { name, ...(rules ? { rules } : {}) });
    return { ok: true, format, report, diagnostics };
  } catch (error) {
    const format = formatOf(bytes, name);
    if (ImportFileError.isInstance(error)) {
      return failure(format, error.reason === "invalid-utf8" ? "invalid-json" : "not-a-report", describe(error));
    }
    if (JsonSyntaxError.isInstance(error)) return failure(format, "invalid-json", describe(error));
    if (ReportValidationError.isInstance(error)) return failure(format, "not-a-report", describe(error));
    if (GongkaiError.isInstance(error) && error.name === "GongkaiNotAReportError") {
      return failure(format, "not-a-report", describe(error));
    }
    return failure(format, "import-error", describe(error));
  }
}
