import { type EditionId, getEdition, getTableDefinition, type TableId, tableIds } from "../editions/editions";
import type { Cell } from "../model/cell";
import type { Report, ReportOf } from "../model/report";
import type { AgencyKind } from "../taxonomy/agency-kind";

/** Options for {@link createReport}. */
export interface CreateReportOptions<E extends EditionId> {
  /** The format edition. */
  readonly edition: E;
  /** The calendar year the report covers. */
  readonly year: number;
  /** The agency; defaults to an empty name of unknown kind. */
  readonly agency?: { readonly name: string; readonly kind?: AgencyKind; readonly region?: string };
}

/** A table of an edition with every cell blank. */
export function createBlankTable(edition: EditionId, table: TableId): { rows: Record<string, Record<string, Cell>> } {
  const rows: Record<string, Record<string, Cell>> = {};
  for (const row of getTableDefinition(edition, table).rows) {
    const cells: Record<string, Cell> = {};
    for (const column of row.columns) cells[column.key] = { kind: "blank" };
    rows[row.key] = cells;
  }
  return { rows };
}

/**
 * An empty report of an edition and year: the six parts with their printed headings and no
 * prose, and every table with every cell blank.
 *
 * @example
 * const report = createReport({ edition: "2021", year: 2025, agency: { name: "某市统计局", kind: "department" } });
 */
export function createReport<E extends EditionId>(options: CreateReportOptions<E>): ReportOf<E> {
  const { edition, year, agency } = options;
  const tables = Object.fromEntries(tableIds.map((table) => [table, createBlankTable(edition, table)]));
  const report = {
    edition,
    meta: {
      agency: {
        name: agency?.name ?? "",
        kind: agency?.kind ?? "unknown",
        ...(agency?.region === undefined ? {} : { region: agency.region }),
      },
      year,
    },
    preamble: [],
    parts: getEdition(edition).sections.map((section) => ({
      code: section.code,
      numeral: section.label.slice(0, 1),
      heading: section.label,
      blocks: [],
    })),
    tables,
  };
  return report as unknown as ReportOf<E>;
}

/** A deep copy of a report (reports are plain JSON data). */
export function cloneReport<R extends Report>(report: R): R {
  return structuredClone(report);
}
