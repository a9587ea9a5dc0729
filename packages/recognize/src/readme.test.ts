import { readFileSync } from "node:fs";
import { diagnosticRegistry, importRuleIds } from "@gongkai/core";
import { expect, it } from "vitest";

/** The README's table of importer findings, as the diagnostics registry gives it. */
function importFindingsTable(): string {
  const rows = importRuleIds.map((id) => {
    const { defaultSeverity, description } = diagnosticRegistry[id];
    return `| \`${id}\` | ${defaultSeverity} | ${description.en} ${description.zh} |`;
  });
  return ["| id | default | what it means |", "|---|---|---|", ...rows].join("\n");
}

it("lists the registry's importer findings in the README, with their default severities and descriptions", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  // On failure, replace the README's table with the one printed here.
  expect(readme).toContain(`${importFindingsTable()}\n`);
});
