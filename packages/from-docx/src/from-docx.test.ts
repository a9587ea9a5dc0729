import { type Cell, getTableDefinition, type Report, tableIds } from "@gongkai/core";
import { NotAReportError } from "@gongkai/recognize";
import { fullReport, moneyAndChangesReport, sampleReport } from "@gongkai/test-reports";
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

describe("fromDocx", () => {
  it("reads tables 三 and 四 of a report written with the docx package, cell for cell", async () => {
    const report = sampleReport();
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
    const { bytes } = await reportDocx(sampleReport());
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
    ["a small 2021-edition report", sampleReport],
    ["2019 edition with 采购总金额 in 万元 and a negative 本年增/减", moneyAndChangesReport],
    ["a 2019-edition report with every cell filled", () => fullReport("2019")],
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
