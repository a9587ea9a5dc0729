import { type Diagnostic, type Severity, severities } from "./diagnostics/diagnostic";
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

/** The rule id of the error `check()` reports when a rule itself fails on unexpected input. */
export const internalRuleFailedId = "internal/rule-failed";

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

const levels: readonly unknown[] = ["off", ...severities];

/** The rule's configured level; a value that is no level (`"fatal"`, `3`) leaves the default. */
function severityOf(rule: RuleDefinition, options: CheckOptions): Severity | "off" {
  const configured: unknown = options.rules?.[rule.id as RuleId];
  return levels.includes(configured) ? (configured as Severity | "off") : rule.defaultSeverity;
}

/** Where the running rule's findings go, with its id, severity and documentation URL. */
interface Collecting {
  readonly diagnostics: Diagnostic[];
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly url: string;
}

/**
 * The rule `check()` is running. Rules are synchronous, so this is set around each rule's run
 * (and restored should a check ever run inside another).
 */
let collecting: Collecting | undefined;

/**
 * `RuleContext.emit`: stamps a finding with the running rule's id, severity and URL. One function
 * for every check (not a closure per call), so V8 keeps its optimized code between checks.
 */
function emit(finding: RuleFinding): void {
  if (collecting === undefined) return;
  const { diagnostics, ruleId, severity, url } = collecting;
  // Built in place, in the key order `{ ruleId, severity, ...finding, url }` would give.
  const diagnostic: Record<string, unknown> = { ruleId, severity: finding.severity ?? severity };
  for (const key in finding) {
    if (key !== "severity") diagnostic[key] = finding[key as keyof RuleFinding];
  }
  diagnostic.url = url;
  diagnostics.push(diagnostic as Diagnostic);
}

/**
 * Check a report against every rule and return the findings, in rule order. Never throws: a rule
 * that fails on unexpected input yields an `internal/rule-failed` error diagnostic instead;
 * `null` options are no options, and a severity in `rules` that is not `off`, `info`, `warning` or
 * `error` leaves the rule's default.
 *
 * @example
 * const diagnostics = check(report, { prior: lastYear, rules: { "meta/deadline": "off" } });
 */
export function check(report: Report, checkOptions?: CheckOptions | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const options: CheckOptions = typeof checkOptions === "object" && checkOptions !== null ? checkOptions : {};
  const context: RuleContext = { report, options, emit };
  const outer = collecting;
  try {
    for (const rule of ruleDefinitions) {
      const severity = severityOf(rule, options);
      if (severity === "off") continue;
      collecting = { diagnostics, ruleId: rule.id, severity, url: docsUrls.get(rule.id) ?? ruleDocsUrl(rule.id) };
      try {
        rule.run(context);
      } catch (error) {
        diagnostics.push({
          ruleId: internalRuleFailedId,
          severity: "error",
          message: {
            zh: `规则 ${rule.id} 无法检查此报告：${describeError(error)}`,
            en: `Rule ${rule.id} could not check this report: ${describeError(error)}`,
          },
          location: { pointer: "" },
        });
      }
    }
  } finally {
    collecting = outer;
  }
  return diagnostics;
}
