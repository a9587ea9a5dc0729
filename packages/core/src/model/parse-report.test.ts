import { describe, expect, it } from "vitest";
import {
  createReport,
  escapePointerSegment,
  GongkaiError,
  parseReport,
  ReportValidationError,
  report2019Schema,
  report2021Schema,
  reportSchema,
  safeParseReport,
  toJsonPointer,
} from "../index";

function brokenReport(): unknown {
  const report = JSON.parse(JSON.stringify(createReport({ edition: "2021", year: 2022 })));
  report.tables.table3.rows.newReceived.total = { kind: "number", value: "3" };
  report.tables.table4.rows.review.maintain = { kind: "zero" };
  delete report.meta.year;
  report.parts[1].code = "intro";
  report.meta.publishedDate = "2022-13-01";
  return report;
}

describe("safeParseReport and parseReport", () => {
  it("accept a report and return it unchanged", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    const result = safeParseReport(JSON.parse(JSON.stringify(report)));
    expect(result.success && result.report).toEqual(report);
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it("list every problem with its JSON pointer, without throwing", () => {
    const result = safeParseReport(brokenReport());
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.problems.map((problem) => problem.pointer)).toEqual([
      "/meta/year",
      "/meta/publishedDate",
      "/parts/1/code",
      "/tables/table3/rows/newReceived/total/value",
      "/tables/table4/rows/review/maintain/kind",
    ]);
    expect(result.error.problems[3]?.message).toBe("Invalid input: expected number, received string");
  });

  it("point at the edition when it is unknown, and at the root for a non-object", () => {
    const unknownEdition = safeParseReport({ edition: "2020" });
    expect(!unknownEdition.success && unknownEdition.error.problems.map((problem) => problem.pointer)).toEqual([
      "/edition",
    ]);
    const notAnObject = safeParseReport("report");
    expect(!notAnObject.success && notAnObject.error.problems).toEqual([
      { pointer: "", message: "Invalid input: expected object, received string" },
    ]);
  });

  it("parseReport throws a ReportValidationError that names the pointers", () => {
    let thrown: unknown;
    try {
      parseReport(brokenReport());
    } catch (error) {
      thrown = error;
    }
    expect(ReportValidationError.isInstance(thrown)).toBe(true);
    expect(GongkaiError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).name).toBe("GongkaiReportValidationError");
    expect((thrown as Error).message).toContain("/tables/table3/rows/newReceived/total/value");
    expect(ReportValidationError.isInstance(new Error("plain"))).toBe(false);
  });

  it("escape pointer segments (RFC 6901)", () => {
    expect(escapePointerSegment("a/b~c")).toBe("a~1b~0c");
    expect(toJsonPointer(["tables", "table2", "rows", "art20_1.regulations", 0])).toBe(
      "/tables/table2/rows/art20_1.regulations/0",
    );
  });

  it("build an edition's tables schema on first use, once, as a zod schema like the rest", () => {
    // The tables schema is a getter on the report schema's shape (not built when core loads).
    for (const schema of [report2019Schema, report2021Schema]) {
      const tables = schema.shape.tables;
      expect(schema.shape.tables).toBe(tables);
      expect(Object.keys(tables.shape)).toEqual(["table2", "table3", "table4"]);
      expect(tables.safeParse({ table3: { rows: {} } }).success).toBe(false);
      expect(tables.safeParse({}).success).toBe(true);
    }
    const report = createReport({ edition: "2021", year: 2022 });
    expect(reportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    // A schema derived from it (a user's `.extend`) reads the same tables schema.
    expect(report2021Schema.extend({}).shape.tables).toBe(report2021Schema.shape.tables);
  });
});
