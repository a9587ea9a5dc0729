import type { LocalizedText } from "../diagnostics/diagnostic";
import { tableIds } from "../editions/editions";
import { reportRowsOf } from "../editions/group-rows";
import { tableRows } from "./effective-value";
import type { CoreRule } from "./emit";
import { cellLocation, columnLabel, readCell, referenceOf, rowLabel } from "./table-cells";

/** What a `cell/invalid-value` finding is worded from. */
export interface InvalidValueData {
  /** The cell's row and column labels. */
  readonly row: LocalizedText;
  readonly column: LocalizedText;
  readonly value: number;
  /** What is wrong: a negative number in an unsigned column, or a fraction in a count column. */
  readonly problem: "negative" | "fraction";
  /** The source text, when imported. */
  readonly raw: string | undefined;
}

/**
 * `cell/invalid-value`: a number a column cannot hold: a negative number where the column is
 * not signed (only the 2019 本年增/减 is), or a fraction in a count column (money columns, such
 * as 采购总金额 and 本年收费金额, may have decimals). Checks tables 二, 三 and 四, a group printed as
 * one row included.
 */
export const cellInvalidValue: CoreRule<InvalidValueData> = {
  run({ report }, emit) {
    for (const table of tableIds) {
      const rows = tableRows(report, table);
      if (rows === undefined) continue;
      for (const row of reportRowsOf(report, table)) {
        const cells = rows[row.key];
        if (cells === undefined) continue;
        for (const column of row.columns) {
          const cell = cells[column.key];
          if (cell?.kind !== "number") continue;
          const value = cell.value;
          const negative = value < 0 && !column.signed;
          const fraction = !Number.isInteger(value) && !column.money;
          if (!negative && !fraction) continue;
          const read = readCell(report, table, row.key, column.key);
          emit({
            data: {
              row: rowLabel(report, table, row.key),
              column: columnLabel(report, table, column.key),
              value,
              problem: negative ? "negative" : "fraction",
              raw: cell.raw,
            },
            location: cellLocation(read),
            actual: value,
            cells: [referenceOf(read)],
          });
        }
      }
    }
  },
};
