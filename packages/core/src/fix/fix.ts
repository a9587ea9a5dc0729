import { getCellLoose } from "../authoring/cells";
import { cloneReport } from "../authoring/create-report";
import { check } from "../check";
import type { Diagnostic, DiagnosticLocation, LocalizedText, Severity } from "../diagnostics/diagnostic";
import { type RuleId, ruleIds } from "../diagnostics/diagnostic-registry";
import type { TableId } from "../editions/editions";
import { relationAddress, type SumRelation } from "../editions/sum-relations";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";
import { effectiveNumber } from "../rules/effective-value";
import { type ReportArithmetic, relationsOf, reportArithmetic } from "../rules/report-arithmetic";
import type { CheckOptions } from "../rules/rule";

/**
 * The rules whose fixes {@link fix} applies: a total that its parts determine. Never
 * `table3/balance`: when a balance fails, nothing says which of its four terms is wrong.
 */
export const fixableRuleIds = ["table3/row-total", "table3/results-total", "table4/group-total"] as const;

/** A rule whose fixes {@link fix} applies. */
export type FixableRuleId = (typeof fixableRuleIds)[number];

/** One cell {@link fix} changed. */
export interface AppliedFix {
  /** The rule whose finding the fix answers. */
  readonly ruleId: FixableRuleId;
  /** The cell changed (a total). */
  readonly location: DiagnosticLocation;
  /** What the cell held: a number, or `null` for blank. */
  readonly before: number | null;
  /** The number it holds now: the sum of its parts. */
  readonly after: number;
  /** The fix, worded as the finding words it (e.g. 将总计填为 12。). */
  readonly message: LocalizedText;
}

/** What {@link fix} returns. */
export interface FixResult<R extends Report = Report> {
  /** The fixed report: a copy (the report passed in is not changed). */
  readonly report: R;
  /** The cells changed, in the order they were changed. */
  readonly changes: readonly AppliedFix[];
}

const fixable: ReadonlySet<string> = new Set(fixableRuleIds);

/** A number read as printed: a number cell that was not inferred. */
function printedNumber(cell: Cell | undefined): number | undefined {
  return cell?.kind === "number" && cell.inferred === undefined ? cell.value : undefined;
}

/** The relation of `ruleId` whose total is the finding's cell, and the line it is on. */
function relationOf(
  arithmetic: ReportArithmetic,
  ruleId: string,
  location: DiagnosticLocation,
): { relation: SumRelation; line: string } | undefined {
  const { table, row, column } = location;
  if (table === undefined || row === undefined || column === undefined) return undefined;
  for (const relation of relationsOf(arithmetic, ruleId)) {
    if (relation.table !== table || relation.total === undefined) continue;
    const [total, line] = relation.along === "rows" ? [row, column] : [column, row];
    if (relation.total === total && relation.lines.includes(line)) return { relation, line };
  }
  return undefined;
}

/** A cell of `relation` at `key` on `line`. */
function cellAt(report: Report, relation: SumRelation, line: string, key: string): Cell | undefined {
  return getCellLoose(report, { table: relation.table, ...relationAddress(relation, line, key) });
}

/** The cells of a relation on a line: its parts, as `row/column` keys, for conflict checks. */
function partKeys(relation: SumRelation, line: string): string[] {
  return relation.right.map((key) => {
    const { row, column } = relationAddress(relation, line, key);
    return `${relation.table}/${row}/${column}`;
  });
}

interface Candidate {
  readonly diagnostic: Diagnostic;
  readonly key: string;
  readonly parts: readonly string[];
  readonly before: number | null;
  readonly after: number;
}

/**
 * Whether a blank part counts as 0 for certain: a blank that is no total, or a blank total none of
 * whose own parts holds a number (every rule reads both as 0). A blank total that its parts
 * compute is filled first, in an earlier pass.
 */
function blankCountsAsZero(
  report: Report,
  arithmetic: ReportArithmetic,
  relation: SumRelation,
  line: string,
  key: string,
): boolean {
  const { row, column } = relationAddress(relation, line, key);
  return effectiveNumber(report, relation.table, row, column, arithmetic) === undefined;
}

/**
 * A finding's fix when it is certain, for a row-total, results-total or group-total finding:
 * - a wrong total (a number read as printed) whose parts are every one a number read as printed;
 * - a blank total whose parts are numbers read as printed, blanks or `/` (which every rule, and
 *   `fillTotals`, count as 0), with at least one number, and no blank part that is a total its
 *   own parts compute (that one is filled first, in an earlier pass).
 *
 * Never a total with an unread or inferred part, and never a `/`, unread or inferred total.
 */
