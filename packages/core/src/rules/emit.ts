import type { Diagnostic, Severity } from "../diagnostics/diagnostic";
import type { RuleId } from "../diagnostics/diagnostic-registry";
import { wordingOf } from "../diagnostics/messages/localize";
import type { EditionDataShape } from "../editions/edition-schema";
import type { SumRelation } from "../editions/sum-relations";
import type { ReportArithmetic } from "./report-arithmetic";
import type { RuleContext, RuleFinding } from "./rule";

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

/**
 * A finding as one of core's rules emits it: what it found as `data` (never wording: the message
 * modules word it, in `diagnostics/messages/`), where, the values and cells, and for a fix its
 * value. `check()` adds the id, severity, message, fix message and documentation URL.
 */
export type CoreFinding<Data> = Omit<RuleFinding, "message" | "fix"> & {
  /** What the message functions of the rule's id word, in each language. */
  readonly data: Data;
  /** A fix that follows from the finding: its value, if it has one (the wording comes from `data`). */
  readonly fix?: { readonly value?: number };
};

/**
 * How core's own rules report a finding: a rule's `emit`, which the arithmetic rules also give
 * what the finding rests on (for linking echoes to their cause).
 */
export type TracedEmit<Data> = (finding: CoreFinding<Data>, trace?: ArithmeticTrace) => void;

/** Where one check's findings go: the diagnostics in rule order, and the traces beside them. */
export interface FindingSink {
  readonly diagnostics: Diagnostic[];
  readonly traces: Map<Diagnostic, ArithmeticTrace>;
}

/**
 * The `emit` a rule is given for one check: it stamps each finding with the rule's id, severity
 * (unless the finding carries its own), message and fix message (worded from its data by the
 * message modules) and documentation URL, and adds it to `sink`.
 */
export function emitterFor(sink: FindingSink, ruleId: RuleId, severity: Severity, url: string): TracedEmit<unknown> {
  return (finding, trace) => {
    const wording = wordingOf(ruleId);
    // Built in place, in the key order `{ ruleId, severity, message, ...finding, url }` would give.
    const diagnostic: Record<string, unknown> = {
      ruleId,
      severity: finding.severity ?? severity,
      message: wording.message(finding.data),
    };
    for (const key in finding) {
      if (key === "severity" || key === "data") continue;
      if (key === "fix" && finding.fix !== undefined) {
        const message = wording.fix(finding.data);
        diagnostic.fix = finding.fix.value === undefined ? { message } : { value: finding.fix.value, message };
        continue;
      }
      diagnostic[key] = finding[key as keyof CoreFinding<unknown>];
    }
    diagnostic.url = url;
    sink.diagnostics.push(diagnostic as Diagnostic);
    if (trace !== undefined) sink.traces.set(diagnostic as Diagnostic, trace);
  };
}

/**
 * What one of core's rules is given: the report and options ({@link RuleContext}), and the
 * report's edition data and arithmetic, each worked out once per `check()`, on first use (so that
 * a report of no known edition fails each rule that reads them, as `internal/rule-failed`, and no
 * other).
 */
export interface CheckContext extends RuleContext {
  /** The data of the report's edition (`getEdition`), looked up once. */
  readonly edition: EditionDataShape;
  /** The report's sum relations and the cells they read (`reportArithmetic`), worked out once. */
  readonly arithmetic: ReportArithmetic;
}

/**
 * One of core's own rules: the code of a check entry of the diagnostics registry (which holds its
 * id, default severity and description). It emits its findings' `Data`; the message modules word it.
 */
export interface CoreRule<Data> {
  /**
   * Run the rule on one report, reporting each finding (and, for arithmetic, its trace) through
   * `emit`: it returns nothing, never throws, and keeps no state between runs.
   */
  readonly run: (context: CheckContext, emit: TracedEmit<Data>) => void;
}
