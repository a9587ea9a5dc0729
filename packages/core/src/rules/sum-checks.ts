import type { LocalizedText } from "../diagnostics/diagnostic";
import { relationAddress, reportSumRelations, type SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { round } from "./arithmetic";
import {
  cellMeaning,
  type EditionCell,
  type LooseRows,
  relationLines,
  tableRows,
  unreadValue,
} from "./effective-value";
import type { ArithmeticTrace, TracedEmit } from "./emit";
import type { RuleContext } from "./rule";
import type { RuleId } from "./rule-ids";
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
  showValue,
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

const relationsByRule = new WeakMap<readonly SumRelation[], Map<string, readonly SumRelation[]>>();

/** The relations a rule checks in the report (`reportSumRelations`, grouped by rule once per set of relations). */
export function relationsOf(report: Report, ruleId: RuleId): readonly SumRelation[] {
  const relations = reportSumRelations(report);
  let byRule = relationsByRule.get(relations);
  if (!byRule) {
    byRule = new Map();
    for (const relation of relations) {
      byRule.set(relation.ruleId, [...(byRule.get(relation.ruleId) ?? []), relation]);
    }
    relationsByRule.set(relations, byRule);
  }
  return byRule.get(ruleId) ?? [];
}

/**
 * How a total rule names its line and its parts in messages (the total is named by its label). Rules keep one wording
 * at module level (functions made per call would lose their optimized code at every full GC).
 */
export interface TotalWording {
  /** The line (a column for sums down rows, a row for sums across columns), e.g. `自然人列`. */
  readonly line: (report: Report, line: string) => LocalizedText;
  /** The parts, e.g. `各项办理结果`. */
  readonly parts: (report: Report) => LocalizedText;
}

/**
 * Check every relation of `ruleId` whose left side is one total: on each line, the total must
 * equal the sum of its parts, each part read as every rule reads a cell (`effectiveNumber`: a
 * blank total part counts as the sum of its own parts; other blanks and `/` as 0). A line with an
 * unread term is not evaluated. A blank total is reported, with the value it should hold, when a
 * part holds a printed number (a blank total whose parts are all blank totals is covered by the
 * findings on those parts); a `/` total when any part holds a number, printed or computed.
 */
export function checkTotals(context: RuleContext, emit: TracedEmit, ruleId: RuleId, wording: TotalWording): void {
  const { report } = context;
  for (const relation of relationsOf(report, ruleId)) {
    const rows = tableRows(report, relation.table);
    if (relation.total === undefined || rows === undefined) continue;
    // Summed down rows, each part is a row of the table: look the rows up once, not once per line.
    const alongRows = relation.along === "rows";
    const partRows: Array<LooseRows[string]> = [];
    if (alongRows) for (const key of relation.right) partRows.push(rows[key]);
    lines: for (const { line, left, right } of relationLines(report, relation)) {
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
      reportTotal(report, emit, relation, line, wording, round(partSum), printed || computed);
    }
  }
}

/**
 * Report the total of `relation` on `line`, which does not equal `expected`, the sum of its parts
 * as `checkTotals` read them (`anyPart`: whether any part holds a number, printed or computed).
 */
function reportTotal(
  report: Report,
  emit: TracedEmit,
  relation: SumRelation,
  line: string,
  wording: TotalWording,
  expected: number,
  anyPart: boolean,
): void {
  const total = relationCell(report, relation, line, relation.total as string);
  const parts = relationCells(report, relation, line, relation.right);
  const actual = numberOf(total);
  const lineLabel = wording.line(report, line);
  // The total as the edition labels it: a row's label for sums down rows, a column's across.
  const totalLabel =
    relation.along === "rows"
      ? rowLabel(report, relation.table, relation.total as string)
      : columnLabel(report, relation.table, relation.total as string);
  const partsLabel = wording.parts(report);
  const shown = showValue(total);
  const message: LocalizedText =
    actual === undefined
      ? {
          zh: `${lineLabel.zh}的${totalLabel.zh}为${shown.zh}，应为${partsLabel.zh}之和 ${expected}。`,
          en: `${lineLabel.en}: ${totalLabel.en} is ${shown.en}; it should be the sum of ${partsLabel.en}, ${expected}.`,
        }
      : {
          zh: `${lineLabel.zh}的${totalLabel.zh}为 ${actual}，但${partsLabel.zh}之和为 ${expected}${anyPart ? "" : "（各项均为空白）"}。`,
          en: `${lineLabel.en}: ${totalLabel.en} is ${actual}, but ${partsLabel.en} add up to ${expected}${anyPart ? "" : " (all blank)"}.`,
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
      ? { message, location, expected, actual: found, cells }
      : {
          message,
          location,
          expected,
          actual: found,
          cells,
          fix: {
            value: expected,
            message: { zh: `将${totalLabel.zh}填为 ${expected}。`, en: `Set ${totalLabel.en} to ${expected}.` },
          },
        },
    trace,
  );
}
