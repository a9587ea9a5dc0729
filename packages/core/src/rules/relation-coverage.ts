import type { Coverage } from "../diagnostics/coverage";
import { relationAddress, type SumRelation } from "../editions/sum-relations";
import type { UnreadReason } from "../model/cell";
import type { Report } from "../model/report";
import { effectiveValue, unreadValue } from "./effective-value";
import { type ReportArithmetic, reportArithmetic } from "./report-arithmetic";
import type { CheckOptions } from "./rule";
import type { ReadCell } from "./table-cells";
import { isTableCutOff } from "./truncation";

/** Why a relation instance was not evaluated: a cell not read, or its whole table absent. */
export type SkipReason = UnreadReason | "tableAbsent";

/** What a check could make of one relation instance (a sum relation on one line). */
export interface RelationInstanceState {
  /**
   * `verified`: every term read and evaluated; `inferred`: a term holds a value inferred with the
   * relations that read it (`resolveRunTogether`), so the instance was used for reading, not
   * verified; `unverifiable`: a term not read, or the table absent.
   */
  readonly state: "verified" | "inferred" | "unverifiable";
  /** Why it was not evaluated (empty unless `unverifiable`). */
  readonly reasons: readonly SkipReason[];
  /** The unread cells it would have read (empty unless `unverifiable` for unread cells). */
  readonly unread: readonly ReadCell[];
}

const verified: RelationInstanceState = Object.freeze({ state: "verified", reasons: [], unread: [] });
const inferred: RelationInstanceState = Object.freeze({ state: "inferred", reasons: [], unread: [] });

/**
 * The state of `relation` on `line`, reading every term as the rules read it (`effectiveValue`: a
 * blank total computed from an unread part is itself unread). `arithmetic` is the report's
 * (`reportArithmetic`), worked out here when not given.
 */
export function relationInstanceState(
  report: Report,
  relation: SumRelation,
  line: string,
  arithmetic?: ReportArithmetic,
): RelationInstanceState {
  if (report.tables[relation.table] === undefined) {
    const reason: SkipReason = isTableCutOff(report, relation.table) ? "truncated" : "tableAbsent";
    return { state: "unverifiable", reasons: [reason], unread: [] };
  }
  const known = arithmetic ?? reportArithmetic(report);
  let anyInferred = false;
  const unread: ReadCell[] = [];
  let notRead = false;
  for (const keys of [relation.left, relation.right]) {
    for (const key of keys) {
      const { row, column } = relationAddress(relation, line, key);
      const value = effectiveValue(report, relation.table, row, column, known);
      for (const read of value.cells) {
        if (read.cell?.kind === "unread") unread.push(read);
        else if (read.cell?.kind === "number" && read.cell.inferred !== undefined) anyInferred = true;
      }
      if (value.value === unreadValue) notRead = true;
    }
  }
  if (notRead) {
    const reasons = new Set<SkipReason>();
    for (const read of unread) if (read.cell?.kind === "unread") reasons.add(read.cell.reason);
    return { state: "unverifiable", reasons: [...reasons], unread };
  }
  return anyInferred ? inferred : verified;
}

/** The sum relations of the report's edition whose rule is not turned off. */
export function checkedRelations(
  report: Report,
  options: CheckOptions,
  arithmetic: ReportArithmetic = reportArithmetic(report),
): SumRelation[] {
  return arithmetic.relations.filter(
    (relation) => options.rules?.[relation.ruleId as keyof NonNullable<CheckOptions["rules"]>] !== "off",
  );
}

/** Count the edition's relation instances by state (rules turned off are left out). */
export function coverageOf(
  report: Report,
  options: CheckOptions,
  arithmetic: ReportArithmetic = reportArithmetic(report),
): Coverage {
  const coverage = { verified: 0, unverifiable: 0, inferred: 0 };
  for (const relation of checkedRelations(report, options, arithmetic)) {
    for (const line of relation.lines) {
      coverage[relationInstanceState(report, relation, line, arithmetic).state] += 1;
    }
  }
  return coverage;
}
