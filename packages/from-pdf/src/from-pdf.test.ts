import { check, checkReport, getCellLoose } from "@gongkai/core";
import { corpusFile } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fromPdf } from "./from-pdf";

/** A PDF of the corpus (`@gongkai/test-reports`' `corpus/pdf/`), or its truth file. */
const fixture = (name: string): Uint8Array => corpusFile(`pdf/${name}`);

interface Truth {
  readonly agency: string;
  readonly year: number;
  readonly edition: string;
  readonly cells: Record<string, number | null>;
}

// The three real reports of the corpus (WPS exports).
describe("fromPdf on real reports", () => {
  it("reads hongzequ-2023: meta, and every table 三 cell its truth file gives, both printed quirks included", async () => {
    const truth = JSON.parse(new TextDecoder().decode(fixture("hongzequ-2023.truth.json"))) as Truth;
    const { report, diagnostics } = await fromPdf(fixture("hongzequ-2023.pdf"), { fileName: "hongzequ-2023.pdf" });
    expect(report.edition).toBe(truth.edition);
    expect(report.meta.year).toBe(truth.year);
    expect(report.meta.agency.name).toBe(truth.agency);
    const wrong: string[] = [];
    for (const [key, expected] of Object.entries(truth.cells)) {
      const [table, row, column] = key.split("/") as [string, string, string];
      const cell = getCellLoose(report, { table: table as "table3", row, column });
      const actual = cell?.kind === "number" ? cell.value : cell?.kind === "blank" ? null : cell?.kind;
      if (actual !== expected) wrong.push(key);
    }
    // The report prints "2.其他法律行政止公开" (characters missing): the recognizer reads it as its
    // nearest label. It prints （六）其他处理 as one row in a 2021-edition table: that row is
    // reported (import/group-as-row), and no value is placed in a wrong cell.
    expect(wrong.every((key) => /results\.other\//u.test(key))).toBe(true);
    expect(wrong.length).toBeLessThanOrEqual(7);
    // The one row's values are the group's own row (results.other, as the truth file codes it):
    // all 161 cells equal.
    expect(wrong).toEqual([]);
    expect(Object.keys(truth.cells)).toHaveLength(161);
    const groupRows = diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/group-as-row");
    expect(groupRows.map((diagnostic) => diagnostic.location.table)).toEqual(["table3"]);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/unknown-row")).toEqual([]);
    expect(getCellLoose(report, { table: "table3", row: "results.other", column: "total" })?.source).toMatchObject({
      page: expect.any(Number),
    });
  });

  it("checks hongzequ-2023 clean of import errors, with （七）总计 verified through the group's row", async () => {
    const { report, diagnostics } = await fromPdf(fixture("hongzequ-2023.pdf"), { fileName: "hongzequ-2023.pdf" });
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const { diagnostics: findings, coverage } = checkReport(report);
    expect(findings.filter((diagnostic) => diagnostic.ruleId === "table3/results-total")).toEqual([]);
    // Every relation of table 三 reads only cells that were read: nothing is left unverifiable.
    expect(coverage.unverifiable).toBe(0);
    // The report's own fault (its table 四 行政复议 row: 10 1 0 0 with 总计 0) is still found.
    expect(findings.filter((diagnostic) => diagnostic.ruleId === "table4/group-total").length).toBeGreaterThan(0);
  });

  it.each([
    ["hongzequ-2024.pdf", "淮安市洪泽区人民政府", 2024],
    ["huaianshi-2024.pdf", "淮安市人民政府", 2024],
  ])("reads %s: meta and a balanced table 三", async (name, agency, year) => {
    const { report, diagnostics } = await fromPdf(fixture(name), { fileName: name });
    expect(report.meta.agency.name).toBe(agency);
    expect(report.meta.year).toBe(year);
    expect(report.edition).toBe("2021");
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    expect(errors).toEqual([]);
    const findings = check(report).filter((diagnostic) => diagnostic.ruleId.startsWith("table3/"));
    expect(findings.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  it("reads huaianshi-2024's table 三 across its page break, with the one-character-per-line row label", async () => {
    const { report, diagnostics } = await fromPdf(fixture("huaianshi-2024.pdf"));
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId).filter((id) => id !== "import/meta-missing")).toEqual([]);
    // Values read off the page (page 4 and 5 of the PDF).
    expect(getCellLoose(report, { table: "table3", row: "newReceived", column: "total" })).toMatchObject({
      value: 3119,
    });
    expect(getCellLoose(report, { table: "table3", row: "newReceived", column: "naturalPerson" })).toMatchObject({
      value: 3001,
    });
    expect(getCellLoose(report, { table: "table3", row: "results.granted", column: "total" })).toMatchObject({
      value: 1362,
    });
    const cell = getCellLoose(report, { table: "table3", row: "newReceived", column: "total" });
    expect(cell?.source).toMatchObject({ page: 4 });
    expect(cell?.source?.box?.width).toBeGreaterThan(0);
  });
});
