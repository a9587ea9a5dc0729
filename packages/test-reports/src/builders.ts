import {
  type Cell,
  type CellInput,
  createReport,
  type EditionId,
  fillTotals,
  getTableDefinition,
  type NarrativeBlock,
  type Report,
  type ReportOf,
  setCell,
  type TableId,
  tableIds,
  unreadCell,
} from "@gongkai/core";
import { rowsOf, setLoose } from "./loose";
import { mulberry32 } from "./random";

const paragraph = (text: string): NarrativeBlock => ({ type: "paragraph", text });
const subheading = (text: string): NarrativeBlock => ({ type: "subheading", text });

function withProse<R extends Report>(
  report: R,
  prose: Partial<Record<R["parts"][number]["code"], NarrativeBlock[]>>,
): R {
  for (const part of report.parts) {
    const blocks = prose[part.code as keyof typeof prose];
    if (blocks) part.blocks = blocks;
  }
  return report;
}

const longParagraph =
  "本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读和回应关切，持续完善政府信息公开目录，" +
  "规范依申请公开办理流程，严格落实保密审查和内容审核制度，全年通过门户网站、政务新媒体和政务公开专区发布信息，" +
  "主动接受社会监督，不断提升政府信息公开的标准化规范化水平。";

/**
 * A report of `edition` (for 2020 or 2024) with every input cell filled and totals filled by
 * core's `fillTotals`: each input cell a different number counted up from 1, signed 本年增/减
 * cells negative, money in 万元 with a fraction (`n.25`); then the first 规章 cell is "/" and
 * 上年结转 of 科研机构 is blank. Full metadata (title, date, source URL, region), a preamble and
 * long prose in every part (a sub-heading and two long paragraphs), so layouts meet long text.
 */
export function fullReport<E extends EditionId>(edition: E): ReportOf<E> {
  const year = edition === "2019" ? 2020 : 2024;
  const report = createReport({
    edition,
    year,
    agency: { name: "某市统计局", kind: "department", region: "某省某市" },
  });
  report.meta.title = `某市统计局${year}年政府信息公开工作年度报告`;
  report.meta.publishedDate = `${year + 1}-01-20`;
  report.meta.sourceUrl = `https://www.example.gov.cn/xxgk/ndbg/${year}.html`;
  report.preamble = [paragraph("本报告根据《中华人民共和国政府信息公开条例》要求编制。")];
  for (const part of report.parts) {
    part.blocks = [subheading("（一）主动公开情况"), paragraph(longParagraph), paragraph(longParagraph.repeat(2))];
  }
  let value = 1;
  for (const table of tableIds) {
    for (const row of getTableDefinition(edition, table).rows) {
      for (const column of row.columns) {
        if (column.derived || row.derived) continue;
        setLoose(
          report,
          table,
          row.key,
          column.key,
          column.money
            ? { kind: "number", value: value + 0.25, unit: "万元" }
            : { kind: "number", value: column.signed ? -value : value },
        );
        value++;
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

/** A 2021-edition report with every cell blank and no prose. */
export function blankReport(): ReportOf<"2021"> {
  return createReport({ edition: "2021", year: 2024, agency: { name: "某县统计局", kind: "department" } });
}

/** A 2021-edition report with cells marked not applicable ("/"), zeros and blanks side by side. */
export function notApplicableReport(): ReportOf<"2021"> {
  const report = createReport({
    edition: "2021",
    year: 2023,
    agency: { name: "某镇人民政府", kind: "townshipStreet" },
  });
  for (const column of ["made", "repealed", "valid"] as const) {
    setCell(report, { table: "table2", row: "art20_1.regulations", column }, "n/a");
    setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column }, 0);
  }
  setCell(report, { table: "table2", row: "art20_5.licensing", column: "decisions" }, "n/a");
  setCell(report, { table: "table2", row: "art20_6.punishment", column: "decisions" }, 12);
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 0);
  setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.research" }, "n/a");
  return report;
}

/**
 * A 2021-edition report with cells the importer could not read, one of each reason, beside
 * numbers, 0, blank and `/`: renderers must show them as unread and importers bring them back
 * unread (not blank, not 0).
 */
export function unreadCellsReport(): ReportOf<"2021"> {
  const report = createReport({
    edition: "2021",
    year: 2022,
    agency: { name: "某镇人民政府", kind: "townshipStreet" },
  });
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, 0);
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "repealed" }, "n/a");
  setCell(report, { table: "table2", row: "art20_1.regulations", column: "valid" }, unreadCell("illegible"));
  const runTogether = [
    [2, 23, 230],
    [30, 0, 0],
  ];
  setCell(
    report,
    { table: "table3", row: "newReceived", column: "naturalPerson" },
    unreadCell("runTogether", { candidates: runTogether[0], candidateCount: 3 }),
  );
  setCell(
    report,
    { table: "table3", row: "newReceived", column: "legalPerson.commercial" },
    unreadCell("runTogether", { candidates: runTogether[1], candidateCount: 3 }),
  );
  setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 4);
  for (const column of ["naturalPerson", "legalPerson.commercial", "total"] as const) {
    setCell(report, { table: "table3", row: "carriedForward", column }, unreadCell("truncated"));
  }
  setCell(report, { table: "table4", row: "review", column: "maintain" }, unreadCell("rowNotFound"));
  setCell(report, { table: "table4", row: "review", column: "correct" }, unreadCell("unplaced"));
  setCell(report, { table: "table4", row: "review", column: "other" }, 1);
  return report;
}

