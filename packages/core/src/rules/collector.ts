import type { Diagnostic, Severity } from "../diagnostics/diagnostic";
import type { SumRelation } from "../editions/sum-relations";
import type { RuleFinding } from "./rule";
import type { RuleId } from "./rule-ids";

/**
 * What an arithmetic finding rests on, kept beside it (never in the diagnostic) so that `check()`
 * can tell which findings only echo another: the relation instance, and how far it is off.
 */
export interface ArithmeticTrace {
  /** The relation evaluated. */
  readonly relation: SumRelation;
  /** The line (column or row) it was evaluated on. */
  readonly line: string;
  /** Left side minus right side as read; undefined for a blank total (nothing to compare). */
  readonly discrepancy: number | undefined;
}

/** Where the running rule's findings go, with its id, severity and documentation URL. */
export interface Collecting {
  readonly diagnostics: Diagnostic[];
  readonly traces: Map<Diagnostic, ArithmeticTrace>;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly url: string;
}

/**
 * The rule `check()` is running. Rules are synchronous, so this is set around each rule's run
 * (and restored should a check ever run inside another).
 */
let collecting: Collecting | undefined;

/** Set the running rule's collector; returns the one it replaces, to restore afterwards. */
export function startCollecting(next: Collecting | undefined): Collecting | undefined {
  const outer = collecting;
  collecting = next;
  return outer;
}

/**
 * `RuleContext.emit`: stamps a finding with the running rule's id, severity and URL. One function
 * for every check (not a closure per call), so V8 keeps its optimized code between checks.
 */
export function emit(finding: RuleFinding): void {
  emitTraced(finding, undefined);
}

/** {@link emit}, keeping what an arithmetic finding rests on for linking echoes to their cause. */
export function emitTraced(finding: RuleFinding, trace: ArithmeticTrace | undefined): void {
  if (collecting === undefined) return;
  const { diagnostics, ruleId, severity, url } = collecting;
  // Built in place, in the key order `{ ruleId, severity, ...finding, url }` would give.
  const diagnostic: Record<string, unknown> = { ruleId, severity: finding.severity ?? severity };
  for (const key in finding) {
    if (key !== "severity") diagnostic[key] = finding[key as keyof RuleFinding];
  }
  diagnostic.url = url;
  diagnostics.push(diagnostic as Diagnostic);
  if (trace !== undefined) collecting.traces.set(diagnostic as Diagnostic, trace);
}
