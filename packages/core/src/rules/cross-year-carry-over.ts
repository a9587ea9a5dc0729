import type { LocalizedText } from "../diagnostics/diagnostic";
import { type EditionId, rowsWithRole, type TableId } from "../editions/editions";
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

/**
 * What the rule compares for a pair of editions: this year's row that continues last year's (the
 * row whose role is `fromLastYear`), last year's row it continues (`toNextYear`), in the same
 * table, and the columns both have.
 */
interface CarryOver {
  readonly table: TableId;
  readonly thisYearRow: string;
  readonly priorYearRow: string;
  readonly columns: readonly string[];
}

const carryOverByEditions = new Map<string, CarryOver | null>();

/** The rows and columns the rule compares, read from the editions' data once per pair of editions. */
function carryOverOf(edition: EditionId, priorEdition: EditionId): CarryOver | undefined {
  const key = `${edition}/${priorEdition}`;
  let found = carryOverByEditions.get(key);
  if (found === undefined) {
    const thisYear = rowsWithRole(edition, "fromLastYear")[0];
    const priorYear = rowsWithRole(priorEdition, "toNextYear").find((candidate) => candidate.table === thisYear?.table);
    found = null;
    if (thisYear && priorYear) {
      const columns = thisYear.row.columns
        .map((column) => column.key)
        .filter((column) => priorYear.row.columns.some((candidate) => candidate.key === column));
      found = { table: thisYear.table, thisYearRow: thisYear.row.key, priorYearRow: priorYear.row.key, columns };
    }
    carryOverByEditions.set(key, found);
  }
  return found ?? undefined;
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
 * equals last year's 四、结转下年度继续办理, column by column (the rows the edition data marks
 * `fromLastYear` and `toNextYear`). Common practice; no official
 * text states it. Not run when the prior is another agency's or not last year's
 * (`cross-year/prior-mismatch`).
 */
export const crossYearCarryOver: CoreRule<CarryOverData> = {
  run({ report, options }, emit) {
    const prior = options.prior;
    if (!prior) return;
    // Another agency's report, or not last year's: cross-year/prior-mismatch says so.
    if (priorMismatch(report, prior)) return;
    const carryOver = carryOverOf(report.edition, prior.edition);
    if (!carryOver) return;
    const { table, thisYearRow, priorYearRow } = carryOver;
    if (!report.tables[table] || !prior.tables[table]) return;
    for (const column of carryOver.columns) {
      const current = readCell(report, table, thisYearRow, column);
      const last = readCell(prior, table, priorYearRow, column);
      const currentValue = numberOf(current);
      const lastValue = numberOf(last);
      if (current.cell?.kind === "unread" || last.cell?.kind === "unread") continue;
      if (currentValue === undefined && lastValue === undefined) continue;
      if ((currentValue ?? 0) === (lastValue ?? 0)) continue;
      const thisLabel = rowLabel(report, table, thisYearRow);
      const priorLabel = rowLabel(prior, table, priorYearRow);
      const columnName = columnLabel(report, table, column);
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
