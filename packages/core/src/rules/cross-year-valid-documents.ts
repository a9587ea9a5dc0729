import type { LocalizedText } from "../diagnostics/diagnostic";
import { type EditionId, getTableDefinition } from "../editions/editions";
import type { CoreRule } from "./emit";
import { priorMismatch } from "./prior-mismatch";
import { cellLocation, numberOf, readCell, referenceOf, rowLabel, type ShownValue, shownValue } from "./table-cells";

/** The table 二 columns the rule reads: 本年制发件数, 本年废止件数, 现行有效件数. */
const made = "made";
const repealed = "repealed";
const valid = "valid";

const rowsByEditions = new Map<string, readonly string[]>();

/**
 * The table 二 rows of an `edition` report that have 本年制发件数, 本年废止件数 and 现行有效件数,
 * and whose row in a `priorEdition` report has 现行有效件数 (read once per pair of editions).
 */
function comparableRows(edition: EditionId, priorEdition: EditionId): readonly string[] {
  const key = `${edition}/${priorEdition}`;
  let rows = rowsByEditions.get(key);
  if (!rows) {
    const priorRows = new Map(getTableDefinition(priorEdition, "table2").rows.map((row) => [row.key, row]));
    rows = getTableDefinition(edition, "table2")
      .rows.filter((row) => {
        const keys = new Set(row.columns.map((column) => column.key));
        const priorKeys = new Set(priorRows.get(row.key)?.columns.map((column) => column.key));
        return [made, repealed, valid].every((column) => keys.has(column)) && priorKeys.has(valid);
      })
      .map((row) => row.key);
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
 * 本年废止件数 and 现行有效件数 in both reports (规章 and 行政规范性文件 of the 2021 edition):
 * last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 is expected to equal this
 * year's 现行有效件数. Documents can also lapse without being repealed, so this is a warning.
 */
export const crossYearValidDocuments: CoreRule<ValidDocumentsData> = {
  run({ report, options }, emit) {
    const prior = options.prior;
    if (!prior || priorMismatch(report, prior)) return;
    if (!report.tables.table2 || !prior.tables.table2) return;
    for (const row of comparableRows(report.edition, prior.edition)) {
      const lastValid = readCell(prior, "table2", row, valid);
      const madeCell = readCell(report, "table2", row, made);
      const repealedCell = readCell(report, "table2", row, repealed);
      const validCell = readCell(report, "table2", row, valid);
      const lastValidValue = numberOf(lastValid);
      const validValue = numberOf(validCell);
      if (lastValidValue === undefined || validValue === undefined) continue;
      if (madeCell.cell?.kind === "unread" || repealedCell.cell?.kind === "unread") continue;
      const expected = lastValidValue + (numberOf(madeCell) ?? 0) - (numberOf(repealedCell) ?? 0);
      if (expected === validValue) continue;
      emit({
        data: {
          row: rowLabel(report, "table2", row),
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