/** A 2019-edition report with money in 万元 with decimals, and negative and zero changes. */
export function moneyAndChangesReport(): ReportOf<"2019"> {
  const report = createReport({ edition: "2019", year: 2019, agency: { name: "某市交通运输局", kind: "department" } });
  setCell(
    report,
    { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
    { kind: "number", value: 477.35, unit: "万元" },
  );
  setCell(report, { table: "table2", row: "art20_9.centralProcurement", column: "procurementItems" }, 13);
  setCell(report, { table: "table2", row: "art20_5.licensing", column: "changeThisYear" }, -8);
  setCell(report, { table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
  setCell(report, { table: "table2", row: "art20_8.fees", column: "changeThisYear" }, 0);
  return report;
}

/** A 2021-edition report whose 收费金额 has decimals in 万元. */
export function feesReport(): ReportOf<"2021"> {
  const report = createReport({ edition: "2021", year: 2022, agency: { name: "某市自然资源局", kind: "department" } });
  setCell(
    report,
    { table: "table2", row: "art20_8.fees", column: "amount" },
    { kind: "number", value: 0.35, unit: "万元" },
  );
  return report;
}

/** A 2021-edition report with long prose: twelve sub-sections, paragraphs up to 36 sentences. */
export function longProseReport(): ReportOf<"2021"> {
  const report = createReport({
    edition: "2021",
    year: 2025,
    agency: { name: "某市人民政府", kind: "peoplesGovernment" },
  });
  const sentence = "全年主动公开政府信息一千二百余条，持续深化重点领域信息公开，及时回应社会关切。";
  const blocks: NarrativeBlock[] = [];
  for (let index = 1; index <= 12; index += 1) {
    blocks.push(subheading(`（${"一二三四五六七八九十"[(index - 1) % 10]}）第${index}项工作`));
    blocks.push(paragraph(sentence.repeat(index * 3)));
  }
  return withProse(report, { overview: blocks, problems: [paragraph(sentence.repeat(40))] });
}

/** Strings that must come back as text: markup, script, style and URL injections, XML specials. */
export const hostileStrings = [
  "<script>alert(1)</script>",
  '"onerror="alert(1)',
  "</style><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "</script><script>alert(1)</script>",
  "&amp; &lt; &#60; ]]> <![CDATA[x]]>",
  "line\u2028separator\u2029paragraph",
  "'single' \"double\" `back`",
] as const;

/** A 2021-edition report carrying {@link hostileStrings} in every text field a renderer writes. */
export function hostileReport(): ReportOf<"2021"> {
  const report = createReport({
    edition: "2021",
    year: 2025,
    agency: { name: `某局${hostileStrings[0]}`, kind: "department" },
  });
  report.meta.title = `某局${hostileStrings[0]}2025年政府信息公开工作年度报告`;
  return withProse(report, {
    overview: hostileStrings.map((text) => paragraph(`说明：${text}`)),
    other: [subheading(`（一）${hostileStrings[2]}`), paragraph(hostileStrings[3])],
  });
}

/**
 * A report of `edition` with every input cell drawn from a seeded generator: numbers (signed where
 * the column is signed, money in 万元 with two decimals), blanks and "/", then totals filled.
 * The same seed gives the same report.
 */
export function generatedReport<E extends EditionId>(edition: E, seed: number): ReportOf<E> {
  const next = mulberry32(seed);
  const report = createReport({
    edition,
    year: edition === "2019" ? 2020 : 2024,
    agency: { name: `生成测试局${seed}`, kind: "department" },
  });
  for (const table of tableIds) {
    for (const row of getTableDefinition(edition, table).rows) {
      for (const column of row.columns) {
        if (column.derived || row.derived) continue;
        const draw = next();
        let cell: Cell;
        if (draw < 0.15) cell = { kind: "blank" };
        else if (draw < 0.2) cell = { kind: "notApplicable", raw: "/" };
        else if (column.money) cell = { kind: "number", value: Math.round(next() * 100_000) / 100, unit: "万元" };
        else if (column.signed) cell = { kind: "number", value: Math.round(next() * 200) - 100 };
        else cell = { kind: "number", value: Math.floor(next() * 60) };
        setLoose(report, table, row.key, column.key, cell);
      }
    }
  }
  fillTotals(report);
  return report;
}

/**
 * Fill every cell of a table, totals included, with a value that differs from its neighbours
 * (`seed + row × 17 + column × 5`), with blanks, zeros and "/" among them, so a cell read from
 * the wrong slot cannot go unnoticed. Totals are not sums: importers must not recompute them.
 */
function fillPatterned(report: Report, table: TableId, seed: number): void {
  const definition = getTableDefinition(report.edition, table);
  definition.rows.forEach((row, rowIndex) => {
    row.columns.forEach((column, columnIndex) => {
      const n = seed + rowIndex * 17 + columnIndex * 5;
      let value: CellInput = n;
      if (n % 7 === 0) value = "blank";
      else if (n % 11 === 0) value = 0;
      else if (n % 13 === 0 && !column.derived) value = "n/a";
      else if (column.signed && n % 2 === 0) value = -n;
      else if (column.money) value = { kind: "number", value: n + 0.25, unit: "万元" };
      setCell(report, { table, row: row.key, column: column.key } as never, value);
    });
  });
}

const patterned = {
  "2019": {
    year: 2020,
    agency: "上海市某区人民政府办公室",
    publishedDate: "2021-01-29",
    seeds: { table2: 3, table3: 1, table4: 2 },
    prose: {
      overview: [subheading("（一）主动公开"), paragraph("全年主动公开政府信息1200条，其中规章3件。")],
      other: [paragraph("无。")],
    },
  },
  "2021": {
    year: 2024,
    agency: "某县统计局",
    publishedDate: "2025-01-20",
    seeds: { table2: 5, table3: 2, table4: 4 },
    prose: { problems: [paragraph("一是公开内容不够全面；二是解读形式较为单一。")] },
  },
} as const satisfies Record<EditionId, unknown>;

/**
 * A report of `edition` (2019: for 2020; 2021: for 2024) with every cell of every table filled
 * as a pattern, totals included, where each value differs from its neighbours and blanks, zeros
 * and "/" stand among them, so an importer that reads a cell from the wrong slot cannot go
 * unnoticed; and a little prose. For synthesized pages that must import back cell for cell.
 */
export function patternedReport<E extends EditionId>(edition: E): ReportOf<E> {
  const setup = patterned[edition as EditionId];
  const report = createReport({ edition, year: setup.year, agency: { name: setup.agency, kind: "department" } });
  report.meta.publishedDate = setup.publishedDate;
  for (const table of tableIds) fillPatterned(report, table, setup.seeds[table]);
  const prose: Partial<Record<string, readonly NarrativeBlock[]>> = setup.prose;
  for (const part of report.parts) {
    const blocks = prose[part.code];
    if (blocks) part.blocks = blocks.map((block) => ({ ...block }));
  }
  return report;
}

/**
 * A small 2021-edition report (某市统计局 2024) as an office would write it: a title, an overview
 * with a sub-heading and two paragraphs, a few cells in each table ("/" beside 0, 收费金额 1.5
 * 万元, a 不予公开 and a 无法提供 reason, 上年结转 of 科研机构 "/"), and totals filled.
 */
export function sampleReport(): ReportOf<"2021"> {
  const report = createReport({ edition: "2021", year: 2024, agency: { name: "某市统计局", kind: "department" } });
  report.meta.title = "某市统计局2024年政府信息公开工作年度报告";
  report.meta.publishedDate = "2025-01-20";
  withProse(report, {
    overview: [
      subheading("（一）主动公开"),
      paragraph("2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。"),
      paragraph("全年共收到政府信息公开申请12件。"),
    ],
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
  setCell(report, { table: "table3", row: "carriedOver", column: "legalPerson.research" }, "n/a");
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

/**
 * A report of `edition` (2019: for 2020; 2021: for 2024) in which every cell of every table holds
 * a number, each input cell a different one, and every sum relation holds (table 三 balances:
 * 结转下年度 is what the year leaves open), so `check()` finds no arithmetic fault. With no blank
 * and no "/", it prints in any flattened shape, even one that drops empty cells.
 */
export function balancedReport<E extends EditionId>(edition: E): ReportOf<E> {
  const report = createReport({
    edition,
    year: edition === "2019" ? 2020 : 2024,
    agency: { name: "某县统计局", kind: "department" },
  });
  let value = 0;
  for (const table of tableIds) {
    for (const row of getTableDefinition(edition, table).rows) {
      if (row.derived || row.key === "carriedForward") continue;
      for (const column of row.columns) {
        if (column.derived) continue;
        value += 1;
        const n = table === "table3" && row.key === "newReceived" ? 10_000 + value : value;
        let cell: Cell = { kind: "number", value: n };
        if (column.money) cell = { kind: "number", value: n + 0.25, unit: "万元" };
        else if (column.signed && n % 2 === 0) cell = { kind: "number", value: -n };
        setLoose(report, table, row.key, column.key, cell);
      }
    }
  }
  fillTotals(report);
  const rows = rowsOf(report, "table3");
  const number = (row: string, column: string): number => {
    const cell = rows[row]?.[column];
    return cell?.kind === "number" ? cell.value : 0;
  };
  for (const column of getTableDefinition(edition, "table3").rows[0]?.columns ?? []) {
    if (column.derived) continue;
    const left = number("newReceived", column.key) + number("carriedOver", column.key);
    setLoose(report, "table3", "carriedForward", column.key, {
      kind: "number",
      value: left - number("results.totalProcessed", column.key),
    });
  }
  fillTotals(report);
  return report;
}

/**
 * A 2021-edition report that prints （六）其他处理 as one row, as the 2019 edition did and as real
 * 2021 reports still do (hongzequ-2023.pdf): {@link balancedReport}'s values, with the group's own
 * row (`results.other`) holding what its three items held, added up per column, and the items
 * unread because their rows are not printed (`rowNotFound`). Every relation holds, the group's
 * row standing for its items.
 */
export function groupAsRowReport(): ReportOf<"2021"> {
  const report = balancedReport("2021");
  report.meta.title = "某县统计局2024年政府信息公开工作年度报告";
  const rows = rowsOf(report, "table3");
  const group = getTableDefinition("2021", "table3").groupRows.find((row) => row.key === "results.other");
  if (group === undefined) throw new Error("the 2021 edition has no group row results.other");
  const groupRow: Record<string, Cell> = {};
  for (const column of group.columns) {
    let value = 0;
    for (const item of group.items) {
      const cell = rows[item]?.[column.key];
      value += cell?.kind === "number" ? cell.value : 0;
    }
    groupRow[column.key] = { kind: "number", value };
  }
  rows[group.key] = groupRow;
  for (const item of group.items) {
    for (const column of group.columns) rows[item] = { ...rows[item], [column.key]: unreadCell("rowNotFound") };
  }
  return report;
}
