import type { Coverage } from "./diagnostics/coverage";
import type { Diagnostic } from "./diagnostics/diagnostic";
import { checkRules, diagnosticRegistry, internalRuleFailedId, ruleIds } from "./diagnostics/diagnostic-registry";
import { diagnosticMessage } from "./diagnostics/messages/localize";
import { ruleLevel } from "./diagnostics/rule-levels";
import type { EditionDataShape } from "./editions/edition-schema";
import { getEdition } from "./editions/editions";
import type { Report } from "./model/report";
import { type ArithmeticTrace, type CheckContext, emitterFor, type FindingSink } from "./rules/emit";
import { assignIds, linkCauses } from "./rules/finding-links";
import { coverageOf } from "./rules/relation-coverage";
import { type ReportArithmetic, reportArithmetic } from "./rules/report-arithmetic";
import type { CheckOptions, RuleDefinition } from "./rules/rule";

/** The rules `check()` runs, with their ids, default severities and descriptions (from the diagnostics registry). */
export function getRules(): readonly Pick<RuleDefinition, "id" | "defaultSeverity" | "description">[] {
  return ruleIds.map((id) => {
    const { defaultSeverity, description } = diagnosticRegistry[id];
    return { id, defaultSeverity, description };
  });
}

/** An error as text, even when its own `toString` throws. */
function describeError(error: unknown): string {
  try {
    return String(error);
  } catch {
    return "unknown error";
  }
}

/** `null` or non-object options are no options. */
function optionsOf(checkOptions: CheckOptions | null | undefined): CheckOptions {
  return typeof checkOptions === "object" && checkOptions !== null ? checkOptions : {};
}

/** What {@link checkReport} returns: the findings, and how much of the report's arithmetic they cover. */
export interface CheckResult {
  /** The findings, in rule order, each with its `id` (and `causedBy` when it only echoes another). */
  readonly diagnostics: Diagnostic[];
  /** How many of the edition's relation instances were verified, could not be, or were used to infer a value. */
  readonly coverage: Coverage;
}

/**
 * The context of one check, shared by every rule: the report's edition data and arithmetic are
 * worked out on first use and kept (a report of no known edition throws on each use, so each rule
 * that reads them fails on its own).
 *
 * A class, not an object literal with getters: V8 makes such a literal's getters (closures over
 * the report) with an accessor pair in its old generation, and its young collections count every
 * reference from there, so each report checked stayed reachable to them and was moved to the old
 * generation too, garbage there until a full collection. 20,000 cross-year checks on the audit's
 * slices moved 102.6 MB there with the literal, 13.4 MB with this class.
 */
class ReportCheckContext implements CheckContext {
  #edition: EditionDataShape | undefined;
  #arithmetic: ReportArithmetic | undefined;

  constructor(
    readonly report: Report,
    readonly options: CheckOptions,
  ) {}

  get edition(): EditionDataShape {
    this.#edition ??= getEdition(this.report.edition);
    return this.#edition;
  }

  get arithmetic(): ReportArithmetic {
    this.#arithmetic ??= reportArithmetic(this.report);
    return this.#arithmetic;
  }
}

/** Run every rule, each with its own `emit`; ids and causes are assigned afterwards. */
function runRules(context: CheckContext): Diagnostic[] {
  const { options } = context;
  const sink: FindingSink = { diagnostics: [], traces: new Map<Diagnostic, ArithmeticTrace>() };
  for (const { id, rule, defaultSeverity, docsUrl } of checkRules) {
    // The configured level (a value that is no level, `"fatal"` or `3`, leaves the registry's default).
    const severity = ruleLevel(id, options.rules, defaultSeverity);
    if (severity === "off") continue;
    const emit = emitterFor(sink, id, severity, docsUrl);
    try {
      rule.run(context, emit);
    } catch (error) {
      sink.diagnostics.push({
        ruleId: internalRuleFailedId,
        severity: "error",
        message: diagnosticMessage(internalRuleFailedId, { rule: id, error: describeError(error) }),
        location: { pointer: "" },
      });
    }
  }
  assignIds(sink.diagnostics);
  linkCauses(context, sink.diagnostics, sink.traces);
  return sink.diagnostics;
}

/**
 * Check a report against every rule and return the findings, in rule order. Never throws: a rule
 * that fails on unexpected input yields an `internal/rule-failed` error diagnostic instead;
 * `null` options are no options, and a severity in `rules` that is not `off`, `info`, `warning` or
 * `error` leaves the rule's default. Only what was read is checked: a relation with an unread term is skipped (see {@link checkReport}
 * for how many were).
 *
 * @example
 * const diagnostics = check(report, { prior: lastYear, rules: { "meta/deadline": "off" } });
 */
export function check(report: Report, checkOptions?: CheckOptions | null): Diagnostic[] {
  return runRules(new ReportCheckContext(report, optionsOf(checkOptions)));
}

/**
 * {@link check}, with the coverage of the report's arithmetic: how many of the edition's relation
 * instances (a sum relation on one line) were verified, how many could not be because a term was
 * not read or its table is absent, and how many were used to infer a value (`resolveRunTogether`).
 *
 * @example
 * const { diagnostics, coverage } = checkReport(report);
 * // coverage: { verified: 41, unverifiable: 12, inferred: 0 }
 */
export function checkReport(report: Report, checkOptions?: CheckOptions | null): CheckResult {
  const context = new ReportCheckContext(report, optionsOf(checkOptions));
  return { diagnostics: runRules(context), coverage: coverageOf(report, context.options, context.arithmetic) };
}
