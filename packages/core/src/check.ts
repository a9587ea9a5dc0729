import type { Diagnostic, Severity } from "./diagnostics/diagnostic";
import type { Report } from "./model/report";
import type { CheckOptions, RuleDefinition } from "./rules/rule";
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
  for (const rule of ruleDefinitions) {
    const severity = severityOf(rule, options);
    if (severity === "off") continue;
    try {
      rule.run({
        report,
        options,
        emit: ({ severity: own, ...finding }) =>
          diagnostics.push({
            ruleId: rule.id,
            severity: own ?? severity,
            ...finding,
            url: docsUrls.get(rule.id) ?? ruleDocsUrl(rule.id),
          }),
      });
    } catch (error) {
      diagnostics.push({
        ruleId: "internal/rule-failed",
        severity: "error",
        message: {
          zh: `规则 ${rule.id} 无法检查此报告：${describeError(error)}`,
          en: `Rule ${rule.id} could not check this report: ${describeError(error)}`,
        },
        location: { pointer: "" },
      });
    }
  }
  return diagnostics;
}
