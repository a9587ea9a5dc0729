import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CellAddress,
  type CellInput,
  check,
  createReport,
  type NarrativeBlock,
  type Part,
  parseReport,
  type ReportOf,
  type SectionCode,
  setCell,
} from "../src/index";

// Regression: 柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告 (published 2021-02-09),
// the seed report in /work/shared/seed, kept once in the repository, in packages/test-reports/fixtures
// (read here by path: @gongkai/test-reports depends on core). Its real faults: table 三
// leaves every 总计 blank except 结转下年度, and 自然人 does not balance (49 received, 4 + 1 + 44 = 49
// handled, yet 1 carried forward); its part 四 is printed as "五、政府信息公开行政复议、行政诉讼情况".
const lines = readFileSync(
  new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.txt", import.meta.url),
  "utf8",
).split("\n");

/** Line `number` (1-based) of the seed as a block, with its source position. */
function block(type: NarrativeBlock["type"], number: number): NarrativeBlock {
  const text = lines[number - 1] as string;
  return { type, text, source: { line: number, column: 1, endLine: number, endColumn: text.length + 1 } };
}

function part(code: SectionCode, headingLine: number, blocks: NarrativeBlock[]): Part {
  const heading = lines[headingLine - 1] as string;
  return { code, numeral: heading.slice(0, 1), heading, source: { line: headingLine, column: 1 }, blocks };
}

type Address = CellAddress<"2019">;
const legalPersonColumns = [
  "legalPerson.commercial",
  "legalPerson.research",
  "legalPerson.socialWelfare",
  "legalPerson.legalService",
  "legalPerson.other",
] as const;

