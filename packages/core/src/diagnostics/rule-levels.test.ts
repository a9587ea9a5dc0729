import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostic";
import { applyRuleLevels, type RuleLevels, ruleLevel } from "./rule-levels";

/** An importer finding as recognize makes them (a guessed encoding is made at info, below its default). */
function finding(ruleId: Diagnostic["ruleId"], severity: Diagnostic["severity"]): Diagnostic {
  return { ruleId, severity, message: { zh: "中", en: "en" }, location: { pointer: "" } };
}

describe("ruleLevel()", () => {
  it("gives the level the user set for the id, else the severity the finding was made with, else the registry's default", () => {
    expect(ruleLevel("meta/deadline", { "meta/deadline": "off" })).toBe("off");
    expect(ruleLevel("import/split-digits", { "import/split-digits": "error" }, "info")).toBe("error");
    expect(ruleLevel("import/encoding", {}, "info")).toBe("info");
    expect(ruleLevel("import/split-digits", undefined)).toBe("info");
    expect(ruleLevel("table3/balance", { "meta/deadline": "off" })).toBe("error");
  });

  it("ignores a configured value that is no level", () => {
    const levels = { "table3/balance": "fatal", "import/encoding": 3 } as unknown as RuleLevels;
    expect(ruleLevel("table3/balance", levels)).toBe("error");
    expect(ruleLevel("import/encoding", levels, "info")).toBe("info");
  });
});

describe("applyRuleLevels()", () => {
  const findings = [
    finding("import/encoding", "info"),
    finding("import/unknown-row", "info"),
    finding("import/split-digits", "info"),
  ];

  it("drops the findings of an id set off, gives those of an id set to a severity that severity, keeps the rest", () => {
    const levels: RuleLevels = { "import/unknown-row": "off", "import/encoding": "error", "meta/deadline": "off" };
    expect(applyRuleLevels(findings, levels).map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ["import/encoding", "error"],
      ["import/split-digits", "info"],
    ]);
    // The findings given are not changed.
    expect(findings[0]?.severity).toBe("info");
  });

  it("returns the findings as they are without levels", () => {
    expect(applyRuleLevels(findings, undefined)).toEqual(findings);
    expect(applyRuleLevels(findings, {})).toEqual(findings);
  });
});
