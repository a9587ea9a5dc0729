import type { RuleLevels } from "@gongkai/core";
import type { LoadedInput } from "./load-input";

/**
 * `--infer-splits`: the input with its run-together digits split where exactly one reading makes
 * every sum relation that reads the row hold (core's `resolveRunTogether`, with the run's rule
 * levels); other cells, and the importer's findings, are unchanged.
 */
export async function withSplitsInferred(input: LoadedInput, rules?: RuleLevels): Promise<LoadedInput> {
  const { resolveRunTogether } = await import("@gongkai/core");
  const { report } = resolveRunTogether(input.report, rules === undefined ? {} : { rules });
  return { ...input, report };
}
