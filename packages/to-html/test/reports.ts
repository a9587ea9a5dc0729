import { readFileSync } from "node:fs";
import {
  type Cell,
  createReport,
  type EditionId,
  fillTotals,
  getTableDefinition,
  type Report,
  type ReportOf,
  setCell,
  type TableId,
  tableIds,
} from "@gongkai/core";

type LooseRows = Record<string, Record<string, Cell>>;

/** Write a cell by loose codes (the codes come from the edition's own definitions). */
export function setLoose(report: Report, table: TableId, row: string, column: string, cell: Cell): void {
  // biome-ignore lint/suspicious/noExplicitAny: addresses come from getTableDefinition, so they exist
  setCell(report, { table, row, column } as any, cell);
}

/** The cells of a report's table as a loose map. */
export function rowsOf(report: Report, table: TableId): LooseRows {
  return report.tables[table]?.rows as unknown as LooseRows;
}

/**
 * A report with every input cell filled (distinct counts, a negative change, money with units, a
 * blank and a "/"), totals filled by core's fillTotals, and narrative in every part.
 */
export function fullReport<E extends EditionId>(edition: E): ReportOf<E> {
  const report = createReport({
    edition,
    year: edition === "2019" ? 2020 : 2024,
    agency: { name: "某市统计局", kind: "department" },
  });
  report.meta.title = `某市统计局${report.meta.year}年政府信息公开工作年度报告`;
  report.meta.publishedDate = `${report.meta.year + 1}-01-20`;
  report.meta.sourceUrl = "https://www.example.gov.cn/xxgk/ndbg/2024.html";
  report.preamble.push({ type: "paragraph", text: "本报告根据《中华人民共和国政府信息公开条例》编制。" });
  for (const part of report.parts) {
    part.blocks.push(
      { type: "subheading", text: "（一）主动公开" },
      { type: "paragraph", text: `${part.heading}的说明。` },
    );
  }
  let counter = 1;
  for (const table of tableIds) {
    for (const row of getTableDefinition(edition, table).rows) {
      for (const column of row.columns) {
        if (row.derived || column.derived) continue;
        counter++;
        const value = column.signed ? -counter : counter;
        setLoose(
          report,
          table,
          row.key,
          column.key,
          column.money ? { kind: "number", value, unit: "万元" } : { kind: "number", value },
        );
      }
    }
  }
  setLoose(report, "table2", "art20_1.regulations", edition === "2019" ? "newlyMade" : "made", {
    kind: "notApplicable",
    raw: "/",
  });
  setLoose(report, "table3", "carriedOver", "legalPerson.research", { kind: "blank" });
  fillTotals(report);
  return report;
}

const seedPath = new URL("../__fixtures__/liuzhou-yanghe-2020.txt", import.meta.url);

/** The seed report's text (a real 2020 report flattened one cell per line). */
export function seedText(): string {
  return readFileSync(seedPath, "utf8");
}

function linesBetween(lines: readonly string[], start: string, end: string): string[] {
  const from = lines.indexOf(start);
  const to = lines.indexOf(end, from + 1);
  if (from < 0 || to < 0) throw new Error(`seed text lacks ${start} … ${end}`);
  return lines.slice(from + 1, to);
}

/**
 * The real report 柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告
 * (`__fixtures__/liuzhou-yanghe-2020.txt`) built in code: the narrative is taken line by line
 * from the file, and every table value was read off the file by hand. Its faults are kept: the
 * 总计 column of 一 is blank although 自然人 is 49, （七）总计 is blank, and part 四 is printed
 * as 五 (two parts numbered 五).
 */
