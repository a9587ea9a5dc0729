import { getRules, internalRuleFailedId, type LocalizedText, ruleDocsUrl, type Severity } from "@gongkai/core";
import { importRuleIds, importRules } from "@gongkai/recognize";

/** One rule the CLI can report: from core's check(), an importer, or check()'s own failure. */
export interface CatalogRule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: LocalizedText;
  /** The rule's documentation page. */
  readonly helpUri: string;
  /** Where the rule comes from: `check` (core), `import` (an importer), `internal`. */
  readonly origin: "check" | "import" | "internal";
}

/** Where importer findings are documented (the recognize package's README lists them). */
const importRulesHelpUri = "https://www.npmjs.com/package/@gongkai/recognize#importer-findings";

/** Every rule, in a fixed order: core's rules, then importer findings, then internal. */
export function ruleCatalog(): readonly CatalogRule[] {
  return [
    ...getRules().map((rule) => ({
      id: rule.id,
      defaultSeverity: rule.defaultSeverity,
      description: rule.description,
      helpUri: ruleDocsUrl(rule.id),
      origin: "check" as const,
    })),
    ...importRuleIds.map((id) => ({
      id,
      defaultSeverity: importRules[id].defaultSeverity,
      description: importRules[id].description,
      helpUri: importRulesHelpUri,
      origin: "import" as const,
    })),
    {
      id: internalRuleFailedId,
      defaultSeverity: "error" as const,
      description: {
        zh: "某条规则在检查此报告时出错；请报告此问题。",
        en: "A rule failed while checking this report; please report it.",
      },
      helpUri: "https://www.npmjs.com/package/@gongkai/core",
      origin: "internal" as const,
    },
  ];
}
