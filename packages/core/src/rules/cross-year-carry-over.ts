import type { LocalizedText } from "../diagnostics/diagnostic";
import { type EditionId, getTableDefinition } from "../editions/editions";
import type { CoreRule } from "./emit";
import { priorMismatch } from "./prior-mismatch";
import {
  actualOf,
  cellLocation,
  columnLabel,
  numberOf,
  readCell,
  referenceOf,
  rowLabel,
  type ShownValue,
  shownValue,
} from "./table-cells";

/** This year's row that continues last year's. */
const thisYearRow = "carriedOver";
/** Last year's row that this year's continues. */
const priorYearRow = "carriedForward";

const columnsByEditions = new Map<string, readonly string[]>();

/** The columns of this year's row that last year's row also has (read once per pair of editions). */
function comparableColumns(edition: EditionId, priorEdition: EditionId): readonly string[] {
  const key = `${edition}/${priorEdition}`;
  let columns = columnsByEditions.get(key);
  if (!columns) {
    const priorColumns = new Set(
      getTableDefinition(priorEdition, "table3")
        .rows.find((row) => row.key === priorYearRow)
        ?.columns.map((column) => column.key),
    );
    const thisColumns = getTableDefinition(edition, "table3").rows.find((row) => row.key === thisYearRow)?.columns;
    columns = (thisColumns ?? []).map((column) => column.key).filter((column) => priorColumns.has(column));
    columnsByEditions.set(key, columns);
  }
  return columns;
}

/** What a `cross-year/carry-over` finding (and its fix) is worded from. */
export interface CarryOverData {
  /** The column, this year's row and last year's row, as labelled. */
  readonly column: LocalizedText;
  readonly thisRow: LocalizedText;
  readonly priorRow: LocalizedText;
  /** This year's cell and last year's, as shown. */
  readonly current: ShownValue;
  readonly last: ShownValue;
  /** The prior report's year. */
  readonly priorYear: number;
}

/**
 * `cross-year/carry-over`: with `options.prior`, this year's 二、上年结转政府信息公开申请数量
 * equals last year's 四、结转下年度继续办理, column by column. Common practice; no official
 * text states it. Not run when the prior is another agency's or not last year's
 * (`cross-year/prior-mismatch`).
 */
export const crossYearCarryOver: CoreRule<CarryOverData> = {
  run({ report, options }, emit) {
    const prior = options.prior;
    if (!prior) return;
    // Another agency's report, or not last year's: cross-year/prior-mismatch says so.
    if (priorMismatch(report, prior)) return;
    if (!report.tables.table3 || !prior.tables.table3) return;
    for (const column of comparableColumns(report.edition, prior.edition)) {
      const current = readCell(report, "table3", thisYearRow, column);
      const last = readCell(prior, "table3", priorYearRow, column);
      const currentValue = numberOf(current);
      const lastValue = numberOf(last);
      if (current.cell?.kind === "unread" || last.cell?.kind === "unread") continue;
      if (currentValue === undefined && lastValue === undefined) continue;
      if ((currentValue ?? 0) === (lastValue ?? 0)) continue;
      const thisLabel = rowLabel(report, "table3", thisYearRow);
      const priorLabel = rowLabel(prior, "table3", priorYearRow);
      const columnName = columnLabel(report, "table3", column);
      const data: CarryOverData = {
        column: columnName,
        thisRow: thisLabel,
        priorRow: priorLabel,
        current: shownValue(current),
        last: shownValue(last),
        priorYear: prior.meta.year,
      };
      const location = cellLocation(current);
      const expected = lastValue ?? 0;
      const actual = actualOf(current);
      const cells = [referenceOf(current)];
      emit(
        lastValue === undefined
          ? { data, location, expected, actual, cells }
          : { data, location, expected, actual, cells, fix: { value: lastValue } },
      );
    }
  },
};
