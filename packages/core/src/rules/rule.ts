import type { Diagnostic, LocalizedText, Severity } from "../diagnostics/diagnostic";
import type { RuleId } from "../diagnostics/diagnostic-registry";
import type { RuleLevels } from "../diagnostics/rule-levels";
import type { Report } from "../model/report";
import type { AgencyKind } from "../taxonomy/agency-kind";

/** Options for `check()`. */
export interface CheckOptions {
  /** Last year's report of the same agency, for the `cross-year/*` rules. */
  readonly prior?: Report;
  /**
   * Levels by id: a severity overrides a rule's default, `off` disables it. Ids of importer
   * findings may be given too (one map for a whole configuration); `check()` reads only its rules'.
   */
  readonly rules?: RuleLevels;
  /**
   * Publication deadlines as `MM-DD` of the year after the report year, per agency kind;
   * `null` means no deadline. Defaults: department `01-31`, peoplesGovernment `03-31`,
   * townshipStreet and unknown none (第四十九条 sets none for townships).
   */
  readonly deadlines?: Partial<Record<AgencyKind, string | null>>;
}

/**
 * A diagnostic as a rule produces it; `check()` adds the rule id, severity and documentation URL.
 * A finding may carry its own `severity` (e.g. `info` for a check that could not be made); it
 * then keeps it whatever the rule's configured severity, unless the rule is `off`.
 */
export type RuleFinding = Omit<Diagnostic, "ruleId" | "severity" | "url"> & { readonly severity?: Severity };

/** What a rule is given: the report and the options `check()` was called with. */
export interface RuleContext {
  /** The report being checked. */
  readonly report: Report;
  /** The options `check()` was called with. */
  readonly options: CheckOptions;
}

/**
 * How a rule reports one finding, worded; `check()` stamps it with the rule's id, severity and
 * documentation URL.
 *
 * @deprecated Core's rules now emit their findings' data and leave the wording to the message
 * modules (see the core README, "Adding a rule"); this type is kept for code that imports it.
 */
export type Emit = (finding: RuleFinding) => void;

/**
 * A rule: its id, default severity, description, and the function that runs it. `getRules()`
 * returns its `id`, `defaultSeverity` and `description`, read from the diagnostics registry.
 */
export interface RuleDefinition {
  /** The stable rule id. */
  readonly id: RuleId;
  /** The severity used unless overridden. */
  readonly defaultSeverity: Severity;
  /** One line on what the rule checks. */
  readonly description: LocalizedText;
  /**
   * Run the rule on one report: it reports each finding through `emit`, returns nothing and never
   * throws, and keeps no state between runs.
   */
  readonly run: (context: RuleContext, emit: Emit) => void;
}
