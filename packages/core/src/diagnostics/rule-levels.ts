import { type Diagnostic, type Severity, severities } from "./diagnostic";
import { type DiagnosticRuleId, diagnosticRegistry } from "./diagnostic-registry";

/** What a user may set a diagnostic id to: a severity, or `off` to drop its findings. */
export const ruleLevels = ["off", ...severities] as const;

/** A diagnostic id's configured level: `off`, `error`, `warning` or `info`. */
export type RuleLevel = (typeof ruleLevels)[number];

/**
 * Levels by diagnostic id, as a user configures them (a config file's `rules`, the CLI's `--rule`):
 * check rules' and importer findings' ids alike. An id left out keeps its findings' severities.
 */
export type RuleLevels = Partial<Record<DiagnosticRuleId, RuleLevel>>;

/**
 * The level of a finding of `ruleId` under the user's `levels`: the level they set for the id,
 * when it is one (`"fatal"` or `3` is ignored); otherwise `made`, the severity the finding was
 * made with (by default the registry's default severity for the id). The one place a configured
 * level is read: `check()` asks it for each rule, {@link applyRuleLevels} for each imported finding.
 *
 * @example
 * ruleLevel("meta/deadline", { "meta/deadline": "off" }); // "off"
 * ruleLevel("import/split-digits", {}); // "info" (the registry's default)
 */
export function ruleLevel(
  ruleId: DiagnosticRuleId,
  levels: RuleLevels | undefined,
  made: Severity = diagnosticRegistry[ruleId].defaultSeverity,
): RuleLevel {
  const configured: unknown = levels?.[ruleId];
  return (ruleLevels as readonly unknown[]).includes(configured) ? (configured as RuleLevel) : made;
}

/**
 * Findings already made (an importer's) under the user's `levels`: those of an id set `off` are
 * dropped, those of an id set to a severity get it, the rest are returned as they are, in order.
 *
 * @example
 * applyRuleLevels(result.diagnostics, { "import/split-digits": "error", "import/unknown-row": "off" });
 */
export function applyRuleLevels(diagnostics: readonly Diagnostic[], levels: RuleLevels | undefined): Diagnostic[] {
  if (levels === undefined) return [...diagnostics];
  return diagnostics.flatMap((diagnostic) => {
    const level = ruleLevel(diagnostic.ruleId, levels, diagnostic.severity);
    if (level === "off") return [];
    return level === diagnostic.severity ? [diagnostic] : [{ ...diagnostic, severity: level }];
  });
}
