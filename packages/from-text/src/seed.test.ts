import { check, getCell } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { blank7, rowCells, rowValues, seedFixture } from "./test-support";

// Regression: 柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告 (the seed, /work/shared/seed),
// flattened one cell per line. Every expected value below was read off the fixture line by line.
describe("seed: liuzhou-yanghe-2020.txt", () => {
  const { report, diagnostics } = fromText(seedFixture(), {
    sourceUrl: "https://example.invalid/seed",
  });

  it("reads the meta from the title and the 发布日期 line, and the kind from the signature", () => {
    expect(report.edition).toBe("2019");
    // The title's name (…工业新区) gives no kind; the signature on line 232, 柳州市阳和工业新区管理委员会办公室,
    // is a department's.
    expect(report.meta).toEqual({
      agency: { name: "柳州市阳和工业新区(北部生态新区)", kind: "department", kindInferred: true },
      year: 2020,
      publishedDate: "2021-02-09",
      title: "柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告",
      sourceUrl: "https://example.invalid/seed",
      // The title as it stands over the text (line 4, the last of its three copies; offset 123 =
      // 3 lines of 34, 34 and 52 characters plus their line ends), and the 发布日期 line (line 3).
      sources: {
        title: { line: 4, column: 1, endLine: 4, endColumn: 35, offset: 123, endOffset: 157 },
        agency: { line: 4, column: 1, endLine: 4, endColumn: 35, offset: 123, endOffset: 157 },
        publishedDate: { line: 3, column: 1, endLine: 3, endColumn: 53, offset: 70, endOffset: 122 },
      },
    });
    expect(report.preamble).toEqual([]);
  });

  it("finds all six parts, keeping part 四's printed numeral 五", () => {
    expect(report.parts.map((part) => [part.code, part.numeral, part.heading, part.source?.line])).toEqual([
      ["overview", "一", "一、总体情况", 5],
      ["activeDisclosure", "二", "二、主动公开政府信息情况", 19],
      ["applications", "三", "三、收到和处理政府信息公开申请情况", 89],
      ["reviewLitigation", "五", "五、政府信息公开行政复议、行政诉讼情况", 186],
      ["problems", "五", "五、存在的主要问题及改进情况", 225],
      ["other", "六", "六、其他需要报告的事项", 230],
    ]);
    const overview = report.parts[0];
    expect(overview?.blocks.map((block) => [block.type, block.source?.line])).toEqual([
      ["subheading", 6],
      ["paragraph", 7],
      ["subheading", 8],
      ["paragraph", 9],
      ["subheading", 10],
      ["paragraph", 11],
      ["subheading", 12],
      ["paragraph", 13],
      ["paragraph", 14],
      ["subheading", 15],
      ["paragraph", 16],
      ["subheading", 17],
      ["paragraph", 18],
    ]);
    // Parts 二, 三 and 四 hold only their tables.
    expect(report.parts.slice(1, 4).map((part) => part.blocks.length)).toEqual([0, 0, 0]);
    // The signature (line 232) closes the report; it is not a paragraph of part 六.
    expect(report.parts[5]?.blocks.map((block) => block.text)).toEqual(["无"]);
  });

  it("reads table 二 cell by cell (lines 21–88)", () => {
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([null, null, null]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([11, 11, 11]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([154, 3, 7781]);
    expect(rowValues(report, "table2", "art20_5.otherServices")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_6.punishment")).toEqual([1356, -392, 964]);
    expect(rowValues(report, "table2", "art20_6.coercion")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_8.fees")).toEqual([11, -2]);
    expect(rowValues(report, "table2", "art20_9.centralProcurement")).toEqual([169, 287.36]);
  });

  it("keeps raw text, units and source positions", () => {
    if (report.edition !== "2019") throw new Error("expected the 2019 edition");
    expect(getCell(report, { table: "table2", row: "art20_5.licensing", column: "changeThisYear" })).toEqual({
      kind: "number",
      value: 3,
      raw: "+3",
      source: {
        line: 45,
        column: 1,
        endLine: 45,
        endColumn: 3,
        offset: expect.any(Number),
        endOffset: expect.any(Number),
      },
    });
    expect(
      getCell(report, { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" }),
    ).toMatchObject({
      kind: "number",
      value: 287.36,
      unit: "万元",
      raw: "287.36万元",
      source: { line: 88, column: 1 },
    });
    expect(getCell(report, { table: "table2", row: "art20_1.regulations", column: "newlyMade" })).toMatchObject({
      kind: "blank",
      source: { line: 29 },
    });
    expect(report.tables.table2?.source?.line).toBe(21);
    expect(report.tables.table3?.source?.line).toBe(91);
    expect(report.tables.table4?.source?.line).toBe(188);
  });

  it("reads table 三 cell by cell (lines 91–185)", () => {
    expect(rowValues(report, "table3", "newReceived")).toEqual([49, null, null, null, null, null, null]);
    expect(rowValues(report, "table3", "carriedOver")).toEqual(blank7);
    expect(rowValues(report, "table3", "results.granted")).toEqual([4, null, null, null, null, null, null]);
    expect(rowValues(report, "table3", "results.partialGrant")).toEqual(blank7);
    for (const row of [
      "stateSecret",
      "lawForbidden",
      "safetyStability",
      "internalAffairs",
      "processInfo",
      "enforcementCase",
      "adminQuery",
    ]) {
      expect(rowValues(report, "table3", `results.denied.${row}`)).toEqual(blank7);
    }
    expect(rowValues(report, "table3", "results.denied.thirdPartyRights")).toEqual([
      1,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(rowValues(report, "table3", "results.unableToProvide.notHeld")).toEqual([
      44,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(rowValues(report, "table3", "results.unableToProvide.needCreation")).toEqual(blank7);
    expect(rowValues(report, "table3", "results.unableToProvide.unclearAfterCorrection")).toEqual(blank7);
    for (const row of ["complaintPetition", "duplicate", "publication", "massiveRepeated", "confirmReissue"]) {
      expect(rowValues(report, "table3", `results.notProcessed.${row}`)).toEqual(blank7);
    }
    expect(rowValues(report, "table3", "results.other")).toEqual(blank7);
    expect(rowValues(report, "table3", "results.totalProcessed")).toEqual(blank7);
    expect(rowValues(report, "table3", "carriedForward")).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it("reads table 四's fifteen cells (lines 210–224)", () => {
    expect(rowValues(report, "table4", "review")).toEqual([0, 0, 0, 0, 0]);
    expect(rowValues(report, "table4", "litigationDirect")).toEqual([0, 0, 0, 2, 2]);
    expect(rowValues(report, "table4", "litigationPostReview")).toEqual([0, 0, 0, 0, 0]);
  });

  it("has nothing it could not read", () => {
    expect(diagnostics).toEqual([]);
  });

  it("lets the checker find the seed's real faults", () => {
    const findings = check(report);
    const ids = new Set(findings.map((finding) => finding.ruleId));
    expect(ids.has("table3/balance")).toBe(true);
    expect(ids.has("structure/part-numbering")).toBe(true);
    const balance = findings.find(
      (finding) => finding.ruleId === "table3/balance" && finding.location.column === "naturalPerson",
    );
    expect(balance?.location.source).toBeDefined();
  });
});

describe("seed with CRLF line ends", () => {
  it("reads the same cells at the same lines", () => {
    const text = new TextDecoder().decode(seedFixture()).replaceAll("\n", "\r\n");
    const { report, diagnostics } = fromText(text);
    expect(diagnostics).toEqual([]);
    expect(rowValues(report, "table2", "art20_6.punishment")).toEqual([1356, -392, 964]);
    expect(rowValues(report, "table3", "carriedForward")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.parts[3]?.source?.line).toBe(186);
    expect(rowCells(report, "table2", "art20_5.licensing")?.changeThisYear?.source).toMatchObject({
      line: 45,
      column: 1,
    });
  });
});
