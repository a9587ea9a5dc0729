// Cells of the 柳州市阳和工业新区(北部生态新区) 2020 report (/work/shared/seed/liuzhou-yanghe-2020.txt),
// built with core's helpers. Values, raw text and line numbers are read off the seed file.
import { createReport, type ReportOf, setCell } from "@gongkai/core";

/** The seed report's metadata and a selection of its cells, as an importer would give them. */
export function seedReport(): ReportOf<"2019"> {
  const report = createReport({
    edition: "2019",
    year: 2020,
    agency: { name: "柳州市阳和工业新区(北部生态新区)", kind: "department" },
  });
  report.meta.agency.kindInferred = true;
  report.meta.publishedDate = "2021-02-09";
  report.meta.title = "柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告";
  const at = (line: number) => ({ line, column: 1 });
  setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }, {
    kind: "number",
    value: 11,
    raw: "11",
    source: at(32),
  });
  setCell(report, { table: "table2", row: "art20_5.licensing", column: "changeThisYear" }, {
    kind: "number",
    value: 3,
    raw: "+3",
    source: at(45),
  });
  setCell(report, { table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, {
    kind: "number",
    value: -392,
    raw: "-392",
    source: at(62),
  });
  setCell(report, { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" }, {
    kind: "number",
    value: 287.36,
    unit: "万元",
    raw: "287.36万元",
    source: { line: 88, column: 1, endLine: 88, endColumn: 9 },
  });
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, {
    kind: "number",
    value: 49,
    raw: "49",
    source: at(105),
  });
  setCell(report, { table: "table4", row: "litigationDirect", column: "unfinished" }, {
    kind: "number",
    value: 2,
    raw: "2",
    source: at(218),
  });
  report.parts[0]?.blocks.push(
    { type: "subheading", text: "(一)建立健全政府信息公开工作制度情况", source: at(6) },
    { type: "paragraph", text: "一是不断规范新区发文流程……", source: at(7) },
  );
  return report;
}
