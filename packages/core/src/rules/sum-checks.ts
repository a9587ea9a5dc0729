import type { LocalizedText } from "../diagnostics/diagnostic";
import type { RuleId } from "../diagnostics/diagnostic-registry";
import { relationAddress, type SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { round } from "./arithmetic";
import { cellMeaning, type LooseRows, tableRows, unreadValue } from "./effective-value";
import type { ArithmeticTrace, CheckContext, TracedEmit } from "./emit";
import { type EditionCell, relationLines, relationsOf } from "./report-arithmetic";
import {
  actualOf,
  appendReferences,
  cellLocation,
  columnLabel,
  numberOf,
  type ReadCell,
  readCell,
  referenceOf,
  rowLabel,
  type ShownValue,
  shownValue,
} from "./table-cells";

/** The cell of a relation at `key` on `line` (a row key and column key, whichever way the relation runs). */
export function relationCell(report: Report, relation: SumRelation, line: string, key: string): ReadCell {
  const { row, column } = relationAddress(relation, line, key);
  return readCell(report, relation.table, row, column);
}

/** The cells of a relation at each of `keys` on `line`, in order. */
export function relationCells(
  report: Report,
  relation: SumRelation,
  line: string,
  keys: readonly string[],
): ReadCell[] {
  const cells: ReadCell[] = [];
  for (const key of keys) cells.push(relationCell(report, relation, line, key));
  return cells;
}

/**
 * What a total rule's finding (`table3/row-total`, `table3/results-total`, `table4/group-total`)
 * and its fix are worded from; each rule's message functions name the line and the parts their way.
 */
export interface TotalData {
  /** The line the total is on, as labelled: a column for sums down rows, a row for sums across columns. */
  readonly line: LocalizedText;
  /** The total, as the edition labels it. */
  readonly total: LocalizedText;
  /** The parts, as labelled. */
  readonly parts: readonly LocalizedText[];
  /** The total as shown (its number, or that it is blank, `/` or unread). */
  readonly shown: ShownValue;
  /** The sum of the parts. */
  readonly expected: number;
  /** Whether any part holds a number, printed or computed. */
  readonly anyPart: boolean;
}

/**
 * Check every relation of `ruleId` whose left side is one total: on each line, the total must
 * equal the sum of its parts, each part read as every rule reads a cell (`effectiveNumber`: a
 * blank total part counts as the sum of its own parts; other blanks and `/` as 0). A line with an
 * unread term is not evaluated. A blank total is reported, with the value it should hold, when a
 * part holds a printed number (a blank total whose parts are all blank totals is covered by the
 * findings on those parts); a `/` total when any part holds a number, printed or computed.
 */
export function checkTotals(context: CheckContext, emit: TracedEmit<TotalData>, ruleId: RuleId): void {
  const { report, arithmetic } = context;
  for (const relation of relationsOf(arithmetic, ruleId)) {
    const rows = tableRows(report, relation.table);
    if (relation.total === undefined || rows === undefined) continue;
    // Summed down rows, each part is a row of the table: look the rows up once, not once per line.
    const alongRows = relation.along === "rows";
    const partRows: Array<LooseRows[string]> = [];
    if (alongRows) for (const key of relation.right) partRows.push(rows[key]);
    lines: for (const { line, left, right } of relationLines(arithmetic, relation)) {
      const total = left[0];
      const totalCell = total === undefined ? undefined : rows[total.row]?.[total.column];
      if (totalCell?.kind === "unread") continue;
      const lineRow = alongRows ? undefined : rows[line];
      let partSum = 0;
      let printed = false;
      let computed = false;
      for (let index = 0; index < right.length; index += 1) {
        const part = right[index] as EditionCell;
        const cell = alongRows ? partRows[index]?.[line] : lineRow?.[part.column];
        if (cell === undefined) continue;
        if (cell.kind === "number") {
          partSum += cell.value;
          printed = true;
        } else if (cell.kind === "unread") {
          continue lines;
        } else if (cell.kind === "blank" && part.computedBy.length > 0) {
          const value = cellMeaning(rows, part);
          if (value === unreadValue) continue lines;
          if (value !== undefined) {
            partSum += value;
            computed = true;
          }
        }
      }
      if (totalCell?.kind === "number") {
        if (totalCell.value === round(partSum)) continue;
      } else if (totalCell?.kind === "notApplicable") {
        // "/" where the parts hold numbers (printed or computed) is reported.
        if (!printed && !computed) continue;
      } else if (!printed) {
        // A blank total is reported when a part is printed; when its parts are all blank totals
        // themselves, the findings on those parts cover it.
        continue;
      }
      reportTotal(report, emit, relation, line, round(partSum), printed || computed);
    }
  }
}

const labelsByRelation = new WeakMap<SumRelation, { total: LocalizedText; parts: readonly LocalizedText[] }>();

/**
 * The labels of a total relation's total and parts (rows when it sums down rows, columns when it
 * sums across), as the report's edition prints them: the same for every line, so built once per
 * relation.
 */
function totalLabels(report: Report, relation: SumRelation): { total: LocalizedText; parts: readonly LocalizedText[] } {
  let labels = labelsByRelation.get(relation);
  if (!labels) {
    const labelOf = relation.along === "rows" ? rowLabel : columnLabel;
    labels = {
      total: labelOf(report, relation.table, relation.total as string),
      parts: relation.right.map((key) => labelOf(report, relation.table, key)),
    };
    labelsByRelation.set(relation, labels);
  }
  return labels;
}

/**
 * Report the total of `relation` on `line`, which does not equal `expected`, the sum of its parts
 * as `checkTotals` read them (`anyPart`: whether any part holds a number, printed or computed).
 */
function reportTotal(
  report: Report,
  emit: TracedEmit<TotalData>,
  relation: SumRelation,
  line: string,
  expected: number,
  anyPart: boolean,
): void {
  const total = relationCell(report, relation, line, relation.total as string);
  const parts = relationCells(report, relation, line, relation.right);
  const actual = numberOf(total);
  // The line as the edition labels it: summed down rows, the line is a column; across columns, a row.
  const lineLabelOf = relation.along === "rows" ? columnLabel : rowLabel;
  const { total: totalLabel, parts: partLabels } = totalLabels(report, relation);
  const data: TotalData = {
    line: lineLabelOf(report, relation.table, line),
    total: totalLabel,
    parts: partLabels,
    shown: shownValue(total),
    expected,
    anyPart,
  };
  const location = cellLocation(total);
  const found = actualOf(total);
  const cells = appendReferences([referenceOf(total)], parts);
  const trace: ArithmeticTrace = {
    relation,
    line,
    discrepancy: actual === undefined ? undefined : round(actual - expected),
  };
  // Whole literals, with or without `fix`, keep the findings' shapes stable (see `referenceOf`).
  emit(
    !anyPart
      ? { data, location, expected, actual: found, cells }
      : { data, location, expected, actual: found, cells, fix: { value: expected } },
    trace,
  );
}
