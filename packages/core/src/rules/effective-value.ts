import type { TableId } from "../editions/editions";
import { getSumRelations } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { sum } from "./sum-checks";
import { numberOf, type ReadCell, readCell } from "./table-cells";

/** What a cell says, reading a blank total as the sum of its parts. */
export interface EffectiveValue {
  /** The value; undefined when neither the cell nor its parts hold a number. */
  readonly value: number | undefined;
  /** Whether the value was computed from parts because the total was blank. */
  readonly computed: boolean;
  /** Every cell read. */
  readonly cells: readonly ReadCell[];
}

/**
 * The value of a cell; a blank total (per the edition's sum relations) counts as the sum of its
 * parts, themselves read the same way, when any of them holds a number.
 */
export function effectiveValue(report: Report, table: TableId, row: string, column: string, depth = 0): EffectiveValue {
  const read = readCell(report, table, row, column);
  const number = numberOf(read);
  if (number !== undefined || read.cell?.kind !== "blank" || depth > 4) {
    return { value: number, computed: false, cells: [read] };
  }
  for (const relation of getSumRelations(report.edition)) {
    if (relation.table !== table || relation.total === undefined) continue;
    const line = relation.along === "rows" ? column : row;
    const key = relation.along === "rows" ? row : column;
    if (relation.total !== key || !relation.lines.includes(line)) continue;
    const parts: EffectiveValue[] = [];
    const numbers: number[] = [];
    for (const part of relation.right) {
      const value =
        relation.along === "rows"
          ? effectiveValue(report, table, part, column, depth + 1)
          : effectiveValue(report, table, row, part, depth + 1);
      parts.push(value);
      if (value.value !== undefined) numbers.push(value.value);
    }
    if (numbers.length === 0) continue;
    const cells = [read];
    for (const part of parts) cells.push(...part.cells);
    return { value: sum(numbers), computed: true, cells };
  }
  return { value: undefined, computed: false, cells: [read] };
}
