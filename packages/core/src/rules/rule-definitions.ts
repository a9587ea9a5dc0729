import type { RuleDefinition } from "./rule";

/** Every rule, in the order `check()` runs them. */
export const ruleDefinitions: readonly RuleDefinition[] = [];