function seedReport(): ReportOf<"2019"> {
  const report = createReport({
    edition: "2019",
    year: 2020,
    agency: { name: "柳州市阳和工业新区(北部生态新区)", kind: "unknown" },
  });
  report.meta.title = lines[0] as string;
  report.meta.publishedDate = "2021-02-09"; // line 3: 发布日期:2021-02-09 15:21
  report.parts = [
    part("overview", 5, [
      block("subheading", 6),
      block("paragraph", 7),
      block("subheading", 8),
      block("paragraph", 9),
      block("subheading", 10),
      block("paragraph", 11),
      block("subheading", 12),
      block("paragraph", 13),
      block("paragraph", 14),
      block("subheading", 15),
      block("paragraph", 16),
      block("subheading", 17),
      block("paragraph", 18),
    ]),
    part("activeDisclosure", 19, []),
    part("applications", 89, []),
    part("reviewLitigation", 186, []),
    part("problems", 225, [
      block("paragraph", 226),
      block("paragraph", 227),
      block("paragraph", 228),
      block("paragraph", 229),
    ]),
    part("other", 230, [block("paragraph", 231)]),
  ];
  const set = (address: Address, value: CellInput) => setCell(report, address, value);
  // Table 二, lines 20–88 (规章 left blank: line 29 is three empty cells).
  set({ table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }, 11);
  set({ table: "table2", row: "art20_1.normativeDocuments", column: "newlyPublished" }, 11);
  set({ table: "table2", row: "art20_1.normativeDocuments", column: "totalPublished" }, 11);
  set({ table: "table2", row: "art20_5.licensing", column: "prevYearItems" }, 154);
  set({ table: "table2", row: "art20_5.licensing", column: "changeThisYear" }, { kind: "number", value: 3, raw: "+3" });
  set({ table: "table2", row: "art20_5.licensing", column: "decisions" }, 7781);
  set({ table: "table2", row: "art20_5.otherServices", column: "prevYearItems" }, 0);
  set({ table: "table2", row: "art20_5.otherServices", column: "changeThisYear" }, 0);
  set({ table: "table2", row: "art20_5.otherServices", column: "decisions" }, 0);
  set({ table: "table2", row: "art20_6.punishment", column: "prevYearItems" }, 1356);
  set({ table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
  set({ table: "table2", row: "art20_6.punishment", column: "decisions" }, 964);
  set({ table: "table2", row: "art20_6.coercion", column: "prevYearItems" }, 0);
  set({ table: "table2", row: "art20_6.coercion", column: "changeThisYear" }, 0);
  set({ table: "table2", row: "art20_6.coercion", column: "decisions" }, 0);
  set({ table: "table2", row: "art20_8.fees", column: "prevYearItems" }, 11);
  set({ table: "table2", row: "art20_8.fees", column: "changeThisYear" }, -2);
  set({ table: "table2", row: "art20_9.centralProcurement", column: "procurementItems" }, 169);
  set(
    { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
    { kind: "number", value: 287.36, unit: "万元", raw: "287.36万元" },
  );
  // Table 三, lines 89–185: only 自然人 holds numbers, except 结转下年度 (line 179–185).
  set({ table: "table3", row: "newReceived", column: "naturalPerson" }, 49);
  set({ table: "table3", row: "results.granted", column: "naturalPerson" }, 4);
  set({ table: "table3", row: "results.denied.thirdPartyRights", column: "naturalPerson" }, 1);
  set({ table: "table3", row: "results.unableToProvide.notHeld", column: "naturalPerson" }, 44);
  set({ table: "table3", row: "carriedForward", column: "naturalPerson" }, 1);
  for (const column of legalPersonColumns) set({ table: "table3", row: "carriedForward", column }, 0);
  set({ table: "table3", row: "carriedForward", column: "total" }, 1);
  // Table 四, lines 210–224: fifteen cells, all 0 except 未经复议直接起诉 尚未审结 2 and 总计 2.
  for (const row of ["review", "litigationDirect", "litigationPostReview"] as const) {
    for (const column of ["maintain", "correct", "other", "unfinished", "total"] as const) {
      set({ table: "table4", row, column }, 0);
    }
  }
  set({ table: "table4", row: "litigationDirect", column: "unfinished" }, 2);
  set({ table: "table4", row: "litigationDirect", column: "total" }, 2);
  return report;
}

describe("the seed report 柳州市阳和工业新区(北部生态新区)2020年报告", () => {
  it("is a valid report as built", () => {
    const report = seedReport();
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.parts[3]?.heading).toBe("五、政府信息公开行政复议、行政诉讼情况");
  });

  it("has exactly its real faults: an unbalanced 自然人 column, blank totals, and two parts numbered 五", () => {
    const diagnostics = check(seedReport());
    expect(
      diagnostics.map(({ ruleId, location, expected, actual, fix, causedBy }) => ({
        ruleId,
        causedBy,
        row: location.row,
        column: location.column,
        pointer: location.pointer,
        expected,
        actual,
        fix: fix?.value,
      })),
    ).toEqual([
      // 自然人: 49 + 0 ≠ 49 (the blank （七）总计 read as 4 + 1 + 44) + 1.
      {
        ruleId: "table3/balance",
        causedBy: undefined,
        row: "carriedForward",
        column: "naturalPerson",
        pointer: "/tables/table3/rows/carriedForward/naturalPerson",
        expected: 49,
        actual: 50,
        fix: 0,
      },
      // 总计: the blank totals read as their rows' sums, so the column shows the same fault:
      // 一 (blank, 49 across its row) + 二 (blank) ≠ （七） (blank, 49 from its items' rows) + 1,
      // off by exactly what 自然人 is off by: an echo, folded under it.
      {
        ruleId: "table3/balance",
        causedBy: "table3/balance@/tables/table3/rows/carriedForward/naturalPerson",
        row: "carriedForward",
        column: "total",
        pointer: "/tables/table3/rows/carriedForward/total",
        expected: 49,
        actual: 50,
        fix: 0,
      },
      {
        ruleId: "table3/results-total",
        causedBy: undefined,
        row: "results.totalProcessed",
        column: "naturalPerson",
        pointer: "/tables/table3/rows/results.totalProcessed/naturalPerson",
        expected: 49,
        actual: null,
        fix: 49,
      },
      ...(
        [
          ["newReceived", 49],
          ["results.granted", 4],
          ["results.denied.thirdPartyRights", 1],
          ["results.unableToProvide.notHeld", 44],
        ] as const
      ).map(([row, value]) => ({
        ruleId: "table3/row-total",
        causedBy: undefined,
        row,
        column: "total",
        pointer: `/tables/table3/rows/${row}/total`,
        expected: value,
        actual: null,
        fix: value,
      })),
      {
        ruleId: "structure/part-numbering",
        causedBy: undefined,
        row: undefined,
        column: undefined,
        pointer: "/parts/3/numeral",
        expected: "四",
        actual: "五",
        fix: undefined,
      },
    ]);
  });

  it("explains the unbalanced column in Chinese with the numbers", () => {
    const [balance] = check(seedReport());
    expect(balance?.severity).toBe("error");
    expect(balance?.message.zh).toBe(
      "自然人列不平衡：一、本年新收政府信息公开申请数量（49）加二、上年结转政府信息公开申请数量（空白，按0计）之和为 49，" +
        "不等于（七）总计（空白，按各项办理结果之和计为 49）加四、结转下年度继续办理（1）之和 50。",
    );
    expect(balance?.cells?.map((cell) => [cell.row, cell.value])).toEqual([
      ["newReceived", 49],
      ["carriedOver", "blank"],
      ["results.totalProcessed", "blank"],
      ...[
        ["results.granted", 4],
        ["results.partialGrant", "blank"],
        ["results.denied.stateSecret", "blank"],
        ["results.denied.lawForbidden", "blank"],
        ["results.denied.safetyStability", "blank"],
        ["results.denied.thirdPartyRights", 1],
        ["results.denied.internalAffairs", "blank"],
        ["results.denied.processInfo", "blank"],
        ["results.denied.enforcementCase", "blank"],
        ["results.denied.adminQuery", "blank"],
        ["results.unableToProvide.notHeld", 44],
        ["results.unableToProvide.needCreation", "blank"],
        ["results.unableToProvide.unclearAfterCorrection", "blank"],
        ["results.notProcessed.complaintPetition", "blank"],
        ["results.notProcessed.duplicate", "blank"],
        ["results.notProcessed.publication", "blank"],
        ["results.notProcessed.massiveRepeated", "blank"],
        ["results.notProcessed.confirmReissue", "blank"],
        ["results.other", "blank"],
      ],
      ["carriedForward", 1],
    ]);
  });

  it("reads 共收受理…49起 (with its typo) as 49 received, which matches the 自然人 cell", async () => {
    const { extractNarrativeCounts } = await import("../src/index");
    const line = lines[10] as string;
    expect(extractNarrativeCounts(line, { year: 2020 })).toEqual([
      {
        fact: "newReceived",
        value: 49,
        phrase: "受理群众依申请公开事项49起",
        numberText: "49",
        index: line.indexOf("49起"),
      },
    ]);
    // No other paragraph of the report states a count the checker reads.
    const others = lines
      .filter((_, index) => index !== 10)
      .flatMap((text) => extractNarrativeCounts(text, { year: 2020 }));
    expect(others).toEqual([]);
  });

  it("points at the 49 inside its paragraph when the table disagrees with it", () => {
    const report = seedReport();
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 48);
    const [finding, ...rest] = check(report).filter((diagnostic) => diagnostic.ruleId === "narrative/number-mismatch");
    expect(rest).toEqual([]);
    const line = lines[10] as string;
    const column = 1 + line.indexOf("49起");
    expect(finding?.location).toEqual({
      pointer: "/parts/0/blocks/5",
      source: { line: 11, column, endLine: 11, endColumn: column + 2 },
    });
    expect(finding?.expected).toBe(48);
    expect(finding?.actual).toBe(49);
    expect(finding?.message.zh).toBe(
      "正文称“受理群众依申请公开事项49起”，但表三“一、本年新收政府信息公开申请数量”的总计为 48（总计为空白，按各项之和计）。",
    );
  });

  it("would be 9 days late if the agency were a department (deadline 2021-01-31)", () => {
    const report = seedReport();
    report.meta.agency = { name: report.meta.agency.name, kind: "department", kindInferred: true };
    const late = check(report).filter((diagnostic) => diagnostic.ruleId === "meta/deadline");
    expect(late).toHaveLength(1);
    expect(late[0]?.expected).toBe("2021-01-31");
    expect(late[0]?.actual).toBe("2021-02-09");
    expect(late[0]?.message.zh).toBe(
      "报告发布于2021年2月9日，晚于《条例》第四十九条规定的县级以上人民政府部门发布期限2021年1月31日，逾期9天。机关类型系推断所得，如有误请更正类型。",
    );
  });
});
