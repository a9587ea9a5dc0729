import type { Cell } from "../model/cell";
import type { Report } from "../model/report";
import { cellMeaning, type LooseRows } from "../rules/effective-value";
import { reportArithmetic } from "../rules/report-arithmetic";

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
  for (const total of reportArithmetic(report).totals) {
    const rows = report.tables[total.table]?.rows as MutableRows | undefined;
    const cells = rows?.[total.row];
    if (cells?.[total.column]?.kind !== "blank") continue;
    const value = cellMeaning(rows as LooseRows, total);
    if (typeof value === "number") cells[total.column] = { kind: "number", value };
  }
  return report;
}
