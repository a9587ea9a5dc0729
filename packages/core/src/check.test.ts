import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CheckOptions,
  check,
  checkReport,
  createReport,
  diagnosticSchema,
  getRules,
  type Report,
  ruleDocsUrl,
  ruleIds,
  setCell,
} from "./index";

function faultyReport() {
  const report = createReport({ edition: "2019", year: 2022 });
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 3);
  return report;
}

describe("check()", () => {
  it("never throws: a rule that fails on a malformed report becomes an internal/rule-failed error", () => {
    const malformed = { ...faultyReport(), parts: null, preamble: undefined } as unknown as Report;
    let diagnostics: ReturnType<typeof check> = [];
    expect(() => {
      diagnostics = check(malformed);
    }).not.toThrow();
    const failed = diagnostics.filter((diagnostic) => diagnostic.ruleId === "internal/rule-failed");
    expect(failed.map((diagnostic) => diagnostic.message.en.split(" ")[1])).toEqual([
      "narrative/number-mismatch",
      "structure/missing-part",
      "structure/part-numbering",
    ]);
    expect(failed.every((diagnostic) => diagnostic.severity === "error")).toBe(true);
    // The other rules still ran.
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === "table3/balance")).toBe(true);
    for (const diagnostic of diagnostics) expect(diagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
  });

  it("never throws, even for input that is not a report at all", () => {
    for (const input of [null, undefined, 42, "report", {}, { edition: "2019" }]) {
      const diagnostics = check(input as unknown as Report);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.every((diagnostic) => diagnostic.ruleId === "internal/rule-failed")).toBe(true);
    }
  });

  it("checks a report with a table missing, or a table with rows missing, without failing", () => {
    const report = faultyReport();
    const { table3: _table3, ...tables } = report.tables;
    const withoutTable3 = { ...report, tables } as Report;
    // Tables 二 and 四 of this report are blank (and no table holds a value): structure/empty-table reports each.
    const blankTables = ["structure/empty-table", "structure/empty-table"];
    expect(check(withoutTable3).map((diagnostic) => diagnostic.ruleId)).toEqual([
      "meta/edition-mismatch",
      ...blankTables,
    ]);
    const emptyRows = { ...report, tables: { ...report.tables, table3: { rows: {} } } } as unknown as Report;
    expect(check(emptyRows).map((diagnostic) => diagnostic.ruleId)).toEqual(["meta/edition-mismatch", ...blankTables]);
    const withoutTables = { ...report, tables: {} } as Report;
    const prior = { ...withoutTables, meta: { ...withoutTables.meta, year: 2021 } };
    expect(check(withoutTables, { prior }).map((diagnostic) => diagnostic.ruleId)).toEqual(["meta/edition-mismatch"]);
    expect(checkReport(withoutTables).coverage.verified).toBe(0);
  });

  it("applies severity overrides and turns rules off", () => {
    const report = faultyReport();
    expect(check(report).map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      // 自然人, and the 总计 column (its blank 一 read as its row's sum, 3) echoing it.
      ["table3/balance", "error"],
      ["table3/balance", "error"],
      ["table3/row-total", "error"],
      ["meta/edition-mismatch", "warning"],
      ["structure/empty-table", "warning"],
      ["structure/empty-table", "warning"],
    ]);
    const overridden = check(report, {
      rules: { "table3/balance": "off", "meta/edition-mismatch": "error", "structure/empty-table": "off" },
    });
    expect(overridden.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ["table3/row-total", "error"],
      ["meta/edition-mismatch", "error"],
    ]);
  });

  it("takes null or non-object options as no options (it threw a TypeError)", () => {
    const expected = check(faultyReport());
    for (const options of [null, 42, "rules"]) {
      expect(check(faultyReport(), options as unknown as null)).toEqual(expected);
    }
  });

  it("keeps a rule's default severity when `rules` gives one that is no severity", () => {
    const rules = { "table3/balance": "fatal", "meta/edition-mismatch": 3 } as unknown as NonNullable<
      CheckOptions["rules"]
    >;
    expect(check(faultyReport(), { rules }).map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ["table3/balance", "error"],
      ["table3/balance", "error"],
      ["table3/row-total", "error"],
      ["meta/edition-mismatch", "warning"],
      ["structure/empty-table", "warning"],
      ["structure/empty-table", "warning"],
    ]);
  });

  it("returns the same findings for the same report", () => {
    expect(JSON.stringify(check(faultyReport()))).toBe(JSON.stringify(check(faultyReport())));
  });
});

describe("getRules()", () => {
  it("lists every rule in order with its documented default severity and a zh and en description", () => {
    const rules = getRules();
    expect(rules.map((rule) => rule.id)).toEqual([...ruleIds]);
    expect(Object.fromEntries(rules.map((rule) => [rule.id, rule.defaultSeverity]))).toEqual({
      "table3/balance": "error",
      "table3/results-total": "error",
      "table3/row-total": "error",
      "table4/group-total": "error",
      "cross-year/prior-mismatch": "warning",
      "cross-year/carry-over": "warning",
      "cross-year/valid-documents": "warning",
      "narrative/number-mismatch": "warning",
      "meta/deadline": "warning",
      "meta/edition-mismatch": "warning",
      "structure/missing-part": "warning",
      "structure/part-numbering": "warning",
      "structure/empty-table": "error",
      "cell/invalid-value": "error",
      "coverage/unverifiable": "info",
    });
    for (const rule of rules) {
      expect(rule.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.description.en).toMatch(/^[A-Z]/);
    }
  });

  it("has a documentation page in docs/rules for every rule, at the URL ruleDocsUrl gives", () => {
    for (const { id } of getRules()) {
      const file = ruleDocsUrl(id).split("/").at(-1) as string;
      expect(file).toBe(`${id.replace("/", "-")}.md`);
      expect(existsSync(new URL(`../docs/rules/${file}`, import.meta.url)), file).toBe(true);
    }
  });
});
