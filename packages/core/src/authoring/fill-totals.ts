import type { TableId } from "../editions/editions";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";
import { effectiveNumber, totalsIndex } from "../rules/effective-value";

type MutableRows = Record<string, Record<string, Cell> | undefined>;

/**
 * Fill every total the sum relations can compute, in place, without overwriting a reported
 * value: a blank total becomes the sum of its parts when at least one part is a number (blank
 * and not-applicable parts count as 0; a total with an unread part stays blank). A total whose parts are themselves blank totals is
 * computed from them, whatever the order of the relations. Totals are read as the rules read a
 * blank total (`effectiveNumber`), so filling never changes what `check()` computes.
 *
 * @returns the same report, for chaining.
 */
export function fillTotals<R extends Report>(report: R): R {
  for (const [table, totalRows] of totalsIndex(report.edition)) {
    const rows = report.tables[table as TableId]?.rows as MutableRows | undefined;
    for (const [row, totalColumns] of totalRows) {
      const cells = rows?.[row];
      if (!cells) continue;
      for (const column of totalColumns.keys()) {
        if (cells[column]?.kind !== "blank") continue;
        const value = effectiveNumber(report, table as TableId, row, column);
        if (typeof value === "number") cells[column] = { kind: "number", value };
      }
    }
  }
  return report;
}
