import { type Cell, createReport, fillTotals, getTableDefinition, type Report, setCell, tableIds } from "@gongkai/core";
import { NotAReportError } from "@gongkai/recognize";
import { toDocx } from "@gongkai/to-docx";
import { describe, expect, it } from "vitest";
import { DocxReadError } from "./docx-read-error";
import { fromDocx } from "./from-docx";
import { minimalDocx, p, reportDocx } from "./test-helpers";

/** Every cell of a table as what it means (number with unit, blank, notApplicable), by row and column key. */
function cellMeanings(report: Report, table: (typeof tableIds)[number]): Record<string, unknown> {
  const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
  const out: Record<string, unknown> = {};
  for (const row of getTableDefinition(report.edition, table).rows) {
    for (const column of row.columns) {
      const cell = rows?.[row.key]?.[column.key];
      out[`${row.key}/${column.key}`] =
        cell === undefined ? "absent" : cell.kind === "number" ? `${cell.value}${cell.unit ?? ""}` : cell.kind;
    }
  }
  return out;
}

function report2021() {
  const report = createReport({ edition: "2021", year: 2024, agency: { name: "某市统计局", kind: "department" } });
  report.meta.title = "某市统计局2024年政府信息公开工作年度报告";
  report.meta.publishedDate = "2025-01-20";
  report.parts[0]?.blocks.push({
    type: "paragraph",
    text: "2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
  });
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, "n/a");
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "made" }, 3);
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "repealed" }, 0);
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 27);
  setCell(
    report,
    { table: "table2", row: "art20_8.fees", column: "amount" },
    { kind: "number", value: 1.5, unit: "万元" },
  );
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 10);
  setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }, 2);
  setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 7);
  setCell(report, { table: "table3", row: "results.denied.stateSecret", column: "naturalPerson" }, 1);
  setCell(report, { table: "table3", row: "results.unableToProvide.notHeld", column: "legalPerson.commercial" }, 2);
  setCell(report, { table: "table3", row: "results.other.overdueFee", column: "naturalPerson" }, 0);
  setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 2);
  setCell(report, { table: "table4", row: "review", column: "maintain" }, 1);
  setCell(report, { table: "table4", row: "litigationPostReview", column: "correct" }, 3);
  fillTotals(report);
  return report;
}

describe("fromDocx", () => {
  it("reads tables 三 and 四 of a report written with the docx package, cell for cell", async () => {
    const report = report2021();
    const { bytes } = await reportDocx(report);
    const { report: read } = fromDocx(bytes);
    expect(read.edition).toBe("2021");
    expect(read.meta.year).toBe(2024);
    expect(cellMeanings(read, "table3")).toEqual(cellMeanings(report, "table3"));
    expect(cellMeanings(read, "table4")).toEqual(cellMeanings(report, "table4"));
    const granted = (read.tables.table3?.rows as Record<string, Record<string, Cell>> | undefined)?.["results.granted"];
    expect(granted?.naturalPerson?.source?.path).toMatch(/^document>body>tbl\[1\]>tr\[\d+\]>tc\[\d+\]$/);
  });

  it("passes sourceUrl through to the report", async () => {
    const { bytes } = await reportDocx(report2021());
    expect(fromDocx(bytes, { sourceUrl: "https://example.gov.cn/2024.docx" }).report.meta.sourceUrl).toBe(
      "https://example.gov.cn/2024.docx",
    );
  });

  it("throws DocxReadError for a file it cannot read and NotAReportError for a document that is no report", () => {
    expect(() => fromDocx(new TextEncoder().encode("not a zip"))).toThrow(DocxReadError);
    expect(() => fromDocx(minimalDocx(p("会议通知")))).toThrow(NotAReportError);
  });
});

describe("round trip: toDocx → fromDocx (the docx half of the conformance suite)", () => {
  for (const [name, build] of [
    ["2021 edition", report2021],
    [
      "2019 edition with 采购总金额 in 万元 and a negative 本年增/减",
      () => {
        const report = createReport({
          edition: "2019",
          year: 2020,
          agency: { name: "某县人民政府", kind: "peoplesGovernment" },
        });
        setCell(report, { table: "table2", row: "art20_5.licensing", column: "prevYearItems" }, 154);
        setCell(report, { table: "table2", row: "art20_5.licensing", column: "changeThisYear" }, -3);
        setCell(
          report,
          { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
          {
            kind: "number",
            value: 251.6,
            unit: "万元",
          },
        );
        setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 49);
        setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 49);
        fillTotals(report);
        return report;
      },
    ],
  ] as const) {
    it(name, async () => {
      const report: Report = build();
      const bytes = await toDocx(report);
      const { report: read } = fromDocx(bytes);
      expect(read.edition).toBe(report.edition);
      expect(read.meta.year).toBe(report.meta.year);
      expect(read.meta.agency.name).toBe(report.meta.agency.name);
      // Not compared: meta.publishedDate. toDocx stamps it only into docProps/core.xml (created/modified),
      // which is the file's authoring time in real .docx files, so the reader does not take it as the
      // publication date; it comes back only when printed in the body.
      const narrative = (source: Report) => ({
        preamble: source.preamble.map((block) => [block.type, block.text]),
        parts: source.parts.map((part) => [
          part.code,
          part.heading,
          part.blocks.map((block) => [block.type, block.text]),
        ]),
      });
      expect(narrative(read)).toEqual(narrative(report));
      for (const table of tableIds) expect(cellMeanings(read, table), table).toEqual(cellMeanings(report, table));
    });
  }
});
