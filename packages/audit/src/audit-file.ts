import { readFileSync } from "node:fs";
import type { Report } from "@gongkai/core";
import {
  type AgencyKind,
  type CheckOptions,
  checkReport,
  type Diagnostic,
  normalizeAgencyName,
  publicationDeadline,
} from "@gongkai/core";
import type { toHtmlPageChunks as ToHtmlPageChunks } from "@gongkai/to-html";
import { type AuditFailure, type AuditReportResult, countSeverities } from "./audit-result";
import { cellsCsv, findingsCsv } from "./csv";
import { importFile } from "./import-file";
import { crossYearSlice } from "./series";
import { writeFileChunks } from "./write-file-chunks";

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
  /** Whether to return the `findings.csv` lines. */
  readonly findings?: boolean;
  /** Options for `check()` (never `prior`: predecessors are checked by the series tracker). */
  readonly rules?: CheckOptions["rules"];
  readonly deadlines?: Partial<Record<AgencyKind, string | null>>;
  /**
   * Only (re)write the page, with these cross-year findings added: the report was audited
   * already, before its predecessor was read. No reply, only a {@link PageWritten}.
   */
  readonly pageOnly?: { readonly crossYear: readonly Diagnostic[] };
}

/** From the main thread to a worker: the cross-year findings for the page of the report it replied for. */
export interface CrossYearForPage {
  readonly kind: "cross-year";
  readonly id: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** From a worker: a task's page is written (or could not be: `error`). */
export interface PageWritten {
  readonly kind: "page";
  readonly id: number;
  readonly error?: string;
}

/** From a worker: a task's result (`reply`); with a page to write, a {@link PageWritten} follows. */
export interface TaskReplyMessage {
  readonly kind: "reply";
  readonly reply: AuditTaskReply;
}

/** What a worker sends back for one task. */
export interface AuditTaskReply {
  readonly id: number;
  readonly result: AuditReportResult | AuditFailure;
  /** The report's cross-year slice (for checked reports). */
  readonly slice?: string;
  /** Its `cells.csv` lines. */
  readonly cellsCsv?: string;
  /** Its `findings.csv` lines (its own findings; the cross-year ones are the main thread's). */
  readonly findingsCsv?: string;
}

const day = 86_400_000;

let htmlPageChunks: Promise<typeof ToHtmlPageChunks> | undefined;

/** to-html's `toHtmlPageChunks`, loaded when the first page is written (a run without pages never loads it). */
function loadToHtmlPageChunks(): Promise<typeof ToHtmlPageChunks> {
  htmlPageChunks ??= import("@gongkai/to-html").then((module) => module.toHtmlPageChunks);
  return htmlPageChunks;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Read, import and check one file; with a page to write, hand the result to `deliver` first and
 * write the page with the cross-year findings it answers with (those of the report and its
 * predecessor, when the predecessor was read before). Never rejects: a failure is a result, a
 * page that cannot be written an `error` (and no file: a partial page is removed).
 */
export async function auditFile(
  task: AuditTask,
  deliver: (reply: AuditTaskReply) => Promise<readonly Diagnostic[]>,
): Promise<{ reply: AuditTaskReply } | { page: PageWritten }> {
  const audited = await checkFile(task);
  if (!("report" in audited)) {
    if (task.pageOnly) return { page: { kind: "page", id: task.id, error: pageError(audited.reply) } };
    return { reply: audited.reply };
  }
  const crossYear = task.pageOnly ? task.pageOnly.crossYear : await deliver(audited.reply);
  const page = task.page as NonNullable<AuditTask["page"]>;
  try {
    const toHtmlPageChunks = await loadToHtmlPageChunks();
    const diagnostics = [...audited.diagnostics, ...crossYear];
    // Chunk by chunk: the page as one string (150,000 UTF-16 units and more) would cost more than
    // rendering it, on its own pages of memory. A page that fails is removed.
    writeFileChunks(page.path, toHtmlPageChunks(audited.report, { diagnostics, validate: false }));
    return { page: { kind: "page", id: task.id } };
  } catch (error) {
    return { page: { kind: "page", id: task.id, error: `${page.path}: ${describe(error)}` } };
  }
}

function pageError(reply: AuditTaskReply): string {
  return reply.result.kind === "failure" ? `${reply.result.file}: ${reply.result.reason}` : reply.result.file;
}

/** Read, import and check one file: the reply, and the report and its findings when there is a page to write. */
async function checkFile(
  task: AuditTask,
): Promise<{ reply: AuditTaskReply } | { reply: AuditTaskReply; report: Report; diagnostics: Diagnostic[] }> {
  const fail = (failure: AuditFailure["failure"], reason: string) => ({
    reply: { id: task.id, result: { kind: "failure", file: task.file, failure, reason } } as AuditTaskReply,
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (error) {
    return fail("unreadable", describe(error));
  }
  // The run's levels apply to the importer's findings as to the check's (core's ruleLevel, in both).
  const imported = await importFile(bytes, task.file.split("/").pop() ?? task.file, task.rules);
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
    const reply: AuditTaskReply = {
      id: task.id,
      result,
      slice: crossYearSlice(report),
      ...(task.cells ? { cellsCsv: cellsCsv(task.file, agency.name, year, report) } : {}),
      ...(task.findings ? { findingsCsv: findingsCsv(task.file, agency.name, year, diagnostics) } : {}),
    };
    return task.page ? { reply, report, diagnostics } : { reply };
  } catch (error) {
    return fail("check-error", describe(error));
  }
}