function certainFix(report: Report, arithmetic: ReportArithmetic, diagnostic: Diagnostic): Candidate | undefined {
  const value = diagnostic.fix?.value;
  if (value === undefined) return undefined;
  const found = relationOf(arithmetic, diagnostic.ruleId, diagnostic.location);
  if (!found) return undefined;
  const { relation, line } = found;
  const total = cellAt(report, relation, line, relation.total as string);
  const before = total?.kind === "blank" ? null : printedNumber(total);
  if (before === undefined) return undefined;
  let sum = 0;
  let numbers = 0;
  for (const key of relation.right) {
    const cell = cellAt(report, relation, line, key);
    const part = printedNumber(cell);
    if (part !== undefined) {
      sum += part;
      numbers += 1;
    } else if (before !== null) {
      return undefined;
    } else if (
      cell?.kind === "blank"
        ? !blankCountsAsZero(report, arithmetic, relation, line, key)
        : cell?.kind !== "notApplicable"
    ) {
      return undefined;
    }
  }
  // The finding's value is the sum of the parts; anything else is not this function's to apply.
  if (numbers === 0 || Math.round(sum * 1e6) / 1e6 !== value || before === value) return undefined;
  const { table, row, column } = diagnostic.location as Required<Pick<DiagnosticLocation, "table" | "row" | "column">>;
  return { diagnostic, key: `${table}/${row}/${column}`, parts: partKeys(relation, line), before, after: value };
}

/** The fixes of one pass that can be applied together: no target read by another, no target contested. */
function applicable(candidates: readonly Candidate[]): Candidate[] {
  const targets = new Map<string, number | "contested">();
  for (const candidate of candidates) {
    const seen = targets.get(candidate.key);
    targets.set(candidate.key, seen === undefined || seen === candidate.after ? candidate.after : "contested");
  }
  const chosen = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (targets.get(candidate.key) === "contested" || chosen.has(candidate.key)) continue;
    // A part that another fix of this pass changes: wait for the next pass, which reads the new value.
    if (candidate.parts.some((part) => targets.has(part))) continue;
    chosen.set(candidate.key, candidate);
  }
  return [...chosen.values()];
}

/**
 * Apply the fixes that are certain, to a copy of the report: a total that its parts determine
 * (`table3/row-total`, `table3/results-total`, `table4/group-total`) becomes the sum of its
 * parts. A wrong total is fixed only when every part is a number read as printed; a blank total
 * when its parts are numbers, blanks and `/` (counted as 0, as every rule and `fillTotals` count
 * them) with at least one number. Passes repeat until nothing changes, so a total filled in one
 * pass determines a larger total in the next. Never applies a balance fix, never changes a part,
 * and never touches a total with an unread or inferred part: those fixes would be guesses. Rules
 * `options.rules` turns off are not fixed.
 *
 * @example
 * const { report: fixed, changes } = fix(report);
 * // changes: [{ ruleId: "table3/row-total", location: {…}, before: 11, after: 12, message: {…} }]
 */
export function fix<R extends Report>(report: R, options?: CheckOptions | null): FixResult<R> {
  const fixed = cloneReport(report);
  const changes: AppliedFix[] = [];
  const checkOptions: CheckOptions = typeof options === "object" && options !== null ? options : {};
  // Only the fixable rules need to run (at the caller's levels, so `off` stops a rule's fixes).
  const rules: Partial<Record<RuleId, Severity | "off">> = {};
  for (const id of ruleIds) rules[id] = fixable.has(id) ? (checkOptions.rules?.[id] ?? "error") : "off";
  const passOptions: CheckOptions = { ...checkOptions, rules };
  // Each pass changes at least one cell; the passes are bounded all the same.
  const limit = countCells(fixed) + 1;
  for (let pass = 0; pass < limit; pass += 1) {
    const candidates: Candidate[] = [];
    // The report's arithmetic, worked out once per pass (its cells change between passes), when a
    // finding of a fixable rule needs it.
    let arithmetic: ReportArithmetic | undefined;
    for (const diagnostic of check(fixed, passOptions)) {
      if (!fixable.has(diagnostic.ruleId) || diagnostic.fix?.value === undefined) continue;
      arithmetic ??= reportArithmetic(fixed);
      const candidate = certainFix(fixed, arithmetic, diagnostic);
      if (candidate) candidates.push(candidate);
    }
    const chosen = applicable(candidates);
    if (chosen.length === 0) break;
    for (const { diagnostic, before, after } of chosen) {
      const { table, row, column } = diagnostic.location;
      const rows = fixed.tables[table as TableId]?.rows as Record<string, Record<string, Cell>> | undefined;
      const cells = rows?.[row as string];
      if (!cells) continue;
      const previous = cells[column as string];
      cells[column as string] =
        previous?.source === undefined
          ? { kind: "number", value: after }
          : { kind: "number", value: after, source: previous.source };
      changes.push({
        ruleId: diagnostic.ruleId as FixableRuleId,
        location: diagnostic.location,
        before,
        after,
        message: diagnostic.fix?.message ?? { zh: `填为 ${after}。`, en: `Set to ${after}.` },
      });
    }
  }
  return { report: fixed, changes };
}

/** How many cells the report's tables have (a bound on the passes). */
function countCells(report: Report): number {
  let count = 0;
  for (const table of Object.values(report.tables)) {
    for (const row of Object.values((table?.rows ?? {}) as Record<string, Record<string, Cell>>)) {
      count += Object.keys(row).length;
    }
  }
  return count;
}
