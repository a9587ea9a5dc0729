import { getTableDefinition, type Report, ReportValidationError, type SourcePosition, tableIds } from "@gongkai/core";
import { groupAsRowReport, seedReport, seedText } from "@gongkai/test-reports";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson, reportSchemaUrl, toJson } from "./index";

/**
 * The seed report with source positions on a few cells and on the first block, as the text
 * importer gives them: each found in the seed text (one cell a line), so every position is read
 * off the file (287.36万元 is seed line 88, columns 1–8).
 */
function seedReportWithSources(): Report {
  const report = seedReport();
  const lines = seedText().split("\n");
  const sourceOf = (text: string, after = 0): SourcePosition => {
    const index = lines.findIndex((line, at) => at >= after && line.replace(/[\s|]+$/, "") === text);
    if (index < 0) throw new Error(`the seed text has no line ${text}`);
    return { line: index + 1, column: 1, endLine: index + 1, endColumn: text.length + 1 };
  };
  const table2 = report.tables.table2?.rows;
  const table3 = report.tables.table3?.rows;
  const first = report.parts[0]?.blocks[0];
  if (!table2 || !table3 || !first) throw new Error("the seed report has tables 二 and 三 and an overview");
  table2["art20_5.licensing"].changeThisYear.source = sourceOf("+3");
  table2["art20_9.centralProcurement"].procurementAmount.source = sourceOf("287.36万元");
  table3.newReceived.naturalPerson.source = sourceOf("49", lines.indexOf("一、本年新收政府信息公开申请数量 |"));
  first.source = sourceOf(first.text);
  return report;
}

/** A deep copy with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  );
}

/** A deep copy with every object's keys permuted by `order` (a list of random numbers). */
function permuteKeys(value: unknown, order: readonly number[], counter = { next: 0 }): unknown {
  if (Array.isArray(value)) return value.map((child) => permuteKeys(child, order, counter));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(
    ([key, child]) => [order[counter.next++ % order.length] ?? 0, key, permuteKeys(child, order, counter)] as const,
  );
  entries.sort((left, right) => left[0] - right[0]);
  return Object.fromEntries(entries.map(([, key, child]) => [key, child]));
}

