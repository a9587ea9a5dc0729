import { check, type Diagnostic } from "@gongkai/core";
import { seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { describeFindingLocation, groupFindingsByCause } from "./findings";

function finding(id: string, causedBy?: string, severity: Diagnostic["severity"] = "error"): Diagnostic {
  return {
    ruleId: "table3/balance",
    severity,
    message: { zh: id, en: id },
    location: { pointer: "" },
    id,
    ...(causedBy === undefined ? {} : { causedBy }),
  };
}

describe("groupFindingsByCause", () => {
  it("puts each finding under the root of its causedBy chain, errors first", () => {
    const list = [
      finding("w", undefined, "warning"),
      finding("a"),
      finding("b", "a"),
      finding("c", "b"),
      finding("d", "zz"),
    ];
    const groups = groupFindingsByCause(list);
    expect(groups.map((group) => [group.cause.id, group.effects.map((effect) => effect.diagnostic.id)])).toEqual([
      ["a", ["b", "c"]],
      ["d", []],
      ["w", []],
    ]);
    expect(groups[0]?.effects.map((effect) => effect.index)).toEqual([2, 3]);
  });

  it("survives a causedBy cycle", () => {
    const groups = groupFindingsByCause([finding("a", "b"), finding("b", "a")]);
    expect(groups.flatMap((group) => [group.cause, ...group.effects.map((effect) => effect.diagnostic)])).toHaveLength(
      2,
    );
  });

  it("keeps every finding of the seed exactly once", () => {
    const diagnostics = check(seedReport());
    const groups = groupFindingsByCause(diagnostics);
    const indices = groups
      .flatMap((group) => [group.index, ...group.effects.map((effect) => effect.index)])
      .sort((a, b) => a - b);
    expect(indices).toEqual(diagnostics.map((_, index) => index));
  });
});

describe("describeFindingLocation", () => {
  it("names a table-3 cell by its printed labels, in either language", () => {
    const report = seedReport();
    const diagnostic = check(report).find(
      (candidate) => candidate.location.table === "table3" && candidate.location.column,
    );
    expect(diagnostic).toBeDefined();
    const zh = describeFindingLocation(report, diagnostic as Diagnostic, "zh");
    expect(zh.startsWith("三、收到和处理政府信息公开申请情况 · ")).toBe(true);
    const en = describeFindingLocation(report, diagnostic as Diagnostic, "en");
    expect(en).not.toBe(zh);
  });

  it("is empty for a finding without a table", () => {
    expect(describeFindingLocation(seedReport(), finding("x"), "zh")).toBe("");
  });
});
