import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { AuditCrossYearResult, AuditFailure, AuditReportResult } from "./audit-result";
import { cellsCsvHeader, findingsCsv, findingsCsvHeader } from "./csv";
import type { AuditSummary } from "./summary";
import { auditSummaryJsonSchema, auditSummarySchemaUrl } from "./summary-json-schema";
import { summaryPage } from "./summary-page";

/**
 * CSV text gathered before it is written: 16 Ki UTF-16 units, so that what is gathered stays one
 * small string (a two-byte string past 64 Ki units is a large object, costly to make).
 */
const pendingSize = 16 * 1024;

/** A file name part from a report's file name: letters, digits, `-` and `_`, at most 40. */
function safeName(file: string): string {
  const base = (file.split("/").pop() ?? file).replace(/\.[^.]*$/, "");
  return base.replace(/[^\p{L}\p{N}_-]+/gu, "_").slice(0, 40) || "report";
}

/**
 * The output directory: `findings.csv` and `cells.csv` appended as results arrive, in the order
 * they arrive, from the lines the workers formatted (gathered up to 16 Ki characters a file, then
 * written synchronously, so little waits in memory and there are few writes), per-report pages under
 * `reports/` (written by the workers), and `summary.json`, its schema and `index.html` at the end.
 */
export class OutputWriter {
  private readonly findings: number;
  private readonly cells: number | undefined;
  /** Lines not yet written, per file. */
  private readonly pending = new Map<number, string>();

  constructor(
    readonly directory: string,
    readonly pages: boolean,
    cells: boolean,
  ) {
    mkdirSync(directory, { recursive: true });
    if (pages) mkdirSync(join(directory, "reports"), { recursive: true });
    this.findings = openSync(join(directory, "findings.csv"), "w");
    writeSync(this.findings, `\uFEFF${findingsCsvHeader}`);
    if (cells) {
      this.cells = openSync(join(directory, "cells.csv"), "w");
      writeSync(this.cells, `\uFEFF${cellsCsvHeader}`);
    }
  }

  /** Whether `cells.csv` is written. */
  get writesCells(): boolean {
    return this.cells !== undefined;
  }

  /** Where the page of the `id`th file goes. */
  pageFor(id: number, file: string): { path: string; relative: string } | undefined {
    if (!this.pages) return undefined;
    const relative = `reports/${String(id).padStart(6, "0")}-${safeName(file)}.html`;
    return { path: join(this.directory, relative), relative };
  }

  /**
   * Append one result's rows: a report's as its worker formatted them (`lines`), a cross-year
   * result's formatted here.
   */
  write(
    result: AuditReportResult | AuditFailure | AuditCrossYearResult,
    lines: { readonly findingsCsv?: string; readonly cellsCsv?: string } = {},
  ): void {
    if (result.kind === "failure") return;
    const text =
      result.kind === "report"
        ? (lines.findingsCsv ?? findingsCsv(result.file, result.agency.name, result.year, result.diagnostics))
        : findingsCsv(result.file, result.agency, result.year, result.diagnostics);
    if (text) this.append(this.findings, text);
    if (lines.cellsCsv && this.cells !== undefined) this.append(this.cells, lines.cellsCsv);
  }

  private append(descriptor: number, text: string): void {
    const pending = this.pending.get(descriptor) ?? "";
    if (pending.length + text.length < pendingSize) {
      this.pending.set(descriptor, pending + text);
      return;
    }
    // Never joined into a larger string: what is pending is written, then a large text as it came.
    if (pending !== "") writeSync(descriptor, pending);
    if (text.length < pendingSize) this.pending.set(descriptor, text);
    else {
      writeSync(descriptor, text);
      this.pending.delete(descriptor);
    }
  }

  private close(descriptor: number): void {
    const pending = this.pending.get(descriptor);
    this.pending.delete(descriptor);
    try {
      if (pending) writeSync(descriptor, pending);
    } finally {
      closeSync(descriptor);
    }
  }

  /** Write what is pending, the summary, its schema and the summary page, and close the CSV files. */
  finish(summary: AuditSummary): void {
    try {
      this.close(this.findings);
    } finally {
      if (this.cells !== undefined) this.close(this.cells);
    }
    writeFileSync(
      join(this.directory, "summary.json"),
      `${JSON.stringify({ $schema: auditSummarySchemaUrl, ...summary }, null, 2)}\n`,
    );
    writeFileSync(
      join(this.directory, "summary.schema.json"),
      `${JSON.stringify(auditSummaryJsonSchema(), null, 2)}\n`,
    );
    writeFileSync(join(this.directory, "index.html"), summaryPage(summary));
  }
}
