import { readFileSync, writeFileSync } from "node:fs";
import {
  type AgencyKind,
  type CheckOptions,
  checkReport,
  normalizeAgencyName,
  publicationDeadline,
} from "@gongkai/core";
import { toHtmlPage } from "@gongkai/to-html";

import { type AuditFailure, type AuditReportResult, countSeverities } from "./audit-result";
import { cellsCsv } from "./csv";
import { importFile } from "./import-file";
import { crossYearSlice } from "./series";

/** One file for a worker to audit. */
export interface AuditTask {
  readonly id: number;
  /** Where to read the file. */
  readonly path: string;
  /** The file as results name it. */
  readonly file: string;
  /** Where to write the report's page (absolute), and its path relative to the output directory. */
  readonly page?: { readonly path: string; readonly relative: string };
  /** Whether to return the `cells.csv` lines. */
  readonly cells: boolean;
  /** Options for `check()` (never `prior`: predecessors are checked by the series tracker). */
  readonly rules?: CheckOptions["rules"];
  readonly deadlines?: Partial<Record<AgencyKind, string | null>>;
}

/** What a worker sends back for one task. */
export interface AuditTaskReply {
  readonly id: number;
  readonly result: AuditReportResult | AuditFailure;
  /** The report's cross-year slice (for checked reports). */
  readonly slice?: string;
  /** Its `cells.csv` lines. */
  readonly cellsCsv?: string;
}

const day = 86_400_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Read, import, check and render one file. Never rejects: a failure is a result. */
export async function auditFile(task: AuditTask): Promise<AuditTaskReply> {
  const fail = (failure: AuditFailure["failure"], reason: string): AuditTaskReply => ({
    id: task.id,
    result: { kind: "failure", file: task.file, failure, reason },
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (error) {
    return fail("unreadable", describe(error));
  }
  const imported = await importFile(bytes, task.file.split("/").pop() ?? task.file);
  if (!imported.ok) return fail(imported.kind, imported.reason);
  const { report } = imported;
  try {
    const checked = checkReport(report, {
      ...(task.rules ? { rules: task.rules } : {}),
      ...(task.deadlines ? { deadlines: task.deadlines } : {}),
    });
    const diagnostics = [...imported.diagnostics, ...checked.diagnostics];
    const { agency, year, publishedDate } = report.meta;
    const deadline = publicationDeadline(year, agency.kind, task.deadlines);
    const daysLate =
      deadline !== undefined && publishedDate !== undefined
        ? Math.max(0, Math.round((Date.parse(publishedDate) - Date.parse(deadline)) / day))
        : undefined;
    if (task.page) {
      writeFileSync(task.page.path, toHtmlPage(report, { diagnostics, validate: false }));
    }
    const result: AuditReportResult = {
      kind: "report",
      file: task.file,
      format: imported.format,
      agency: { name: agency.name, kind: agency.kind },
      series: normalizeAgencyName(agency.name),
      year,
      edition: report.edition,
      ...(publishedDate !== undefined ? { publishedDate } : {}),
      ...(deadline !== undefined ? { deadline } : {}),
      ...(daysLate !== undefined ? { daysLate } : {}),
      ...(task.page ? { page: task.page.relative } : {}),
      diagnostics,
      counts: countSeverities(diagnostics),
      coverage: checked.coverage,
    };
    return {
      id: task.id,
      result,
      slice: crossYearSlice(report),
      ...(task.cells ? { cellsCsv: cellsCsv(task.file, agency.name, year, report) } : {}),
    };
  } catch (error) {
    return fail("check-error", describe(error));
  }
}
