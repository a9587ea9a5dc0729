import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { AuditCrossYearResult, AuditFailure, AuditReportResult } from "./audit-result";
import { cellsCsvHeader, findingsCsv, findingsCsvHeader } from "./csv";
import type { AuditSummary } from "./summary";
import { auditSummaryJsonSchema, auditSummarySchemaUrl } from "./summary-json-schema";
import { summaryPage } from "./summary-page";

/** A file name part from a report's file name: letters, digits, `-` and `_`, at most 40. */
function safeName(file: string): string {
  const base = (file.split("/").pop() ?? file).replace(/\.[^.]*$/, "");
  return base.replace(/[^\p{L}\p{N}_-]+/gu, "_").slice(0, 40) || "report";
}

/**
 * The output directory: `findings.csv` and `cells.csv` appended as results arrive, in the order
 * they arrive, from the lines the workers formatted (synchronous writes, so nothing waits in
 * memory), per-report pages under `reports/` (written by the workers), and `summary.json`, its
 * schema and `index.html` at the end.
 */
export class OutputWriter {
  private readonly findings: number;
  private readonly cells: number | undefined;

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
    if (text) writeSync(this.findings, text);
    if (lines.cellsCsv && this.cells !== undefined) writeSync(this.cells, lines.cellsCsv);
  }

  /** Write the summary, its schema and the summary page, and close the CSV files. */
  finish(summary: AuditSummary): void {
    closeSync(this.findings);
    if (this.cells !== undefined) closeSync(this.cells);
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
