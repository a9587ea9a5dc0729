import type { Diagnostic, Report } from "@gongkai/core";
import type { BlockDocument } from "./block-document";
import { FindingCollector } from "./diagnostics";
import { NotAReportError } from "./not-a-report-error";
import { assemble } from "./stages/assemble";
import { detectEdition } from "./stages/edition";
import { readMeta } from "./stages/meta";
import { findParts } from "./stages/parts";
import { findRegions } from "./stages/regions";
import { readTables } from "./stages/tables";
import { findCut } from "./stages/truncation";
import { unitsOf } from "./structure";

/** Options for {@link recognize}. */
export interface RecognizeOptions {
  /** The page the document was read from; stored as `meta.sourceUrl`. */
  readonly sourceUrl?: string;
  /** The file the document was read from; set as `path` on source positions that have none. */
  readonly fileName?: string;
}

/** What {@link recognize} returns: the report and the importer's findings (`import/*` only). */
export interface RecognizeResult {
  /**
   * The report as read. A cell the importer could not read is an unread cell (core's
   * `UnreadCell`: why, the raw text, where, and any candidates), never a blank; a cell printed
   * empty is blank.
   */
  readonly report: Report;
  /** What the importer could not read, each located in the source. Run core's `check()` for the rest. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Turn a block document into a report: find the report inside the page (portal chrome before
 * and after is skipped), read its metadata, its six parts by their headings (paraphrases and wrong
 * numerals tolerated; the printed numeral is kept), its edition (from table 二's column labels and
 * table 三's （六） rows, else from the year), and its tables by their printed labels.
 *
 * The work runs in stages, each in `stages/`: parts → meta → regions → edition → tables →
 * (truncation) → assemble.
 *
 * Nothing is invented: a value that cannot be read with confidence is imported as an unread cell,
 * with an `import/*` finding that says where it is in the source. Run core's `check()` on the
 * report for findings about its content.
 *
 * @throws {NotAReportError} when the document has no report year, no part heading and no table.
 * @example
 * const { report, diagnostics } = recognize(textToBlocks(text), { sourceUrl });
 */
export function recognize(document: BlockDocument, options: RecognizeOptions = {}): RecognizeResult {
  const findings = new FindingCollector();
  if (document.diagnostics) findings.addAll(document.diagnostics);
  const units = unitsOf(document);
  const parts = findParts(units);
  const meta = readMeta(document, units, parts);
  const regions = findRegions(units, parts, meta.contentEnd);
  const edition = detectEdition(units, regions, meta.year);
  const tables = readTables({
    units,
    parts,
    regions,
    edition: edition.edition,
    closed: meta.closing !== undefined,
    contentEnd: meta.contentEnd,
    findings,
  });
  if (meta.year === undefined && parts.length === 0 && tables.present.length === 0) throw new NotAReportError();
  const cut = findCut(units, parts, meta, regions, tables);
  return assemble({
    document,
    units,
    parts,
    meta,
    edition,
    tables,
    cut,
    findings,
    sourceUrl: options.sourceUrl ?? document.meta?.sourceUrl,
    fileName: options.fileName,
  });
}
