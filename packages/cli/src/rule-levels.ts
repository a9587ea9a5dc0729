import { importRuleIds, type RuleId, type RuleLevel, type RuleLevels, ruleIds, ruleLevels } from "@gongkai/core";
import { CliError } from "./cli-error";
import { text } from "./language";

/**
 * The run's rule levels, one map for check rules and importer findings alike: the config's, then
 * `--rule ID=LEVEL` flags, which win. `check()` and `importFile` each apply them (through core's
 * `ruleLevel`). Used by every command that imports or checks: `check`, `import`, `audit`.
 *
 * @throws {CliError} for a `--rule` flag that is not `ID=LEVEL` with a known id and level.
 */
export function parseRuleLevels(
  configured: Readonly<Record<string, RuleLevel | undefined>>,
  flags: readonly string[],
): RuleLevels {
  const levels: Partial<Record<string, RuleLevel>> = {};
  for (const [id, level] of Object.entries(configured)) if (level !== undefined) levels[id] = level;
  for (const value of flags) {
    const match = /^([^=]+)=(.*)$/.exec(value);
    const [id, level] = match ? [match[1] as string, match[2] as string] : [value, ""];
    if (!(ruleLevels as readonly string[]).includes(level)) {
      throw new CliError(
        text(
          `--rule ${value}：应为 ID=${ruleLevels.join("|")}`,
          `--rule ${value}: expected ID=${ruleLevels.join("|")}`,
        ),
        {
          showUsage: true,
        },
      );
    }
    if (![...ruleIds, ...importRuleIds].includes(id as RuleId)) {
      const known = [...ruleIds, ...importRuleIds].join(", ");
      throw new CliError(
        text(
          `--rule ${value}：未知规则 '${id}'（已知：${known}）`,
          `--rule ${value}: unknown rule '${id}' (known: ${known})`,
        ),
      );
    }
    levels[id] = level as RuleLevel;
  }
  return levels as RuleLevels;
}
