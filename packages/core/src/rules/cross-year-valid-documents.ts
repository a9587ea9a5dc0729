import type { LocalizedText } from "../diagnostics/diagnostic";
import { columnWithRole, type EditionId, getTableDefinition, type TableId, tableIds } from "../editions/editions";
import type { CoreRule } from "./emit";
import { priorMismatch } from "./prior-mismatch";
import { cellLocation, numberOf, readCell, referenceOf, rowLabel, type ShownValue, shownValue } from "./table-cells";

/**
 * A row the rule reads, with its columns found by their roles: 本年制发件数 (`issuedThisYear`),
 * 本年废止件数 (`repealedThisYear`), 现行有效件数 (`inForce`), and last year's 现行有效件数.
 */
interface DocumentsRow {
  readonly table: TableId;
  readonly row: string;
  readonly issued: string;
  readonly repealed: string;
  readonly inForce: string;
  readonly priorInForce: string;
}

const rowsByEditions = new Map<string, readonly DocumentsRow[]>();

/**
 * The rows of an `edition` report that have columns whose roles are `issuedThisYear`,
 * `repealedThisYear` and `inForce`, and whose row in a `priorEdition` report has an `inForce`
 * column (read from the editions' data once per pair of editions).
 */
function comparableRows(edition: EditionId, priorEdition: EditionId): readonly DocumentsRow[] {
  const key = `${edition}/${priorEdition}`;
  let rows = rowsByEditions.get(key);
  if (!rows) {
    const found: DocumentsRow[] = [];
    for (const table of tableIds) {
      const priorRows = new Map(getTableDefinition(priorEdition, table).rows.map((row) => [row.key, row]));
      for (const row of getTableDefinition(edition, table).rows) {
        const issued = columnWithRole(row, "issuedThisYear");
        const repealed = columnWithRole(row, "repealedThisYear");
        const inForce = columnWithRole(row, "inForce");
        const priorRow = priorRows.get(row.key);
        const priorInForce = priorRow && columnWithRole(priorRow, "inForce");
        if (issued && repealed && inForce && priorInForce) {
          found.push({ table, row: row.key, issued, repealed, inForce, priorInForce });
        }
      }
    }
    rows = found;
    rowsByEditions.set(key, rows);
  }
  return rows;
}

/** What a `cross-year/valid-documents` finding is worded from. */
export interface ValidDocumentsData {
  /** The table 二 row, as labelled. */
  readonly row: LocalizedText;
  /** Last year's 现行有效件数, this year's 本年制发件数 and 本年废止件数 as shown, what they give, and this year's 现行有效件数. */
  readonly lastValid: number;
  readonly made: ShownValue;
  readonly repealed: ShownValue;
  readonly expected: number;
  readonly valid: number;
}

/**
 * `cross-year/valid-documents`: with `options.prior`, on every table 二 row that has 本年制发件数,
 * 本年废止件数 and 现行有效件数 in both reports (规章 and 行政规范性文件 of the 2021 edition; the
 * edition data marks the columns with the roles `issuedThisYear`, `repealedThisYear`, `inForce`):
 * last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 is expected to equal this
 * year's 现行有效件数. Documents can also lapse without being repealed, so this is a warning.
 */
export const crossYearValidDocuments: CoreRule<ValidDocumentsData> = {
  run({ report, options }, emit) {
    const prior = options.prior;
    if (!prior || priorMismatch(report, prior)) return;
    for (const { table, row, issued, repealed, inForce, priorInForce } of comparableRows(
      report.edition,
      prior.edition,
    )) {
      if (!report.tables[table] || !prior.tables[table]) continue;
      const lastValid = readCell(prior, table, row, priorInForce);
      const madeCell = readCell(report, table, row, issued);
      const repealedCell = readCell(report, table, row, repealed);
      const validCell = readCell(report, table, row, inForce);
      const lastValidValue = numberOf(lastValid);
      const validValue = numberOf(validCell);
      if (lastValidValue === undefined || validValue === undefined) continue;
      if (madeCell.cell?.kind === "unread" || repealedCell.cell?.kind === "unread") continue;
      const expected = lastValidValue + (numberOf(madeCell) ?? 0) - (numberOf(repealedCell) ?? 0);
      if (expected === validValue) continue;
      emit({
        data: {
          row: rowLabel(report, table, row),
          lastValid: lastValidValue,
          made: shownValue(madeCell),
          repealed: shownValue(repealedCell),
          expected,
          valid: validValue,
        },
        location: cellLocation(validCell),
        expected,
        actual: validValue,
        cells: [referenceOf(madeCell), referenceOf(repealedCell), referenceOf(validCell)],
      });
    }
  },
};