describe("toJson", () => {
  it("writes the envelope first, then the report's fields in schema order, with a final newline", () => {
    const text = toJson(seedReport());
    expect(text.endsWith("}\n")).toBe(true);
    expect(
      text.startsWith(`{\n  "$schema": "${reportSchemaUrl}",\n  "schemaVersion": 1,\n  "edition": "2019",\n`),
    ).toBe(true);
    const document = JSON.parse(text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(document)).toEqual([
      "$schema",
      "schemaVersion",
      "edition",
      "meta",
      "preamble",
      "parts",
      "tables",
    ]);
    expect(Object.keys(document.meta ?? {})).toEqual(["agency", "year", "publishedDate", "title"]);
    expect(Object.keys(document.meta?.agency ?? {})).toEqual(["name", "kind", "kindInferred"]);
  });

  it("orders rows and columns as the edition prints them, and cell and source keys in a fixed order", () => {
    const document = JSON.parse(toJson(reverseKeys(seedReportWithSources()) as Report)) as {
      tables: Record<string, { rows: Record<string, Record<string, Record<string, unknown>>> }>;
    };
    for (const table of tableIds) {
      const definition = getTableDefinition("2019", table);
      const rows = document.tables[table]?.rows ?? {};
      expect(Object.keys(rows)).toEqual(definition.rows.map((row) => row.key));
      for (const row of definition.rows) {
        expect(Object.keys(rows[row.key] ?? {})).toEqual(row.columns.map((column) => column.key));
      }
    }
    const amount = document.tables.table2?.rows["art20_9.centralProcurement"]?.procurementAmount;
    expect(amount).toEqual({
      kind: "number",
      value: 287.36,
      unit: "万元",
      raw: "287.36万元",
      source: { line: 88, column: 1, endLine: 88, endColumn: 9 },
    });
    expect(Object.keys(amount ?? {})).toEqual(["kind", "value", "unit", "raw", "source"]);
    expect(Object.keys((amount?.source as object) ?? {})).toEqual(["line", "column", "endLine", "endColumn"]);
  });

  it("is byte-identical for equal reports whatever their key order", () => {
    const report = seedReportWithSources();
    const expected = toJson(report);
    expect(toJson(reverseKeys(report) as Report)).toBe(expected);
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 }), (order) => {
        expect(toJson(permuteKeys(report, order) as Report)).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });

  it("round-trips through parseJson, and canonical text is a fixed point", () => {
    const report = seedReportWithSources();
    const text = toJson(report);
    expect(parseJson(text)).toEqual(report);
    expect(toJson(parseJson(text))).toBe(text);
  });

  it("writes a group printed as one row before its items, and reads it back", () => {
    const report = groupAsRowReport();
    const text = toJson(report);
    const rows = Object.keys((JSON.parse(text) as { tables: { table3: { rows: object } } }).tables.table3.rows);
    expect(rows.slice(rows.indexOf("results.other"), rows.indexOf("results.other") + 2)).toEqual([
      "results.other",
      "results.other.overdueCorrection",
    ]);
    expect(toJson(parseJson(text))).toBe(text);
    expect(parseJson(text).tables.table3?.rows).toHaveProperty(
      ["results.other", "total"],
      report.tables.table3?.rows["results.other"]?.total,
    );
  });

  it("keeps blank, 0 and not-applicable apart", () => {
    const report = seedReport();
    const rows = report.tables.table2?.rows;
    if (!rows) throw new Error("seed report has table 二");
    rows["art20_5.otherServices"].prevYearItems = { kind: "number", value: 0, raw: "0" };
    rows["art20_1.regulations"].newlyMade = { kind: "notApplicable", raw: "/" };
    const parsed = parseJson(toJson(report));
    const parsedRows = parsed.edition === "2019" ? parsed.tables.table2?.rows : undefined;
    expect(parsedRows?.["art20_5.otherServices"].prevYearItems).toEqual({ kind: "number", value: 0, raw: "0" });
    expect(parsedRows?.["art20_1.regulations"].newlyMade).toEqual({ kind: "notApplicable", raw: "/" });
    expect(parsedRows?.["art20_1.regulations"].newlyPublished).toEqual({ kind: "blank" });
  });

  it("keeps an unread cell's reason, candidates and raw text (issue 7)", () => {
    const report = seedReport();
    const rows = report.tables.table2?.rows;
    if (!rows) throw new Error("seed report has table 二");
    const unread = {
      kind: "unread",
      reason: "runTogether",
      candidates: [3, 35],
      candidateCount: 2,
      raw: "350",
    } as const;
    rows["art20_8.fees"].prevYearItems = { ...unread, candidates: [...unread.candidates] };
    const parsed = parseJson(toJson(report));
    const parsedRows = parsed.edition === "2019" ? parsed.tables.table2?.rows : undefined;
    expect(parsedRows?.["art20_8.fees"].prevYearItems).toEqual(unread);
  });

  it("drops keys the model does not know and leaves its input untouched", () => {
    const report = seedReport();
    const withExtra = { ...report, meta: { ...report.meta, extra: "x" }, comment: "y" } as unknown as Report;
    const before = JSON.stringify(withExtra);
    expect(toJson(withExtra)).toBe(toJson(report));
    expect(JSON.stringify(withExtra)).toBe(before);
  });

  it("refuses an invalid report with the pointer of each problem", () => {
    const report = seedReport() as unknown as { meta: { year: unknown } };
    report.meta.year = "2020";
    expect(() => toJson(report as unknown as Report)).toThrow(ReportValidationError);
    try {
      toJson(report as unknown as Report);
    } catch (error) {
      expect(ReportValidationError.isInstance(error) && error.problems.map((problem) => problem.pointer)).toEqual([
        "/meta/year",
      ]);
    }
  });
});
