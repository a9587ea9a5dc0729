import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createReport } from "../authoring/create-report";
import { check } from "../check";
import { diagnosticSchema } from "./diagnostic";
import {
  diagnosticOrigins,
  diagnosticRegistry,
  diagnosticRuleIds,
  importRuleIds,
  internalRuleFailedId,
  internalRuleIds,
  isDiagnosticRuleId,
  ruleDocsUrl,
  ruleIds,
} from "./diagnostic-registry";

describe("diagnosticRegistry", () => {
  it("lists every id once, check rules first, then importer findings, then internal ones", () => {
    expect(new Set(diagnosticRuleIds).size).toBe(diagnosticRuleIds.length);
    expect(diagnosticRuleIds).toEqual([...ruleIds, ...importRuleIds, ...internalRuleIds]);
    expect(Object.keys(diagnosticRegistry)).toEqual(diagnosticRuleIds);
    expect(internalRuleIds).toEqual([internalRuleFailedId]);
  });

  it("names each id's family in its prefix: import/* for importers, internal/* for gongkai itself", () => {
    for (const id of diagnosticRuleIds) {
      const { origin } = diagnosticRegistry[id];
      expect(diagnosticOrigins).toContain(origin);
      expect(id.startsWith("import/"), id).toBe(origin === "import");
      expect(id.startsWith("internal/"), id).toBe(origin === "internal");
    }
  });

  it("gives every id a default severity, a zh and en description and a documentation page", () => {
    for (const id of diagnosticRuleIds) {
      const info = diagnosticRegistry[id];
      expect(info.id).toBe(id);
      expect(["error", "warning", "info"]).toContain(info.defaultSeverity);
      expect(info.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(info.description.en).toMatch(/^[A-Z]/);
      expect(info.docsUrl).toBe(
        info.origin === "check"
          ? ruleDocsUrl(id)
          : info.origin === "import"
            ? "https://www.npmjs.com/package/@gongkai/recognize#importer-findings"
            : "https://www.npmjs.com/package/@gongkai/core",
      );
    }
  });

  it("is the table of rules in the README, in order, with the same default severities and pages", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const rows = [...readme.matchAll(/^\| \[`([^`]+)`\]\(\.\/docs\/rules\/([^)]+)\) *\| (\w+) /gmu)];
    expect(rows.map(([, id, page, severity]) => [id, page, severity])).toEqual(
      ruleIds.map((id) => [id, ruleDocsUrl(id).split("/").at(-1), diagnosticRegistry[id].defaultSeverity]),
    );
  });

  it("keeps the importer findings' default severities where importers read them", () => {
    expect(diagnosticRegistry["import/run-together"].defaultSeverity).toBe("warning");
    expect(diagnosticRegistry["import/split-digits"].defaultSeverity).toBe("info");
    expect(diagnosticRegistry["import/limit-exceeded"].defaultSeverity).toBe("error");
  });

  it("stamps check()'s findings with the registry's documentation page", () => {
    const rules = Object.fromEntries(ruleIds.map((id) => [id, id === "meta/edition-mismatch" ? "warning" : "off"]));
    const diagnostics = check(createReport({ edition: "2019", year: 2022 }), { rules });
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.url])).toEqual([
      ["meta/edition-mismatch", diagnosticRegistry["meta/edition-mismatch"].docsUrl],
    ]);
  });
});

describe("isDiagnosticRuleId() and diagnosticSchema's ruleId", () => {
  it("accept this version's ids and nothing else", () => {
    expect(isDiagnosticRuleId("table3/balance")).toBe(true);
    expect(isDiagnosticRuleId("import/no-text-layer")).toBe(true);
    expect(isDiagnosticRuleId(internalRuleFailedId)).toBe(true);
    expect(isDiagnosticRuleId("table3/made-up")).toBe(false);
    expect(isDiagnosticRuleId("toString")).toBe(false);
    expect(isDiagnosticRuleId(3)).toBe(false);
    const diagnostic = {
      ruleId: "import/truncated",
      severity: "warning",
      message: { zh: "中", en: "en" },
      location: { pointer: "" },
    };
    expect(diagnosticSchema.safeParse(diagnostic).success).toBe(true);
    expect(diagnosticSchema.safeParse({ ...diagnostic, ruleId: "import/made-up" }).success).toBe(false);
  });
});
