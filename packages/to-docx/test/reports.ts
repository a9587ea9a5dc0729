import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type CellAddress,
  createReport,
  fillTotals,
  getTableDefinition,
  type LooseCellAddress,
  type ReportOf,
  setCell,
  tableIds,
} from "@gongkai/core";

const seedPath = fileURLToPath(new URL("../src/__fixtures__/liuzhou-yanghe-2020.txt", import.meta.url));

/** The lines of the seed report (柳州市阳和工业新区 2020), a copy of /work/shared/seed. */
export function seedLines(): string[] {
  return readFileSync(seedPath, "utf8").split("\n");
}

function line(lines: readonly string[], number: number): string {
  const text = lines[number - 1];
  if (text === undefined) throw new Error(`seed has no line ${number}`);
  return text;
}

/**
 * The real seed report 柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告 (2019 edition),
 * built with core's helpers. Prose is read from the fixture by line number; every cell value was
 * read off the fixture's tables (lines 20–224). Its faults are kept: part 四 is printed as
 * 「五、政府信息公开行政复议、行政诉讼情况」, 总计 cells of table 三 are blank, 规章 is blank.
 */
export function seedReport(): ReportOf<"2019"> {
  const lines = seedLines();
  const report = createReport({
    edition: "2019",
    year: 2020,
    agency: { name: "柳州市阳和工业新区(北部生态新区)", kind: "unknown", region: "广西壮族自治区柳州市" },
  });
  report.meta.title = line(lines, 4);
  report.meta.publishedDate = "2021-02-09";
  const blocks = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, index) => {
      const text = line(lines, from + index);
      return /^\([一二三四五六七八九十]+\)/.test(text) && text.length < 40
        ? { type: "subheading" as const, text }
        : { type: "paragraph" as const, text };
    });
  report.parts = [
    { code: "overview", numeral: "一", heading: line(lines, 5), blocks: blocks(6, 18) },
    { code: "activeDisclosure", numeral: "二", heading: line(lines, 19), blocks: [] },
    { code: "applications", numeral: "三", heading: line(lines, 89), blocks: [] },
    { code: "reviewLitigation", numeral: "五", heading: line(lines, 186), blocks: [] },
    { code: "problems", numeral: "五", heading: line(lines, 225), blocks: blocks(226, 229) },
    { code: "other", numeral: "六", heading: line(lines, 230), blocks: blocks(231, 231) },
  ];
  const set = (address: CellAddress<"2019">, value: Parameters<typeof setCell>[2]) => setCell(report, address, value);
  // Table 二 (lines 20–88). 规章 is blank in the source.
  set({ table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }, 11);
  set({ table: "table2", row: "art20_1.normativeDocuments", column: "newlyPublished" }, 11);
  set({ table: "table2", row: "art20_1.normativeDocuments", column: "totalPublished" }, 11);
  set({ table: "table2", row: "art20_5.licensing", column: "prevYearItems" }, 154);
  set({ table: "table2", row: "art20_5.licensing", column: "changeThisYear" }, { kind: "number", value: 3, raw: "+3" });
  set({ table: "table2", row: "art20_5.licensing", column: "decisions" }, 7781);
  for (const column of ["prevYearItems", "changeThisYear", "decisions"] as const) {
    set({ table: "table2", row: "art20_5.otherServices", column }, 0);
    set({ table: "table2", row: "art20_6.coercion", column }, 0);
  }
  set({ table: "table2", row: "art20_6.punishment", column: "prevYearItems" }, 1356);
  set({ table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
  set({ table: "table2", row: "art20_6.punishment", column: "decisions" }, 964);
  set({ table: "table2", row: "art20_8.fees", column: "prevYearItems" }, 11);
  set({ table: "table2", row: "art20_8.fees", column: "changeThisYear" }, -2);
  set({ table: "table2", row: "art20_9.centralProcurement", column: "procurementItems" }, 169);
  set(
    { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
    { kind: "number", value: 287.36, unit: "万元", raw: "287.36万元" },
  );
  // Table 三 (lines 90–185): only 自然人 has numbers; 四、结转 has all seven cells.
  set({ table: "table3", row: "newReceived", column: "naturalPerson" }, 49);
  set({ table: "table3", row: "results.granted", column: "naturalPerson" }, 4);
  set({ table: "table3", row: "results.denied.thirdPartyRights", column: "naturalPerson" }, 1);
  set({ table: "table3", row: "results.unableToProvide.notHeld", column: "naturalPerson" }, 44);
  const carried = [1, 0, 0, 0, 0, 0, 1];
  getTableDefinition("2019", "table3")
    .rows.find((row) => row.key === "carriedForward")
    ?.columns.forEach((column, index) => {
      setCell(
        report,
        { table: "table3", row: "carriedForward", column: column.key } as LooseCellAddress as never,
        carried[index] ?? 0,
      );
    });
  // Table 四 (lines 187–224): 15 cells.
  const table4 = [0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0];
  let index = 0;
  for (const row of getTableDefinition("2019", "table4").rows) {
    for (const column of row.columns) {
      setCell(
        report,
        { table: "table4", row: row.key, column: column.key } as LooseCellAddress as never,
        table4[index++] ?? 0,
      );
    }
  }
  return report;
}

/** The values of every cell of every table, by row and column key. */
export function cellTexts(report: ReportOf<"2019"> | ReportOf<"2021">): string[] {
  const texts: string[] = [];
  for (const table of tableIds) {
    const rows = report.tables[table]?.rows as
      | Record<string, Record<string, { kind: string; value?: number }>>
      | undefined;
    for (const row of getTableDefinition(report.edition, table).rows) {
      for (const column of row.columns) {
        const cell = rows?.[row.key]?.[column.key];
        if (cell?.kind === "number") texts.push(String(cell.value));
      }
    }
  }
  return texts;
}

const longParagraph =
  "本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读和回应关切，持续完善政府信息公开目录，" +
  "规范依申请公开办理流程，严格落实保密审查和内容审核制度，全年通过门户网站、政务新媒体和政务公开专区发布信息，" +
  "主动接受社会监督，不断提升政府信息公开的标准化规范化水平。";

function fullReport<E extends "2019" | "2021">(edition: E, year: number): ReportOf<E> {
  const report = createReport({
    edition,
    year,
    agency: { name: "某市统计局", kind: "department", region: "某省某市" },
  });
  report.meta.publishedDate = `${year + 1}-01-20`;
  report.preamble = [{ type: "paragraph", text: "本报告根据《中华人民共和国政府信息公开条例》要求编制。" }];
  for (const part of report.parts) {
    part.blocks = [
      { type: "subheading", text: "（一）主动公开情况" },
      { type: "paragraph", text: longParagraph },
      { type: "paragraph", text: longParagraph.repeat(2) },
    ];
  }
  let value = 1;
  for (const table of tableIds) {
    for (const row of getTableDefinition(edition, table).rows) {
      for (const column of row.columns) {
        const address = { table, row: row.key, column: column.key } as LooseCellAddress as never;
        if (column.derived || row.derived) continue;
        const cell = column.money
          ? { kind: "number" as const, value: value + 0.25, unit: "万元" as const }
          : { kind: "number" as const, value: column.signed ? -value : value };
        setCell(report, address, cell);
        value++;
      }
    }
  }
  fillTotals(report);
  return report;
}

/**
 * A 2021-edition report with a number in every cell (each cell a different value, counted up
 * from 1; money in 万元 with a fraction), long prose and filled totals.
 */
export function full2021Report(): ReportOf<"2021"> {
  return fullReport("2021", 2024);
}

/**
 * A 2019-edition report with a number in every cell (signed 本年增/减 cells negative, 采购总金额
 * in 万元), long prose and filled totals.
 */
export function full2019Report(): ReportOf<"2019"> {
  return fullReport("2019", 2020);
}
