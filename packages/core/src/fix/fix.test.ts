import { seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import {
  type Cell,
  check,
  createReport,
  fix,
  fixableRuleIds,
  getCell,
  numberCell,
  type Report,
  setCell,
  unreadCell,
} from "../index";

const fixedRules = new Set<string>(fixableRuleIds);
const ruleIdsOf = (report: Report) => check(report).map((diagnostic) => diagnostic.ruleId);

/** 2021 report: 自然人 received 3, 商业企业 2 (no total yet), all granted; one table 四 group filled. */
function smallReport() {
  const report = createReport({ edition: "2021", year: 2022, agency: { name: "某市统计局", kind: "department" } });
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 3);
  setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }, 2);
  setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 3);
  setCell(report, { table: "table3", row: "results.granted", column: "legalPerson.commercial" }, 2);
  setCell(report, { table: "table4", row: "review", column: "maintain" }, 1);
  setCell(report, { table: "table4", row: "review", column: "correct" }, 0);
  setCell(report, { table: "table4", row: "review", column: "other" }, 0);
  setCell(report, { table: "table4", row: "review", column: "unfinished" }, 0);
  return report;
}

describe("fix()", () => {
  it("fills the seed's blank totals from their parts (柳州市阳和工业新区 2020) and leaves its balance alone", () => {
    const seed = seedReport();
    const before = structuredClone(seed);
    const { report, changes } = fix(seed);
    // The seed prints 自然人 only: 49 received, 4 granted, 1 third-party rights, 44 not held; every
    // 总计 cell and （七）总计 blank. The （七）总计 总计 is filled in a second pass, from the first's.
    expect(
      changes.map(({ ruleId, location, before, after }) => [ruleId, location.row, location.column, before, after]),
    ).toEqual([
      ["table3/results-total", "results.totalProcessed", "naturalPerson", null, 49],
      ["table3/row-total", "newReceived", "total", null, 49],
      ["table3/row-total", "results.granted", "total", null, 4],
      ["table3/row-total", "results.denied.thirdPartyRights", "total", null, 1],
      ["table3/row-total", "results.unableToProvide.notHeld", "total", null, 44],
      ["table3/results-total", "results.totalProcessed", "total", null, 49],
    ]);
    expect(changes[1]?.message).toEqual({ zh: "将总计填为 49。", en: "Set Total to 49." });
    expect(seed).toEqual(before);
    const after = ruleIdsOf(report);
    expect(after.filter((id) => fixedRules.has(id))).toEqual([]);
    // 四、结转下年度 1 does not balance 49 received against 49 processed: no fix says which is wrong.
    expect(after.filter((id) => id === "table3/balance")).toHaveLength(2);
    expect(fix(report).changes).toEqual([]);
  });

  it("corrects a wrong total whose parts are all printed numbers, across a row and down table 四", () => {
    const report = smallReport();
    setCell(report, { table: "table3", row: "newReceived", column: "total" }, 6);
    setCell(report, { table: "table4", row: "review", column: "total" }, 2);
    const { report: fixed, changes } = fix(report);
    const changed = changes.map(({ location, before, after }) => [location.row, location.column, before, after]);
    expect(changed).toContainEqual(["review", "total", 2, 1]);
    expect(getCell(fixed, { table: "table4", row: "review", column: "total" })).toEqual(numberCell(1));
    expect(getCell(fixed, { table: "table3", row: "newReceived", column: "total" })).toEqual({
      kind: "number",
      value: 6,
    });
    // 6 is wrong (3 + 2), but four of the row's parts are blank: which cell is wrong is a guess.
    expect(changed).not.toContainEqual(["newReceived", "total", 6, 5]);
    expect(ruleIdsOf(fixed)).toContain("table3/row-total");
  });

  it("never fixes from an unread or inferred part, nor a `/` or unread total", () => {
    const unread = smallReport();
    setCell(unread, { table: "table4", row: "review", column: "correct" }, unreadCell("illegible", { raw: "l" }));
    setCell(unread, { table: "table4", row: "review", column: "total" }, 5);
    expect(fix(unread).changes.filter((change) => change.location.row === "review")).toEqual([]);

    const inferred = smallReport();
    const guessed: Cell = {
      kind: "number",
      value: 0,
      inferred: { from: "runTogether", relation: "table4/group-total" },
    };
    setCell(inferred, { table: "table4", row: "review", column: "correct" }, guessed);
    expect(fix(inferred).changes.filter((change) => change.location.row === "review")).toEqual([]);

    const slash = smallReport();
    setCell(slash, { table: "table4", row: "review", column: "total" }, "n/a");
    expect(fix(slash).changes.filter((change) => change.location.row === "review")).toEqual([]);
  });

  it("never applies a balance fix", () => {
    const report = smallReport();
    // 1 carried forward by 自然人, who received 3 and had 3 granted: the balance fails.
    setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 1);
    const balance = check(report).find((diagnostic) => diagnostic.ruleId === "table3/balance");
    expect(balance?.location.column).toBe("naturalPerson");
    const { report: fixed, changes } = fix(report);
    expect(changes.every((change) => fixedRules.has(change.ruleId))).toBe(true);
    expect(changes.some((change) => change.location.pointer === balance?.location.pointer)).toBe(false);
    expect(getCell(fixed, { table: "table3", row: "carriedForward", column: "naturalPerson" })).toEqual(numberCell(1));
    expect(ruleIdsOf(fixed)).toContain("table3/balance");
  });

  it("fixes nothing for a rule turned off, and takes null options as none", () => {
    const report = smallReport();
    const all = fix(report).changes;
    expect(all.map((change) => change.ruleId)).toContain("table4/group-total");
    const some = fix(report, { rules: { "table4/group-total": "off" } }).changes;
    expect(some.map((change) => change.ruleId)).not.toContain("table4/group-total");
    expect(some).toEqual(all.filter((change) => change.ruleId !== "table4/group-total"));
    expect(fix(report, null)).toEqual(fix(report));
  });
});
