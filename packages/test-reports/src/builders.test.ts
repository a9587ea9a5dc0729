import { check, getTableDefinition, parseReport, tableIds } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import {
  balancedReport,
  fullReport,
  generatedReport,
  hostileReport,
  hostileStrings,
  patternedReport,
  sampleReport,
} from "./builders";
import { conformanceCases } from "./conformance-cases";
import { numberTexts, rowsOf } from "./loose";
import { seedReport } from "./seed";

describe("report builders", () => {
  it("build valid reports", () => {
    const reports = [
      ...conformanceCases().map(({ report }) => report),
      fullReport("2019"),
      fullReport("2021"),
      patternedReport("2019"),
      patternedReport("2021"),
      sampleReport(),
    ];
    for (const report of reports) expect(parseReport(structuredClone(report))).toEqual(report);
  });

  it("keep the seed's 落款 line (seed line 232) out of part 六: it is the report's closing, as importers read it", () => {
    const other = seedReport().parts.find((part) => part.code === "other");
    expect(other?.blocks.map((block) => block.text)).toEqual(["无"]);
  });

  it("generate the same report for the same seed and a different one for another", () => {
    expect(generatedReport("2021", 7)).toEqual(generatedReport("2021", 7));
    expect(generatedReport("2021", 7)).not.toEqual(generatedReport("2021", 8));
  });

  it.each(["2019", "2021"] as const)("fill every %s input cell of fullReport with a distinct value", (edition) => {
    const report = fullReport(edition);
    const inputs: string[] = [];
    for (const table of tableIds) {
      const rows = rowsOf(report, table);
      for (const row of getTableDefinition(edition, table).rows) {
        for (const column of row.columns) {
          const cell = rows[row.key]?.[column.key];
          expect(cell, `${table} ${row.key} ${column.key}`).toBeDefined();
          if (!row.derived && !column.derived && cell?.kind === "number") inputs.push(`${cell.value}`);
        }
      }
    }
    expect(new Set(inputs).size).toBe(inputs.length);
    expect(rowsOf(report, "table3").carriedOver?.["legalPerson.research"]).toEqual({ kind: "blank" });
    expect(numberTexts(report).length).toBeGreaterThan(inputs.length);
  });

  it("give patternedReport blanks, zeros and '/' among its numbers", () => {
    const kinds = new Set(
      tableIds.flatMap((table) =>
        Object.values(rowsOf(patternedReport("2021"), table)).flatMap((columns) =>
          Object.values(columns).map((cell) => (cell.kind === "number" && cell.value === 0 ? "zero" : cell.kind)),
        ),
      ),
    );
    expect([...kinds].sort()).toEqual(["blank", "notApplicable", "number", "zero"]);
  });

  it("put every hostile string into hostileReport's prose", () => {
    const text = JSON.stringify(hostileReport());
    for (const hostile of hostileStrings) expect(text).toContain(JSON.stringify(hostile).slice(1, -1));
  });
});

describe("balancedReport", () => {
  it.each(["2019", "2021"] as const)(
    "holds a number in every cell and passes check() without an error (%s)",
    (edition) => {
      const report = balancedReport(edition);
      for (const table of ["table2", "table3", "table4"] as const)
        for (const row of Object.values(rowsOf(report, table)))
          for (const cell of Object.values(row)) expect(cell.kind).toBe("number");
      expect(check(report).filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    },
  );
});
