// Writes a set of generated reports as portal HTML pages (core's createReport/setCell/fillTotals,
// rendered by @gongkai/to-html), for the audit bench. Agencies repeat over three years, so the set
// has series and cross-year pairs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createReport, editionForYear, fillTotals, getTableDefinition, setCell, tableIds } from "@gongkai/core";
import { mulberry32 } from "@gongkai/test-reports/random";
import { toHtmlPage } from "@gongkai/to-html";

const prose = "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息一千二百条，受理政府信息公开申请四十九件。";

/** The `index`th report of the set. */
export function benchReport(index) {
  const next = mulberry32(index + 1);
  const year = 2022 + (index % 3);
  const edition = editionForYear(year);
  const report = createReport({
    edition,
    year,
    agency: { name: `某市第${Math.floor(index / 3)}局`, kind: index % 2 ? "department" : "peoplesGovernment" },
  });
  report.meta.title = `${report.meta.agency.name}${year}年政府信息公开工作年度报告`;
  report.meta.publishedDate = `${year + 1}-0${1 + (index % 3)}-15`;
  for (const part of report.parts) part.blocks = [{ type: "paragraph", text: prose }];
  for (const table of tableIds) {
    for (const row of getTableDefinition(edition, table).rows) {
      if (row.derived) continue;
      for (const column of row.columns) {
        if (column.derived) continue;
        const draw = next();
        const value = draw < 0.1 ? "blank" : column.money ? Math.round(next() * 10_000) / 100 : Math.floor(next() * 40);
        setCell(report, { table, row: row.key, column: column.key }, column.signed && draw > 0.9 ? -3 : value);
      }
    }
  }
  fillTotals(report);
  return report;
}

/**
 * Write reports `0 … count − 1` as HTML pages into `directory`. With `embedReport` (to-html's
 * default) each page carries its report as JSON, which from-html reads without recognizing the
 * tables; without it the page is what an agency's portal publishes, read through the recognizer.
 */
export function writeReportSet(directory, count, { embedReport = false } = {}) {
  mkdirSync(directory, { recursive: true });
  for (let index = 0; index < count; index++) {
    writeFileSync(
      join(directory, `${String(index).padStart(6, "0")}.html`),
      toHtmlPage(benchReport(index), { embedReport }),
    );
  }
}
