import {
  type Cell,
  type CellAddress,
  createReport,
  type EditionId,
  fillTotals,
  getTableDefinition,
  type NarrativeBlock,
  type Report,
  type ReportOf,
  setCell,
  tableIds,
} from "@gongkai/core";

/** A named report for the round-trip suite, and why it is in the set. */
export interface ConformanceCase {
  /** A short name for test titles. */
  readonly name: string;
  /** The report every pair must bring back. */
  readonly report: Report;
}

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

/**
 * The real report in `../shared/seed/liuzhou-yanghe-2020.txt` (柳州市阳和工业新区(北部生态新区),
 * 2020, 2019 edition), built in code from the values its flattened page shows, cell by cell,
 * faults included: table 三's 总计 column is blank where 自然人 has 49, and part 四 is printed
 * with the numeral 五.
 */
export function seedReport(): ReportOf<"2019"> {
  const report = createReport({
    edition: "2019",
    year: 2020,
    agency: { name: "柳州市阳和工业新区(北部生态新区)", kind: "department" },
  });
  report.meta.publishedDate = "2021-02-09";
  report.meta.title = "柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告";
  const at = (address: CellAddress<"2019">, value: number | Cell) => setCell(report, address, value);
  at({ table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }, 11);
  at({ table: "table2", row: "art20_1.normativeDocuments", column: "newlyPublished" }, 11);
  at({ table: "table2", row: "art20_1.normativeDocuments", column: "totalPublished" }, 11);
  at({ table: "table2", row: "art20_5.licensing", column: "prevYearItems" }, 154);
  at({ table: "table2", row: "art20_5.licensing", column: "changeThisYear" }, 3);
  at({ table: "table2", row: "art20_5.licensing", column: "decisions" }, 7781);
  for (const column of ["prevYearItems", "changeThisYear", "decisions"] as const) {
    at({ table: "table2", row: "art20_5.otherServices", column }, 0);
    at({ table: "table2", row: "art20_6.coercion", column }, 0);
  }
  at({ table: "table2", row: "art20_6.punishment", column: "prevYearItems" }, 1356);
  at({ table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
  at({ table: "table2", row: "art20_6.punishment", column: "decisions" }, 964);
  at({ table: "table2", row: "art20_8.fees", column: "prevYearItems" }, 11);
  at({ table: "table2", row: "art20_8.fees", column: "changeThisYear" }, -2);
  at({ table: "table2", row: "art20_9.centralProcurement", column: "procurementItems" }, 169);
  at(
    { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
    { kind: "number", value: 287.36, unit: "万元" },
  );
  at({ table: "table3", row: "newReceived", column: "naturalPerson" }, 49);
  at({ table: "table3", row: "results.granted", column: "naturalPerson" }, 4);
  at({ table: "table3", row: "results.denied.thirdPartyRights", column: "naturalPerson" }, 1);
  at({ table: "table3", row: "results.unableToProvide.notHeld", column: "naturalPerson" }, 44);
  at({ table: "table3", row: "carriedForward", column: "naturalPerson" }, 1);
  for (const column of [
    "legalPerson.commercial",
    "legalPerson.research",
    "legalPerson.socialWelfare",
    "legalPerson.legalService",
    "legalPerson.other",
  ] as const) {
    at({ table: "table3", row: "carriedForward", column }, 0);
  }
  at({ table: "table3", row: "carriedForward", column: "total" }, 1);
  for (const group of ["review", "litigationDirect", "litigationPostReview"] as const) {
    for (const column of ["maintain", "correct", "other", "unfinished", "total"] as const) {
      at({ table: "table4", row: group, column }, 0);
    }
  }
  at({ table: "table4", row: "litigationDirect", column: "unfinished" }, 2);
  at({ table: "table4", row: "litigationDirect", column: "total" }, 2);
  const reviewPart = report.parts[3];
  if (reviewPart) {
    reviewPart.numeral = "五";
    reviewPart.heading = "五、政府信息公开行政复议、行政诉讼情况";
  }
  return withProse(report, {
    overview: [
      subheading("(一)建立健全政府信息公开工作制度情况"),
      paragraph(
        "一是不断规范新区发文流程、发文登记涵盖了政府信息公开属性选项、拟稿人、签发人、保密审核等;二是及时完善更新政府信息依申请公开制度,指南及相关的流程;三是信息公开OA审批流程增加了法制、保密审查工作,确保不发生泄密以及内容不合理等问题的出现。",
      ),
      subheading("(三)依申请公开政府信息的情况"),
      paragraph(
        "健全政府信息申请制度,畅通受理渠道,新区及时更新完善依申请公开指南、明确依申请公开各个环节的具体流程及联系方式。到目前为止,新区共收受理群众依申请公开事项49起,并积极协调配合业务部门开展相关答复工作,同时做好接收、登记、办理以及相关的台账工作。",
      ),
    ],
    problems: [
      paragraph(
        "2020年,新区政府信息公开工作虽然顺利完成,但还存在着一些不足,针对业务知识基础薄弱、信息公开的内容范畴以及形式有待进一步深化等问题。下一步新区拟将:",
      ),
    ],
    other: [paragraph("无")],
  });
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

/** A 2019-edition report with money in 元 and 万元 with decimals, and negative changes. */
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

/** A 2021 report whose 收费金额 has decimals in 万元. */
export function feesReport(): ReportOf<"2021"> {
  const report = createReport({ edition: "2021", year: 2022, agency: { name: "某市自然资源局", kind: "department" } });
  setCell(
    report,
    { table: "table2", row: "art20_8.fees", column: "amount" },
    { kind: "number", value: 0.35, unit: "万元" },
  );
  return report;
}

/** A report with long prose: many sub-sections, long paragraphs. */
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

/** A report carrying hostile strings in every text field a renderer writes. */
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

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A report of `edition` with every table cell drawn from a seeded generator: numbers (signed where
 * the column is signed, money with two decimals), blanks and "/", then totals filled.
 */
export function generatedReport<E extends EditionId>(edition: E, seed: number): ReportOf<E> {
  const next = random(seed);
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
        const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
        const target = rows?.[row.key];
        if (target) target[column.key] = cell;
      }
    }
  }
  return fillTotals(report as Report) as ReportOf<E>;
}

/** Every case the round-trip suite runs. */
export function conformanceCases(): ConformanceCase[] {
  return [
    { name: "the seed report (柳州市阳和工业新区 2020)", report: seedReport() },
    { name: "a blank 2021 report", report: blankReport() },
    { name: "'/' beside 0 and blank", report: notApplicableReport() },
    { name: "money with decimals and negative changes (2019)", report: moneyAndChangesReport() },
    { name: "fees in 万元 with decimals (2021)", report: feesReport() },
    { name: "long prose", report: longProseReport() },
    { name: "hostile strings", report: hostileReport() },
    { name: "generated 2019 report (seed 1)", report: generatedReport("2019", 1) },
    { name: "generated 2021 report (seed 2)", report: generatedReport("2021", 2) },
    { name: "generated 2021 report (seed 3)", report: generatedReport("2021", 3) },
  ];
}
