import { check, getCellLoose, type SourcePosition } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import type { Block, BlockDocument, TableSlot } from "./block-document";
import { NotAReportError } from "./not-a-report-error";
import { recognize } from "./recognize";

/** Table 四's five outcome headers, as printed under each of its three groups. */
const table4Outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

// Block documents built by hand, shaped as an HTML or DOCX parser produces them (spans expanded).

interface SourceCell {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

let nextLine = 1;
function at(): SourcePosition {
  nextLine += 1;
  return { line: nextLine, column: 1 };
}

function paragraph(text: string): Block {
  return { type: "paragraph", text, source: at() };
}

/** A grid with spans expanded, as from-html/from-docx build it. */
function grid(rows: readonly (readonly (SourceCell | string)[])[]): Block {
  const slots: TableSlot[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const entry of row) {
      const cell = typeof entry === "string" ? { text: entry } : entry;
      while (slots[rowIndex]?.[column]) column += 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      const source = at();
      for (let r = 0; r < rowSpan; r += 1) {
        for (let c = 0; c < colSpan; c += 1) {
          const target = slots[rowIndex + r];
          if (target)
            target[column + c] = { text: cell.text, source, origin: { row: rowIndex, column }, rowSpan, colSpan };
        }
      }
      column += colSpan;
    }
  });
  return { type: "table", rows: slots, spansKnown: true, source: at() };
}

const values = (...cells: (string | number)[]) => cells.map(String);

