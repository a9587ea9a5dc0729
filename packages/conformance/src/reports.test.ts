import { check, parseReport } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { conformanceCases, generatedReport, seedReport } from "./reports";

describe("conformance cases", () => {
  it("are all valid reports", () => {
    for (const { report } of conformanceCases()) expect(parseReport(structuredClone(report))).toEqual(report);
  });

  it("generate the same report for the same seed and a different one for another", () => {
    expect(generatedReport("2021", 7)).toEqual(generatedReport("2021", 7));
    expect(generatedReport("2021", 7)).not.toEqual(generatedReport("2021", 8));
  });

  it("keep the seed report's real fault: the printed rule fails for 自然人 (49 + 0 ≠ 49 + 1)", () => {
    const balance = check(seedReport()).filter((diagnostic) => diagnostic.ruleId === "table3/balance");
    expect(balance.map((diagnostic) => diagnostic.location.column)).toContain("naturalPerson");
  });
});
