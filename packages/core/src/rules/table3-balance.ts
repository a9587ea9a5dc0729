import type { CellReference, LocalizedText } from "../diagnostics/diagnostic";
import type { SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { round, sum } from "./arithmetic";
import { cellMeaning, directParts, effectiveNumber, tableRows, unreadValue } from "./effective-value";
import type { CoreRule } from "./emit";
import { type ReportArithmetic, relationLines, relationsOf } from "./report-arithmetic";
import { relationCell } from "./sum-checks";
import {
  appendReferences,
  cellLocation,
  columnLabel,
  numberOf,
  type ReadCell,
  rowLabel,
  type ShownValue,
  shownValue,
} from "./table-cells";

/**
 * How a term of the balance was read, for its message: a number; a blank total counted as the sum
 * of its parts (its outcome items when `sameAxis`, else its row's columns); or another cell
 * (blank, `/`) counted as 0.
 */
export type BalanceTermShown =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "blankTotal"; readonly sum: number; readonly sameAxis: boolean }
  | { readonly kind: "asZero"; readonly value: ShownValue };

/** A term of the balance, as its message names it. */
export interface BalanceTerm {
  readonly label: LocalizedText;
  readonly shown: BalanceTermShown;
}

/** What a `table3/balance` finding (and its fix) is worded from. */
export interface BalanceData {
  /** The column, as labelled. */
  readonly column: LocalizedText;
  /** The terms of each side, and each side's sum. */
  readonly left: readonly BalanceTerm[];
  readonly right: readonly BalanceTerm[];
  readonly leftSum: number;
  readonly rightSum: number;
  /** The last term (四、结转下年度继续办理): its label, its value as shown, and the value that would balance. */
  readonly last: LocalizedText;
  readonly lastShown: ShownValue;
  readonly balancing: number;
}

interface Term extends BalanceTerm {
  readonly key: string;
  readonly value: number;
  readonly cells: readonly ReadCell[];
  readonly blank: boolean;
}

function termOf(
  report: Report,
  arithmetic: ReportArithmetic,
  relation: SumRelation,
  computing: ReadonlyMap<string | undefined, SumRelation>,
  line: string,
  key: string,
): Term {
  const read = relationCell(report, relation, line, key);
  const label = rowLabel(report, relation.table, key);
  const value = numberOf(read);
  if (value !== undefined) {
    return {
      key,
      value,
      label,
      shown: { kind: "number", value },
      cells: [read],
      blank: false,
    };
  }
  // A blank total that the edition computes from other cells counts as the sum of those cells:
  // （七）总计 as its outcome items, a blank 总计 cell as its row's applicant columns, recursively.
  if (read.cell?.kind === "blank") {
    const effective = effectiveNumber(report, relation.table, key, line, arithmetic);
    if (typeof effective === "number") {
      const partSum = round(effective);
      const sameAxis = computing.get(key)?.lines.includes(line) === true;
      return {
        key,
        value: partSum,
        label,
        shown: { kind: "blankTotal", sum: partSum, sameAxis },
        cells: [read, ...directParts(report, relation.table, key, line, arithmetic)],
        blank: true,
      };
    }
  }
  return {
    key,
    value: 0,
    label,
    shown: { kind: "asZero", value: shownValue(read) },
    cells: [read],
    blank: true,
  };
}

function termsOf(
  report: Report,
  arithmetic: ReportArithmetic,
  relation: SumRelation,
  computing: ReadonlyMap<string | undefined, SumRelation>,
  line: string,
  keys: readonly string[],
): Term[] {
  const terms: Term[] = [];
  for (const key of keys) terms.push(termOf(report, arithmetic, relation, computing, line, key));
  return terms;
}

/** The terms' values added up (`sum`). */
function sumOfTerms(terms: readonly Term[]): number {
  const values: number[] = [];
  for (const term of terms) values.push(term.value);
  return sum(values);
}

const computingByRelation = new WeakMap<SumRelation, ReadonlyMap<string | undefined, SumRelation>>();

/** The relations that compute a total running the same way as `relation`, by the total they compute. */
function computingRelations(
  arithmetic: ReportArithmetic,
  relation: SumRelation,
): ReadonlyMap<string | undefined, SumRelation> {
  let computing = computingByRelation.get(relation);
  if (!computing) {
    computing = new Map(
      arithmetic.relations
        .filter((candidate) => candidate.table === relation.table && candidate.along === relation.along)
        .map((candidate) => [candidate.total, candidate]),
    );
    computingByRelation.set(relation, computing);
  }
  return computing;
}

/**
 * `table3/balance`: the rule printed on table 三, for every applicant column:
 * 一 + 二 = （七）总计 + 四 (the edition's balance relation). A column none of whose four terms
 * holds a number (printed, or a blank total's parts) is skipped, and so is a column with an unread term; a blank total counts as the sum
 * of its parts (`effectiveNumber`: （七）总计 as its outcome items, a 总计 cell as its row's applicant
 * columns); other blanks count as 0. The fix is the value of the last term (四、结转下年度继续办理) that would balance.
 */
export const table3Balance: CoreRule<BalanceData> = {
  run({ report, arithmetic }, emit) {
    for (const relation of relationsOf(arithmetic, "table3/balance")) {
      const rows = tableRows(report, relation.table);
      if (rows === undefined) continue;
      const computing = computingRelations(arithmetic, relation);
      lines: for (const { line, left: leftCells, right: rightCells } of relationLines(arithmetic, relation)) {
        let filled = false;
        let leftValue = 0;
        let rightValue = 0;
        for (const cell of leftCells) {
          const value = cellMeaning(rows, cell);
          if (value === unreadValue) continue lines;
          if (value === undefined) continue;
          filled = true;
          leftValue += value;
        }
        for (const cell of rightCells) {
          const value = cellMeaning(rows, cell);
          if (value === unreadValue) continue lines;
          if (value === undefined) continue;
          filled = true;
          rightValue += value;
        }
        if (!filled || round(leftValue) === round(rightValue)) continue;
        const left = termsOf(report, arithmetic, relation, computing, line, relation.left);
        const right = termsOf(report, arithmetic, relation, computing, line, relation.right);
        const leftSum = sumOfTerms(left);
        const rightSum = sumOfTerms(right);
        if (leftSum === rightSum) continue;
        const lastKey = relation.right.at(-1) as string;
        const last = relationCell(report, relation, line, lastKey);
        // The value of the last term that would balance: left side minus the other right terms.
        const balancingTerms = [leftSum];
        for (const term of right.slice(0, -1)) balancingTerms.push(-term.value);
        const balancing = sum(balancingTerms);
        const cells: CellReference[] = [];
        for (const term of left) appendReferences(cells, term.cells);
        for (const term of right) appendReferences(cells, term.cells);
        const data: BalanceData = {
          column: columnLabel(report, relation.table, line),
          left,
          right,
          leftSum,
          rightSum,
          last: rowLabel(report, relation.table, lastKey),
          lastShown: shownValue(last),
          balancing,
        };
        const location = cellLocation(last);
        const trace = { relation, line, discrepancy: round(leftSum - rightSum) };
        emit(
          balancing >= 0
            ? { data, location, expected: leftSum, actual: rightSum, cells, fix: { value: balancing } }
            : { data, location, expected: leftSum, actual: rightSum, cells },
          trace,
        );
      }
    }
  },
};
