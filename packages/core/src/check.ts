import type { Diagnostic, Severity } from "./diagnostics/diagnostic";
import type { Report } from "./model/report";
import type { CheckOptions, RuleContext, RuleDefinition, RuleFinding } from "./rules/rule";
import { ruleDefinitions } from "./rules/rule-definitions";
import type { RuleId } from "./rules/rule-ids";

/** Where each rule's documentation page lives (the `docs/rules` folder shipped in the package). */
export const ruleDocsBaseUrl = "https://unpkg.com/@gongkai/core/docs/rules/";

/** The documentation URL of a rule, e.g. `…/docs/rules/table3-balance.md`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${ruleDocsBaseUrl}${ruleId.replaceAll("/", "-")}.md`;
}

/** The rules `check()` runs, with their ids, default severities and descriptions. */
export function getRules(): readonly Pick<RuleDefinition, "id" | "defaultSeverity" | "description">[] {
  return ruleDefinitions.map(({ id, defaultSeverity, description }) => ({ id, defaultSeverity, description }));
}

const docsUrls = new Map(ruleDefinitions.map((rule) => [rule.id, ruleDocsUrl(rule.id)]));

/** An error as text, even when its own `toString` throws. */
function describeError(error: unknown): string {
  try {
    return String(error);
  } catch {
    return "unknown error";
  }
}

function severityOf(rule: RuleDefinition, options: CheckOptions): Severity | "off" {
  return options.rules?.[rule.id as RuleId] ?? rule.defaultSeverity;
}

/**
 * Check a report against every rule and return the findings, in rule order. Never throws: a rule
 * that fails on unexpected input yields an `internal/rule-failed` error diagnostic instead.
 *
 * @example
 * const diagnostics = check(report, { prior: lastYear, rules: { "meta/deadline": "off" } });
 */
export function check(report: Report, options: CheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let rule = ruleDefinitions[0] as RuleDefinition;
  let severity: Severity = rule.defaultSeverity;
  let url = "";
  // One context for every rule; `emit` stamps findings with the rule that is running.
  const context: RuleContext = {
    report,
    options,
    emit: (finding) => {
      // Built in place, in the key order `{ ruleId, severity, ...finding, url }` would give.
      const diagnostic: Record<string, unknown> = { ruleId: rule.id, severity: finding.severity ?? severity };
      for (const key in finding) {
        if (key !== "severity") diagnostic[key] = finding[key as keyof RuleFinding];
      }
      diagnostic.url = url;
      diagnostics.push(diagnostic as Diagnostic);
    },
  };
  for (const definition of ruleDefinitions) {
    const configured = severityOf(definition, options);
    if (configured === "off") continue;
    rule = definition;
    severity = configured;
    url = docsUrls.get(definition.id) ?? ruleDocsUrl(definition.id);
    try {
      definition.run(context);
    } catch (error) {
      diagnostics.push({
        ruleId: "internal/rule-failed",
        severity: "error",
        message: {
          zh: `规则 ${definition.id} 无法检查此报告：${describeError(error)}`,
          en: `Rule ${definition.id} could not check this report: ${describeError(error)}`,
        },
        location: { pointer: "" },
      });
    }
  }
  return diagnostics;
}
