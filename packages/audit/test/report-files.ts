import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EditionId, editionForYear, type Report, setCell } from "@gongkai/core";
import { generatedReport } from "@gongkai/test-reports";
import { toHtmlPage } from "@gongkai/to-html";
import { toJson } from "@gongkai/to-json";

/** A fresh temporary directory. */
export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), "gongkai-audit-"));
}

/**
 * A generated report (test-reports' `generatedReport`) of `agency` for `year`, with 上年结转 and
 * 结转下年度 set to `carriedOver` and `carriedForward` for 自然人 and its 总计 and 0 elsewhere, and
 * no table 二 (so the only cross-year relation is the carry-over).
 */
export function seriesReport(
  agency: string,
  year: number,
  cells: { carriedOver: number; carriedForward: number },
  seed = year,
): Report {
  const edition = editionForYear(year) as EditionId;
  const report = generatedReport(edition, seed);
  report.meta.year = year;
  report.meta.agency = { name: agency, kind: "department" };
  report.meta.publishedDate = `${year + 1}-01-20`;
  for (const row of ["carriedOver", "carriedForward"] as const) {
    for (const column of [
      "legalPerson.commercial",
      "legalPerson.research",
      "legalPerson.socialWelfare",
      "legalPerson.legalService",
      "legalPerson.other",
    ] as const) {
      setCell(report, { table: "table3", row, column }, 0);
    }
    setCell(report, { table: "table3", row, column: "naturalPerson" }, cells[row]);
    setCell(report, { table: "table3", row, column: "total" }, cells[row]);
  }
  delete (report.tables as { table2?: unknown }).table2;
  return report;
}

/** Write `report` into `directory` as `name` through our renderers: `.json` by to-json, `.html` by to-html. */
export function writeReport(directory: string, name: string, report: Report): string {
  const path = join(directory, name);
  writeFileSync(path, name.endsWith(".html") ? toHtmlPage(report) : toJson(report));
  return path;
}