export function seedReport(): ReportOf<"2019"> {
  const lines = seedText().split("\n");
  const report = createReport({
    edition: "2019",
    year: 2020,
    agency: { name: "柳州阳和工业新区(北部生态新区)", kind: "unknown" },
  });
  report.meta.title = "柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告";
  report.meta.publishedDate = "2021-02-09";
  const overview = linesBetween(lines, "一、总体情况", "二、主动公开政府信息情况");
  const problems = linesBetween(lines, "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
  const headings = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "五、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ];
  report.parts.forEach((part, index) => {
    part.heading = headings[index] as string;
    part.numeral = part.heading.slice(0, 1);
  });
  const toBlocks = (texts: readonly string[], subheadings: boolean) =>
    texts.map((text) =>
      subheadings && /^\([一二三四五六七八九十]+\)/.test(text) && text.length < 40
        ? { type: "subheading" as const, text }
        : { type: "paragraph" as const, text },
    );
  (report.parts[0] as (typeof report.parts)[number]).blocks = toBlocks(overview, true);
  (report.parts[4] as (typeof report.parts)[number]).blocks = toBlocks(problems, false);
  (report.parts[5] as (typeof report.parts)[number]).blocks = [{ type: "paragraph", text: "无" }];

  const number = (value: number, raw = String(value), unit?: "万元"): Cell =>
    unit === undefined ? { kind: "number", value, raw } : { kind: "number", value, unit, raw };
  const table2: [string, string, Cell][] = [
    ["art20_1.normativeDocuments", "newlyMade", number(11)],
    ["art20_1.normativeDocuments", "newlyPublished", number(11)],
    ["art20_1.normativeDocuments", "totalPublished", number(11)],
    ["art20_5.licensing", "prevYearItems", number(154)],
    ["art20_5.licensing", "changeThisYear", number(3, "+3")],
    ["art20_5.licensing", "decisions", number(7781)],
    ["art20_5.otherServices", "prevYearItems", number(0)],
    ["art20_5.otherServices", "changeThisYear", number(0)],
    ["art20_5.otherServices", "decisions", number(0)],
    ["art20_6.punishment", "prevYearItems", number(1356)],
    ["art20_6.punishment", "changeThisYear", number(-392)],
    ["art20_6.punishment", "decisions", number(964)],
    ["art20_6.coercion", "prevYearItems", number(0)],
    ["art20_6.coercion", "changeThisYear", number(0)],
    ["art20_6.coercion", "decisions", number(0)],
    ["art20_8.fees", "prevYearItems", number(11)],
    ["art20_8.fees", "changeThisYear", number(-2)],
    ["art20_9.centralProcurement", "procurementItems", number(169)],
    ["art20_9.centralProcurement", "procurementAmount", number(287.36, "287.36万元", "万元")],
  ];
  for (const [row, column, cell] of table2) setLoose(report, "table2", row, column, cell);
  const table3: [string, string, Cell][] = [
    ["newReceived", "naturalPerson", number(49)],
    ["results.granted", "naturalPerson", number(4)],
    ["results.denied.thirdPartyRights", "naturalPerson", number(1)],
    ["results.unableToProvide.notHeld", "naturalPerson", number(44)],
    ["carriedForward", "naturalPerson", number(1)],
    ["carriedForward", "legalPerson.commercial", number(0)],
    ["carriedForward", "legalPerson.research", number(0)],
    ["carriedForward", "legalPerson.socialWelfare", number(0)],
    ["carriedForward", "legalPerson.legalService", number(0)],
    ["carriedForward", "legalPerson.other", number(0)],
    ["carriedForward", "total", number(1)],
  ];
  for (const [row, column, cell] of table3) setLoose(report, "table3", row, column, cell);
  const table4 = [
    ["review", [0, 0, 0, 0, 0]],
    ["litigationDirect", [0, 0, 0, 2, 2]],
    ["litigationPostReview", [0, 0, 0, 0, 0]],
  ] as const;
  const outcomes = ["maintain", "correct", "other", "unfinished", "total"] as const;
  for (const [row, values] of table4) {
    values.forEach((value, index) => {
      setLoose(report, "table4", row, outcomes[index] as string, number(value));
    });
  }
  return report;
}
