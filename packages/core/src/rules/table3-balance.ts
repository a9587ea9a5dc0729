import type { CellReference, LocalizedText } from "../diagnostics/diagnostic";
import { reportSumRelations, type SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { round, sum } from "./arithmetic";
import { cellMeaning, directParts, effectiveNumber, relationLines, tableRows, unreadValue } from "./effective-value";
import type { CoreRule } from "./emit";
import { relationCell, relationsOf } from "./sum-checks";
import {
  appendReferences,
  cellLocation,
  columnLabel,
  numberOf,
  type ReadCell,
  rowLabel,
  showValue,
} from "./table-cells";

interface Term {
  readonly key: string;
  readonly value: number;
  readonly label: LocalizedText;
  /** How the value was read, e.g. `49` or `空白，按0计`. */
  readonly shown: LocalizedText;
  readonly cells: readonly ReadCell[];
  readonly blank: boolean;
}

function termOf(
  report: Report,
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
      shown: { zh: String(value), en: String(value) },
      cells: [read],
      blank: false,
    };
  }
  // A blank total that the edition computes from other cells counts as the sum of those cells:
  // （七）总计 as its outcome items, a blank 总计 cell as its row's applicant columns, recursively.
  if (read.cell?.kind === "blank") {
    const effective = effectiveNumber(report, relation.table, key, line);
    if (typeof effective === "number") {
      const partSum = round(effective);
      const sameAxis = computing.get(key)?.lines.includes(line) === true;
      return {
        key,
        value: partSum,
        label,
        shown: sameAxis
          ? { zh: `空白，按各项办理结果之和计为 ${partSum}`, en: `blank, counted as its items' sum ${partSum}` }
          : { zh: `空白，按本行各列之和计为 ${partSum}`, en: `blank, counted as its row's sum ${partSum}` },
        cells: [read, ...directParts(report, relation.table, key, line)],
        blank: true,
      };
    }
  }
  const shown = showValue(read);
  return {
    key,
    value: 0,
    label,
    shown: { zh: `${shown.zh}，按0计`, en: `${shown.en}, counted as 0` },
    cells: [read],
    blank: true,
  };
}

function termsOf(
  report: Report,
  relation: SumRelation,
  computing: ReadonlyMap<string | undefined, SumRelation>,
  line: string,
  keys: readonly string[],
): Term[] {
  const terms: Term[] = [];
  for (const key of keys) terms.push(termOf(report, relation, computing, line, key));
  return terms;
}

/** The terms' values added up (`sum`). */
function sumOfTerms(terms: readonly Term[]): number {
  const values: number[] = [];
  for (const term of terms) values.push(term.value);
  return sum(values);
}

function describe(terms: readonly Term[], language: "zh" | "en"): string {
  let text = "";
  for (const term of terms) {
    if (text !== "") text += language === "zh" ? "加" : " + ";
    text += language === "zh" ? `${term.label.zh}（${term.shown.zh}）` : `${term.label.en} (${term.shown.en})`;
  }
  return text;
}

const computingByRelation = new WeakMap<SumRelation, ReadonlyMap<string | undefined, SumRelation>>();

/** The relations that compute a total running the same way as `relation`, by the total they compute. */
function computingRelations(report: Report, relation: SumRelation): ReadonlyMap<string | undefined, SumRelation> {
  let computing = computingByRelation.get(relation);
  if (!computing) {
    computing = new Map(
      reportSumRelations(report)
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
export const table3Balance: CoreRule = {
  id: "table3/balance",
  defaultSeverity: "error",
  description: {
    zh: "表三各列应满足表中印明的勾稽关系：第一项加第二项之和，等于第三项（七）总计加第四项之和。",
    en: "Every column of table 三 satisfies the printed rule: items 一 + 二 = (7) Total + item 四.",
  },
  run({ report }, emit) {
    for (const relation of relationsOf(report, "table3/balance")) {
      const rows = tableRows(report, relation.table);
      if (rows === undefined) continue;
      const computing = computingRelations(report, relation);
      lines: for (const { line, left: leftCells, right: rightCells } of relationLines(report, relation)) {
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
        const left = termsOf(report, relation, computing, line, relation.left);
        const right = termsOf(report, relation, computing, line, relation.right);
        const leftSum = sumOfTerms(left);
        const rightSum = sumOfTerms(right);
        if (leftSum === rightSum) continue;
        const lastKey = relation.right.at(-1) as string;
        const last = relationCell(report, relation, line, lastKey);
        // The value of the last term that would balance: left side minus the other right terms.
        const balancingTerms = [leftSum];
        for (const term of right.slice(0, -1)) balancingTerms.push(-term.value);
        const balancing = sum(balancingTerms);
        const lastLabel = rowLabel(report, relation.table, lastKey);
        const column = columnLabel(report, relation.table, line);
        const cells: CellReference[] = [];
        for (const term of left) appendReferences(cells, term.cells);
        for (const term of right) appendReferences(cells, term.cells);
        const message = {
          zh: `${column.zh}列不平衡：${describe(left, "zh")}之和为 ${leftSum}，不等于${describe(right, "zh")}之和 ${rightSum}。`,
          en: `Column ${column.en} does not balance: ${describe(left, "en")} = ${leftSum}, but ${describe(right, "en")} = ${rightSum}.`,
        };
        const location = cellLocation(last);
        const trace = { relation, line, discrepancy: round(leftSum - rightSum) };
        emit(
          balancing >= 0
            ? {
                message,
                location,
                expected: leftSum,
                actual: rightSum,
                cells,
                fix: {
                  value: balancing,
                  message: {
                    zh: `若其他各项无误，${lastLabel.zh}应为 ${balancing}（当前为${showValue(last).zh}）。`,
                    en: `If the other items are right, ${lastLabel.en} should be ${balancing} (now ${showValue(last).en}).`,
                  },
                },
              }
            : { message, location, expected: leftSum, actual: rightSum, cells },
          trace,
        );
      }
    }
  },
};
