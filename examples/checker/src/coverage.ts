import {
  type Cell,
  type CheckResult,
  checkReport,
  type Diagnostic,
  getTableDefinition,
  type Report,
  type TableId,
  tableIds,
} from "@gongkai/core";

/** What of a report could be read: per table, its cells by state. */
export interface TableCoverage {
  readonly table: TableId;
  readonly title: string;
  /** The report has the table at all. */
  readonly present: boolean;
  readonly cells: number;
  readonly numbers: number;
  readonly blank: number;
  readonly notApplicable: number;
  readonly unread: number;
}

/** The coverage of a report as imported. */
export interface Coverage {
  readonly tables: readonly TableCoverage[];
  /** Where the source stops, when the importer saw it stop early. */
  readonly truncatedAt: Report["meta"]["truncatedAt"];
  /** The importer's findings (`import/*`). */
  readonly importFindings: number;
  /** The sum relations core verified and could not verify (`checkReport`'s coverage). */
  readonly relations: CheckResult["coverage"];
}

/**
 * Count every cell of every table of the edition by its state, beside the relations core's
 * `checkReport` verified and those it could not verify because a cell was not read.
 */
export function reportCoverage(report: Report, diagnostics: readonly Diagnostic[]): Coverage {
  const tables = tableIds.map((table): TableCoverage => {
    const definition = getTableDefinition(report.edition, table);
    const rows = report.tables[table]?.rows as Record<string, Record<string, Cell> | undefined> | undefined;
    const counts = { cells: 0, numbers: 0, blank: 0, notApplicable: 0, unread: 0 };
    for (const row of definition.rows) {
      for (const column of row.columns) {
        counts.cells++;
        const cell = rows?.[row.key]?.[column.key];
        if (cell === undefined || cell.kind === "blank") counts.blank++;
        else if (cell.kind === "number") counts.numbers++;
        else if (cell.kind === "notApplicable") counts.notApplicable++;
        else counts.unread++;
      }
    }
    return { table, title: definition.title, present: rows !== undefined, ...counts };
  });
  return {
    tables,
    truncatedAt: report.meta.truncatedAt,
    importFindings: diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith("import/")).length,
    relations: checkReport(report).coverage,
  };
}