function table3Rows2021(): (SourceCell | string)[][] {
  return [
    [
      { text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3, colSpan: 3 },
      { text: "申请人情况", colSpan: 7 },
    ],
    [
      { text: "自然人", rowSpan: 2 },
      { text: "法人或其他组织", colSpan: 5 },
      { text: "总计", rowSpan: 2 },
    ],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    [{ text: "一、本年新收政府信息公开申请数量", colSpan: 3 }, ...values(10, 1, 0, 0, 0, 0, 11)],
    [{ text: "二、上年结转政府信息公开申请数量", colSpan: 3 }, ...values(2, 0, 0, 0, 0, 0, 2)],
    [
      { text: "三、本年度办理结果", rowSpan: 22 },
      { text: "（一）予以公开", colSpan: 2 },
      ...values(5, 1, 0, 0, 0, 0, 6),
    ],
    [{ text: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colSpan: 2 }, ...values(1, 0, 0, 0, 0, 0, 1)],
    [{ text: "（三）不予公开", rowSpan: 8 }, "1.属于国家秘密", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["2.其他法律行政法规禁止公开", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["3.危及“三安全一稳定”", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["4.保护第三方合法权益", ...values(1, 0, 0, 0, 0, 0, 1)],
    ["5.属于三类内部事务信息", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["6.属于四类过程性信息", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["7.属于行政执法案卷", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["8.属于行政查询事项", ...values(0, 0, 0, 0, 0, 0, 0)],
    [{ text: "（四）无法提供", rowSpan: 3 }, "1.本机关不掌握相关政府信息", ...values(3, 0, 0, 0, 0, 0, 3)],
    ["2.没有现成信息需要另行制作", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["3.补正后申请内容仍不明确", ...values(0, 0, 0, 0, 0, 0, 0)],
    [{ text: "（五）不予处理", rowSpan: 5 }, "1.信访举报投诉类申请", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["2.重复申请", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["3.要求提供公开出版物", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["4.无正当理由大量反复申请", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["5.要求行政机关确认或重新出具已获取信息", ...values(0, 0, 0, 0, 0, 0, 0)],
    [
      { text: "（六）其他处理", rowSpan: 3 },
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      ...values(1, 0, 0, 0, 0, 0, 1),
    ],
    ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ...values(0, 0, 0, 0, 0, 0, 0)],
    ["3.其他", ...values(0, 0, 0, 0, 0, 0, 0)],
    [{ text: "（七）总计", colSpan: 2 }, ...values(11, 1, 0, 0, 0, 0, 12)],
    [{ text: "四、结转下年度继续办理", colSpan: 3 }, ...values(1, 0, 0, 0, 0, 0, 1)],
  ];
}

function document2021(): BlockDocument {
  nextLine = 0;
  return {
    blocks: [
      paragraph("某市统计局2023年政府信息公开工作年度报告"),
      paragraph("发布时间：2024年1月20日"),
      paragraph("一、总体情况"),
      paragraph("（一）主动公开"),
      paragraph("全年主动公开信息120条。"),
      paragraph("二、主动公开政府信息情况"),
      grid([
        [{ text: "第二十条第（一）项", colSpan: 4 }],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "/", "/", "/"],
        ["行政规范性文件", "2", "1", "15"],
        [{ text: "第二十条第（五）项", colSpan: 4 }],
        ["信息内容", { text: "本年处理决定数量", colSpan: 3 }],
        ["行政许可", { text: "约30", colSpan: 3 }],
        [{ text: "第二十条第（六）项", colSpan: 4 }],
        ["信息内容", { text: "本年处理决定数量", colSpan: 3 }],
        ["行政处罚", { text: "12件", colSpan: 3 }],
        [{ text: "第二十条第（八）项", colSpan: 4 }],
        ["信息内容", { text: "本年收费金额（单位：万元）", colSpan: 3 }],
        ["行政事业性收费", { text: "0.35", colSpan: 3 }],
      ]),
      paragraph("三、收到和处理政府信息公开申请情况"),
      grid(table3Rows2021()),
      paragraph("四、政府信息公开行政复议、行政诉讼情况"),
      grid([
        [
          { text: "行政复议", colSpan: 5 },
          { text: "行政诉讼", colSpan: 10 },
        ],
        [
          { text: "结果维持", rowSpan: 2 },
          { text: "结果纠正", rowSpan: 2 },
          { text: "其他结果", rowSpan: 2 },
          { text: "尚未审结", rowSpan: 2 },
          { text: "总计", rowSpan: 2 },
          { text: "未经复议直接起诉", colSpan: 5 },
          { text: "复议后起诉", colSpan: 5 },
        ],
        [...table4Outcomes, ...table4Outcomes],
        values(1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      ]),
      paragraph("五、存在的主要问题及改进情况"),
      paragraph("一是公开内容还不够全面。"),
      paragraph("六、其他需要报告的事项"),
      paragraph("本年度未收取信息处理费。"),
      paragraph("网站标识码：5203000001 黔公网安备 52030202000123号"),
    ],
  };
}

describe("recognize: a 2021 report as an HTML grid", () => {
  const { report, diagnostics } = recognize(document2021(), {
    sourceUrl: "https://example.invalid/r",
    fileName: "r.html",
  });

  it("reads meta, parts and the edition", () => {
    expect(report.edition).toBe("2021");
    expect(report.meta).toEqual({
      agency: { name: "某市统计局", kind: "department", kindInferred: true },
      year: 2023,
      publishedDate: "2024-01-20",
      title: "某市统计局2023年政府信息公开工作年度报告",
      sourceUrl: "https://example.invalid/r",
      // Where each fact was read: the title block (line 1) and the date line (line 2).
      sources: {
        title: { line: 1, column: 1, path: "r.html" },
        agency: { line: 1, column: 1, path: "r.html" },
        publishedDate: { line: 2, column: 1, path: "r.html" },
      },
    });
    expect(report.parts.map((part) => part.code)).toEqual([
      "overview",
      "activeDisclosure",
      "applications",
      "reviewLitigation",
      "problems",
      "other",
    ]);
    expect(report.parts[0]?.blocks).toEqual([
      { type: "subheading", text: "（一）主动公开", source: { line: 4, column: 1, path: "r.html" } },
      { type: "paragraph", text: "全年主动公开信息120条。", source: { line: 5, column: 1, path: "r.html" } },
    ]);
    expect(report.parts[5]?.blocks.map((block) => block.text)).toEqual(["本年度未收取信息处理费。"]);
  });

  it("reads table 二 through its spans, keeping / and the printed 万元", () => {
    if (report.edition !== "2021") throw new Error("edition");
    const rows = report.tables.table2?.rows;
    expect(rows?.["art20_1.regulations"].made).toMatchObject({ kind: "notApplicable", raw: "/" });
    expect(rows?.["art20_1.normativeDocuments"]).toMatchObject({
      made: { value: 2 },
      repealed: { value: 1 },
      valid: { value: 15 },
    });
    expect(rows?.["art20_6.punishment"].decisions).toMatchObject({
      kind: "number",
      value: 12,
      raw: "12件",
      source: { path: "r.html" },
    });
    expect(rows?.["art20_8.fees"].amount).toMatchObject({ kind: "number", value: 0.35, unit: "万元" });
    // Its label is not in the grid: the row is unread (rowNotFound), not a blank the report printed.
    expect(rows?.["art20_6.coercion"].decisions).toEqual({ kind: "unread", reason: "rowNotFound" });
  });

  it("reports what it could not read, with locations", () => {
    const unreadable = diagnostics.find((diagnostic) => diagnostic.ruleId === "import/unreadable-value");
    expect(unreadable?.location).toMatchObject({
      table: "table2",
      row: "art20_5.licensing",
      column: "decisions",
      pointer: "/tables/table2/rows/art20_5.licensing/decisions",
      source: { line: expect.any(Number), column: 1, path: "r.html" },
    });
    expect(report.tables.table2?.rows["art20_5.licensing"]).toMatchObject({
      decisions: { kind: "unread", reason: "illegible", raw: "约30", source: { path: "r.html" } },
    });
    const missing = diagnostics.find((diagnostic) => diagnostic.ruleId === "import/missing-row");
    expect(missing?.location).toEqual({
      table: "table2",
      row: "art20_6.coercion",
      pointer: "/tables/table2/rows/art20_6.coercion",
    });
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual([
      "import/missing-row",
      "import/unreadable-value",
    ]);
  });

  it("reads table 三 with its three （六） items, and table 四", () => {
    if (report.edition !== "2021") throw new Error("edition");
    const rows = report.tables.table3?.rows;
    expect(rows?.newReceived).toMatchObject({
      naturalPerson: { value: 10 },
      "legalPerson.commercial": { value: 1 },
      total: { value: 11 },
    });
    expect(rows?.["results.other.overdueCorrection"].total).toMatchObject({ value: 1 });
    expect(rows?.["results.totalProcessed"].total).toMatchObject({ value: 12 });
    expect(rows?.carriedForward.naturalPerson).toMatchObject({ value: 1 });
    expect(report.tables.table4?.rows.review).toMatchObject({ maintain: { value: 1 }, total: { value: 1 } });
    expect(report.tables.table4?.rows.litigationPostReview.total).toMatchObject({ value: 0 });
    expect(check(report).filter((finding) => finding.ruleId.startsWith("table3/"))).toEqual([]);
  });
});

describe("recognize: edition and failure", () => {
  it("imports a 2021+ report in the 2019 layout as 2019", () => {
    nextLine = 0;
    const { report } = recognize({
      blocks: [
        paragraph("某镇人民政府2022年政府信息公开工作年度报告"),
        paragraph("二、主动公开政府信息情况"),
        grid([
          ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
          ["规章", "0", "0", "0"],
        ]),
      ],
    });
    expect(report.edition).toBe("2019");
    expect(report.meta.year).toBe(2022);
    expect(report.meta.agency.kind).toBe("townshipStreet");
    expect(check(report).map((finding) => finding.ruleId)).toContain("meta/edition-mismatch");
  });

  it("leaves prose that mentions a label as prose, and prefers the grid's row", () => {
    nextLine = 0;
    const { report } = recognize({
      blocks: [
        paragraph("某区人民政府2020年政府信息公开工作年度报告"),
        paragraph("二、主动公开政府信息情况"),
        paragraph("规章5件，全年主动公开信息120条。"),
        grid([
          ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
          ["规章", "1", "2", "3"],
        ]),
        paragraph("六、其他需要报告的事项"),
      ],
    });
    expect(report.parts.map((part) => part.code)).toEqual(["activeDisclosure", "other"]);
    expect(report.parts[0]?.blocks.map((block) => block.text)).toEqual(["规章5件，全年主动公开信息120条。"]);
    expect(report.tables.table2?.rows["art20_1.regulations"]).toMatchObject({
      newlyMade: { value: 1 },
      totalPublished: { value: 3 },
    });
  });

  it("infers the edition from the year when there is no table, and says so", () => {
    nextLine = 0;
    const { report, diagnostics } = recognize({
      blocks: [paragraph("某县人民政府2020年政府信息公开工作年度报告"), paragraph("一、总体情况")],
    });
    expect(report.edition).toBe("2019");
    expect(report.meta.agency.kind).toBe("peoplesGovernment");
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain("import/edition-inferred");
  });

  it("passes the parser's findings through", () => {
    const finding = {
      ruleId: "import/encoding" as const,
      severity: "warning" as const,
      message: { zh: "乱码", en: "garbled" },
      location: { pointer: "" },
    };
    const { diagnostics } = recognize({
      blocks: [{ type: "paragraph", text: "一、总体情况", source: { line: 1, column: 1 } }],
      diagnostics: [finding],
    });
    expect(diagnostics[0]).toEqual(finding);
  });

  it("throws NotAReportError when nothing identifies a report", () => {
    expect(() => recognize({ blocks: [] })).toThrow(NotAReportError);
    expect(() =>
      recognize({ blocks: [{ type: "paragraph", text: "欢迎访问本网站", source: { line: 1, column: 1 } }] }),
    ).toThrow(/Not a government information disclosure annual report/u);
  });
});

describe("recognize: table 四 variants", () => {
  it("reads a data row that carries a caption cell, and blanks a row of the wrong length", () => {
    nextLine = 0;
    const headers = [
      [
        { text: "行政复议", colSpan: 5 },
        { text: "行政诉讼", colSpan: 10 },
      ],
      [...table4Outcomes, ...table4Outcomes, ...table4Outcomes],
    ];
    const good = recognize({
      blocks: [
        paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        grid([...headers, ["数量", ...values(2, 1, 0, 0, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0)]]),
      ],
    });
    expect(good.report.tables.table4?.rows.review).toMatchObject({
      maintain: { value: 2 },
      correct: { value: 1 },
      total: { value: 3 },
    });
    expect(good.report.tables.table4?.rows.litigationDirect).toMatchObject({
      unfinished: { value: 1 },
      total: { value: 1 },
    });
    const bad = recognize({
      blocks: [
        paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        grid([...headers, values(2, 1, 0, 0, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 9)]),
      ],
    });
    // Sixteen values for fifteen slots cannot be placed: every cell is unread, keeping what was printed.
    expect(bad.report.tables.table4?.rows.review.maintain).toMatchObject({
      kind: "unread",
      reason: "unplaced",
      raw: "2 1 0 0 3 0 0 0 1 1 0 0 0 0 0 9",
    });
    expect(bad.diagnostics.find((diagnostic) => diagnostic.ruleId === "import/column-count")).toMatchObject({
      expected: 15,
      actual: 16,
    });
  });
});

describe("recognize: values after a group label", () => {
  it("keeps a group printed as one row (（六）其他处理 in a 2021 table) as the group's total, and reports it", () => {
    nextLine = 0;
    const { report, diagnostics } = recognize({
      blocks: [
        paragraph("某县统计局2022年政府信息公开工作年度报告"),
        paragraph("三、收到和处理政府信息公开申请情况"),
        grid([
          [{ text: "一、本年新收政府信息公开申请数量", colSpan: 2 }, ...values(1, 0, 0, 0, 0, 0, 1)],
          [{ text: "（六）其他处理", colSpan: 2 }, ...values(1, 0, 0, 0, 0, 0, 1)],
        ]),
        paragraph("本报告的统计期限自2022年1月1日起。申请人逾期未按收费通知要求缴纳费用的，不再处理。"),
      ],
    });
    expect(report.edition).toBe("2021");
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/unknown-row")).toBeUndefined();
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/group-as-row")).toMatchObject({
      actual: "1 | 0 | 0 | 0 | 0 | 0 | 1",
      // Located at the group's own row, where its values now are (it was the first item's row
      // while the values were kept in the finding only).
      location: { table: "table3", row: "results.other", pointer: "/tables/table3/rows/results.other" },
    });
    // The values are the group's own row, raw text and source position kept; its items stay unread.
    expect(getCellLoose(report, { table: "table3", row: "results.other", column: "naturalPerson" })).toMatchObject({
      kind: "number",
      value: 1,
      raw: "1",
      source: { line: expect.any(Number) },
    });
    expect(getCellLoose(report, { table: "table3", row: "results.other", column: "total" })).toMatchObject({
      kind: "number",
      value: 1,
    });
    expect(
      getCellLoose(report, { table: "table3", row: "results.other.overdueCorrection", column: "naturalPerson" }),
    ).toEqual({ kind: "unread", reason: "rowNotFound" });
    // The grid is the last thing and stops before the edition's last row: what follows it is cut
    // off. The group's items are not: the group printed as one row is where they would be (this
    // assertion named otherReasons, truncated, while the group's values were not kept).
    expect(getCellLoose(report, { table: "table3", row: "results.other.otherReasons", column: "total" })).toEqual({
      kind: "unread",
      reason: "rowNotFound",
    });
    expect(getCellLoose(report, { table: "table3", row: "results.totalProcessed", column: "total" })).toEqual({
      kind: "unread",
      reason: "truncated",
    });
  });
});

describe("recognize: agency from the signature", () => {
  it("takes the agency from the signature when no title names it", () => {
    nextLine = 0;
    const { report } = recognize({
      blocks: [
        paragraph("一、总体情况"),
        paragraph("2023年，我局认真贯彻落实《条例》。"),
        paragraph("六、其他需要报告的事项"),
        paragraph("无。"),
        paragraph("某市生态环境局"),
        paragraph("2024年1月25日"),
      ],
    });
    expect(report.meta.agency).toEqual({ name: "某市生态环境局", kind: "department", kindInferred: true });
    expect(report.meta.year).toBe(2023);
    expect(report.meta.publishedDate).toBe("2024-01-25");
  });
});

describe("recognize: edition from table 三 alone", () => {
  it("takes a （六）其他处理 row with cells for the 2019 edition, even for a 2021 report", () => {
    nextLine = 0;
    const { report, diagnostics } = recognize({
      blocks: [
        paragraph("某县统计局2021年政府信息公开工作年度报告"),
        paragraph("三、收到和处理政府信息公开申请情况"),
        grid([
          [{ text: "一、本年新收政府信息公开申请数量", colSpan: 2 }, ...values(1, 0, 0, 0, 0, 0, 1)],
          [{ text: "（六）其他处理", colSpan: 2 }, ...values(1, 0, 0, 0, 0, 0, 1)],
        ]),
      ],
    });
    expect(report.edition).toBe("2019");
    expect(getCellLoose(report, { table: "table3", row: "results.other", column: "total" })).toMatchObject({
      value: 1,
    });
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain("import/edition-inferred");
  });
});

describe("recognize: the closing (落款 and 成文日期)", () => {
  // Shaped as the seed (柳州市阳和工业新区 2020, /work/shared/seed) ends: part 六 "无", the issuing
  // office's signature, then portal footer chrome; here with a date line as many reports have.
  function closingDocument(tail: readonly string[], head: readonly string[] = []): BlockDocument {
    nextLine = 0;
    return {
      blocks: [
        paragraph("柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告"),
        ...head.map(paragraph),
        paragraph("一、总体情况"),
        paragraph("2020年，新区认真贯彻落实《条例》。"),
        paragraph("六、其他需要报告的事项"),
        paragraph("无"),
        ...tail.map(paragraph),
      ],
    };
  }

  it("takes the signature and date after the last part as the closing, not as part 六", () => {
    const { report, diagnostics } = recognize(
      closingDocument(["柳州市阳和工业新区管理委员会办公室", "2021年2月9日", "桂公网安备45020502000014号"]),
    );
    expect(report.parts[1]?.blocks.map((block) => block.text)).toEqual(["无"]);
    expect(report.meta.publishedDate).toBe("2021-02-09");
    // The title's 工业新区 gives no kind; the signature's 管理委员会办公室 is a department's.
    expect(report.meta.agency).toEqual({
      name: "柳州市阳和工业新区(北部生态新区)",
      kind: "department",
      kindInferred: true,
    });
    // The document has no tables; nothing says the text was cut.
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      "import/missing-table",
      "import/missing-table",
      "import/missing-table",
      "import/edition-inferred",
    ]);
  });

  it("takes a signature and date printed as two lines of one block", () => {
    const { report } = recognize(closingDocument(["柳州市阳和工业新区管理委员会办公室\n2021年2月9日"]));
    expect(report.parts[1]?.blocks.map((block) => block.text)).toEqual(["无"]);
    expect(report.meta.publishedDate).toBe("2021-02-09");
    expect(report.meta.agency.kind).toBe("department");
  });

  it("lets a 发布日期 in the page header win over the closing date", () => {
    const { report } = recognize(
      closingDocument(["柳州市阳和工业新区管理委员会办公室", "2021年2月9日"], ["发布日期:2021-02-10 15:21"]),
    );
    expect(report.meta.publishedDate).toBe("2021-02-10");
  });

  it("rejects a closing date before the report year ends", () => {
    const { report, diagnostics } = recognize(closingDocument(["2020年12月30日"]));
    expect(report.meta.publishedDate).toBeUndefined();
    expect(report.parts[1]?.blocks.map((block) => block.text)).toEqual(["无"]);
    expect(diagnostics.map((diagnostic) => diagnostic.location.pointer)).toContain("/meta/publishedDate");
  });

  it("takes a line that repeats the title's agency name as the signature", () => {
    const { report } = recognize(closingDocument(["柳州市阳和工业新区(北部生态新区)", "2021年2月9日"]));
    expect(report.parts[1]?.blocks.map((block) => block.text)).toEqual(["无"]);
    expect(report.meta.agency).toEqual({ name: "柳州市阳和工业新区(北部生态新区)", kind: "unknown" });
    expect(report.meta.publishedDate).toBe("2021-02-09");
  });

  it("never takes a sentence, or a line followed by more prose, for the closing", () => {
    const sentence = recognize(closingDocument(["本年度未收取信息处理费的单位为本局"]));
    expect(sentence.report.parts[1]?.blocks.map((block) => block.text)).toEqual([
      "无",
      "本年度未收取信息处理费的单位为本局",
    ]);
    expect(sentence.report.meta.agency).toEqual({ name: "柳州市阳和工业新区(北部生态新区)", kind: "unknown" });
    const notLast = recognize(closingDocument(["柳州市阳和工业新区管理委员会办公室", "特此报告。"]));
    expect(notLast.report.parts[1]?.blocks.map((block) => block.text)).toEqual([
      "无",
      "柳州市阳和工业新区管理委员会办公室",
      "特此报告。",
    ]);
    expect(notLast.report.meta.agency.kind).toBe("unknown");
    expect(notLast.report.meta.agency).not.toHaveProperty("kindInferred");
  });
});

describe("recognize: positions inside blocks", () => {
  // An HTML paragraph such as <p><b>一、总体情况</b>&nbsp;全年…</p>: the text starts at the <p>'s text
  // position, but markup and entities sit between, so a character index is no column.
  const htmlLike = (exactTextPositions?: boolean): BlockDocument => ({
    blocks: [
      {
        type: "paragraph",
        text: "某县统计局2022年政府信息公开工作年度报告",
        source: { line: 1, column: 4, offset: 3, path: "body>h1" },
      },
      {
        type: "paragraph",
        text: "一、总体情况 全年主动公开信息120条。",
        source: { line: 2, column: 4, offset: 60, path: "body>p[1]" },
      },
      {
        type: "paragraph",
        text: "二、主动公开政府信息情况",
        source: { line: 3, column: 4, offset: 120, path: "body>p[2]" },
      },
      { type: "paragraph", text: "规章 1 2 3", source: { line: 4, column: 4, offset: 160, path: "body>p[3]" } },
    ],
    ...(exactTextPositions === undefined ? {} : { exactTextPositions }),
  });

  it("keeps the block's own position for pieces of a block from a marked-up source", () => {
    const { report } = recognize(htmlLike());
    expect(report.parts[0]?.blocks[0]).toEqual({
      type: "paragraph",
      text: "全年主动公开信息120条。",
      source: { line: 2, column: 4, offset: 60, path: "body>p[1]" },
    });
    if (report.edition !== "2021") throw new Error("edition");
    expect(report.tables.table2?.rows["art20_1.regulations"].valid).toEqual({
      kind: "number",
      value: 3,
      raw: "3",
      source: { line: 4, column: 4, offset: 160, path: "body>p[3]" },
    });
  });

  it("adds the character index when the document says its text positions are exact", () => {
    const { report } = recognize(htmlLike(true));
    expect(report.parts[0]?.blocks[0]?.source).toEqual({ line: 2, column: 11, offset: 67, path: "body>p[1]" });
    if (report.edition !== "2021") throw new Error("edition");
    expect(report.tables.table2?.rows["art20_1.regulations"].valid?.source).toEqual({
      line: 4,
      column: 11,
      offset: 167,
      path: "body>p[3]",
    });
  });
});

describe("recognize: truncation needs evidence", () => {
  const withoutSixth = (): Block[] =>
    document2021().blocks.filter(
      (block) => !(block.type === "paragraph" && /^六、|^本年度未收取|^网站标识码/u.test(block.text)),
    );

  it("reads a complete report that leaves out part 六 without import/truncated", () => {
    const { report, diagnostics } = recognize({ blocks: withoutSixth() });
    expect(report.parts.map((part) => part.code)).not.toContain("other");
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain("import/truncated");
    expect(check(report).map((finding) => finding.ruleId)).toContain("structure/missing-part");
  });

  it("reports a text whose last paragraph stops mid-sentence", () => {
    const blocks = [
      ...withoutSixth(),
      paragraph("二是公开形式还比较单一，政策解读的方式有待进一步丰富，下一步我局将继续加强"),
    ];
    const { diagnostics } = recognize({ blocks });
    const truncated = diagnostics.find((diagnostic) => diagnostic.ruleId === "import/truncated");
    expect(truncated?.message.en).toContain("the last paragraph stops mid-sentence");
    expect(truncated?.location.source?.line).toBe(
      (blocks[blocks.length - 1] as { source: SourcePosition }).source.line,
    );
  });

  it("reports a text that stops inside table 三, and no row after the cut as missing", () => {
    const rows = table3Rows2021().slice(0, 12);
    nextLine = 0;
    const { report, diagnostics } = recognize({
      blocks: [
        paragraph("某市统计局2023年政府信息公开工作年度报告"),
        paragraph("三、收到和处理政府信息公开申请情况"),
        grid(rows),
      ],
    });
    // Table 二 is missing (part 三 comes after its place); nothing after the cut is reported.
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      "import/truncated",
      "import/missing-table",
      "import/meta-missing",
      "import/edition-inferred",
    ]);
    expect(diagnostics[1]?.location.table).toBe("table2");
    expect(diagnostics[0]?.message.en).toContain("Table 3 (requests received and handled) is incomplete");
    expect(
      getCellLoose(report, { table: "table3", row: "results.denied.thirdPartyRights", column: "total" }),
    ).toMatchObject({
      value: 1,
    });
  });

  it("reports a part heading cut short at the end of the text", () => {
    nextLine = 0;
    const { diagnostics } = recognize({
      blocks: [
        paragraph("某市统计局2023年政府信息公开工作年度报告"),
        paragraph("一、总体情况"),
        paragraph("全年主动公开信息120条。"),
        paragraph("三、收到"),
      ],
    });
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/truncated")?.message.en).toContain(
      "a part heading is cut short",
    );
  });
});

describe("recognize: columns by their header labels", () => {
  // Table 三 with the five 法人或其他组织 columns printed as 科研机构, 其他, 商业企业, 法律服务机构,
  // 社会公益组织: with spans known, each value goes under its header, not into the edition's order.
  const order = ["科研机构", "其他", "商业企业", "法律服务机构", "社会公益组织"];
  const keyOf: Record<string, string> = {
    商业企业: "legalPerson.commercial",
    科研机构: "legalPerson.research",
    社会公益组织: "legalPerson.socialWelfare",
    法律服务机构: "legalPerson.legalService",
    其他: "legalPerson.other",
  };
  function permutedTable3(): (SourceCell | string)[][] {
    const rows = table3Rows2021();
    rows[2] = [...order];
    // 一、本年新收: 自然人 10, then the five in the printed order, then 总计 25.
    rows[3] = [{ text: "一、本年新收政府信息公开申请数量", colSpan: 3 }, ...values(10, 2, 5, 1, 4, 3, 25)];
    return rows;
  }

  it("places table 三's values under their headers when the grid's spans are known", () => {
    nextLine = 0;
    const { report, diagnostics } = recognize({
      blocks: [
        paragraph("某市统计局2023年政府信息公开工作年度报告"),
        paragraph("三、收到和处理政府信息公开申请情况"),
        grid(permutedTable3()),
      ],
    });
    const rows = (report.tables.table3?.rows ?? {}) as Record<string, Record<string, { value?: number }>>;
    const row = rows.newReceived;
    const printed = [2, 5, 1, 4, 3];
    expect(row?.naturalPerson?.value).toBe(10);
    order.forEach((label, index) => {
      expect(row?.[keyOf[label] ?? ""]?.value, label).toBe(printed[index]);
    });
    expect(row?.total?.value).toBe(25);
    expect(check(report).filter((finding) => finding.ruleId === "table3/row-total")).toEqual([]);
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain("import/column-count");
  });

  it("keeps the edition's order for a grid whose spans were lost, and for a header that names a column twice", () => {
    nextLine = 0;
    const flattened = grid(permutedTable3());
    if (flattened.type !== "table") throw new Error("table");
    const text = recognize({
      blocks: [
        paragraph("某市统计局2023年政府信息公开工作年度报告"),
        paragraph("三、收到和处理政府信息公开申请情况"),
        { ...flattened, spansKnown: false },
      ],
    });
    expect(
      getCellLoose(text.report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }),
    ).toMatchObject({
      value: 2,
    });
    nextLine = 0;
    const rows = permutedTable3();
    rows[2] = ["科研机构", "其他", "商业企业", "法律服务机构", "科研机构"];
    const twice = recognize({
      blocks: [paragraph("三、收到和处理政府信息公开申请情况"), grid(rows)],
    });
    expect(
      getCellLoose(twice.report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }),
    ).toMatchObject({
      value: 2,
    });
  });

  it("places table 四's values under 行政诉讼 printed before 行政复议", () => {
    nextLine = 0;
    const five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    const { report } = recognize({
      blocks: [
        paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        grid([
          [
            { text: "行政诉讼", colSpan: 10 },
            { text: "行政复议", colSpan: 5 },
          ],
          [
            { text: "未经复议直接起诉", colSpan: 5 },
            { text: "复议后起诉", colSpan: 5 },
            ...five.map((text) => ({ text, rowSpan: 2 })),
          ],
          [...five, ...five],
          values(1, 0, 0, 0, 1, 0, 2, 0, 0, 2, 3, 0, 0, 1, 4),
        ]),
      ],
    });
    expect(report.tables.table4?.rows.litigationDirect).toMatchObject({ maintain: { value: 1 }, total: { value: 1 } });
    expect(report.tables.table4?.rows.litigationPostReview).toMatchObject({
      correct: { value: 2 },
      total: { value: 2 },
    });
    expect(report.tables.table4?.rows.review).toMatchObject({
      maintain: { value: 3 },
      unfinished: { value: 1 },
      total: { value: 4 },
    });
  });
});

describe("recognize: meta and cuts seen across the real corpus", () => {
  const ids = (diagnostics: readonly { ruleId: string }[]) => diagnostics.map((diagnostic) => diagnostic.ruleId);

  it("reads a title printed over two lines, the year ending the first (corpus 087)", () => {
    const { report } = recognize({
      blocks: [
        paragraph("柳北区工业和信息化局2020年"),
        paragraph("政府信息公开工作年度报告"),
        paragraph("本年度报告根据《条例》编制。"),
        paragraph("一、总体情况"),
        paragraph("2020年,我局认真贯彻落实《条例》。"),
      ],
    });
    expect(report.meta).toMatchObject({
      agency: { name: "柳北区工业和信息化局" },
      year: 2020,
      title: "柳北区工业和信息化局2020年政府信息公开工作年度报告",
    });
    // Neither title line is preamble.
    expect(report.preamble.map((block) => block.text)).toEqual(["本年度报告根据《条例》编制。"]);
  });

  it("reads the agency on the line before a title without 年 (corpus 073)", () => {
    const { report } = recognize({
      blocks: [paragraph("海南省生态环境厅"), paragraph("2022政府信息公开工作年度报告"), paragraph("一、总体情况")],
    });
    expect(report.meta).toMatchObject({ agency: { name: "海南省生态环境厅" }, year: 2022 });
  });

  it("completes a title's place name from the page's 发布机构 only when it adds 人民政府 (corpus 067)", () => {
    const { report } = recognize({
      blocks: [
        paragraph("- 发布机构: 开远市人民政府"),
        paragraph("开远市2025年政府信息公开工作年度报告"),
        paragraph("一、总体情况"),
      ],
    });
    expect(report.meta.agency.name).toBe("开远市人民政府");
  });

  it("leaves the agency empty when spam is all a hijacked title names (corpus 039)", () => {
    const { report, diagnostics } = recognize({
      blocks: [paragraph("365bet(中国)官方网站 2024年政府信息公开工作年度报告"), paragraph("一、总体情况")],
    });
    expect(report.meta.agency.name).toBe("");
    expect(
      diagnostics.filter((diagnostic) => diagnostic.location.pointer === "/meta/agency/name").map((d) => d.message.en),
    ).toEqual([expect.stringContaining("injected spam"), "The agency name was not found."]);
  });

  it("reports a text that stops inside part 一, even at a full stop (corpus 125)", () => {
    const { diagnostics } = recognize({
      blocks: [
        paragraph("某市人民政府办公厅2025年政府信息公开工作年度报告"),
        paragraph("一、总体情况"),
        paragraph("(二)依申请公开情况"),
        paragraph("确保答复内容严谨规范、准确无误,切实保障公民、法人和其他组织的合法信息获取权。"),
      ],
    });
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/truncated")?.message.en).toContain(
      "inside part 一",
    );
    // Tables after the cut are not reported missing.
    expect(ids(diagnostics)).not.toContain("import/missing-table");
  });

  it("reports a short last line cut at a comma or inside an unclosed 《 (corpus 047, 073)", () => {
    for (const last of ["我乡制定了信息报送审批单,", "根据《海南省人民政府办公厅关于"]) {
      const { diagnostics } = recognize({
        blocks: [
          paragraph("某乡2022年政府信息公开工作年度报告"),
          paragraph("一、总体情况"),
          paragraph("二、主动公开政府信息情况"),
          paragraph("无。"),
          paragraph("五、存在的主要问题及改进情况"),
          paragraph(last),
        ],
      });
      expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "import/truncated")?.message.en).toContain(
        "stops mid-sentence",
      );
    }
  });

  it("reports a report identified only by its title whose text stops mid-sentence (corpus 099)", () => {
    const { diagnostics } = recognize({
      blocks: [
        paragraph("西藏自治區(qū)人民政府辦公廳2021年政府信息公開工作年度報告"),
        paragraph("(一)圍繞重點任務(wù),,制定公開要點,。同時,要求各地(市),、各部"),
      ],
    });
    expect(ids(diagnostics)).toContain("import/truncated");
  });
});
