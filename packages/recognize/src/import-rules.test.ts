import { severities } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { importRuleIds, importRules } from "./import-rules";

describe("importRules", () => {
  it("describes every import rule in zh and en, with a known severity", () => {
    expect(Object.keys(importRules).sort()).toEqual([...importRuleIds].sort());
    for (const id of importRuleIds) {
      const rule = importRules[id];
      expect(severities).toContain(rule.defaultSeverity);
      expect(rule.description.zh.length, id).toBeGreaterThan(5);
      expect(rule.description.en.length, id).toBeGreaterThan(5);
    }
  });

  it("registers the finding from-html makes when a page's embedded report is invalid", () => {
    expect(importRuleIds).toContain("import/embedded-report-invalid");
    expect(importRules["import/embedded-report-invalid"]).toMatchObject({ defaultSeverity: "warning" });
  });
});
