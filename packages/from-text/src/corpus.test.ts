import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { excerpt, rowCells, rowValues, ruleIds, unread7 } from "./test-support";

// Real report captures of the corpus (@gongkai/test-reports' corpus/excerpts, see its
// manifest.tsv). Each expected value was read off the excerpt's text, not off our output.

const zeros7 = [0, 0, 0, 0, 0, 0, 0];

function importOf(name: string) {
  return fromText(excerpt(name));
}

describe("corpus 107: 平潭综合实验区 2019, whole report on one line, cell boundaries lost", () => {
  const { report, diagnostics } = importOf("107.txt");

  it("finds meta and the six parts inside the one long line", () => {
    expect(report.edition).toBe("2019");
    expect(report.meta.year).toBe(2019);
    expect(report.meta.publishedDate).toBe("2020-01-20"); // line 2: 发布时间: 2020-01-20 15:22
    expect(report.meta.agency.name).toBe("平潭综合实验区");
    expect(report.parts.map((part) => [part.code, part.numeral, part.source?.line])).toEqual([
      ["overview", "一", 10],
      ["activeDisclosure", "二", 10],
      ["applications", "三", 10],
      ["reviewLitigation", "四", 10],
      ["problems", "五", 10],
      ["other", "六", 10],
    ]);
    expect(report.preamble[0]?.text.startsWith("根据《中华人民共和国政府信息公开条例》")).toBe(true);
  });

  it("splits digit runs only where the split is unique", () => {
    // 规章000: three digits for three cells.
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    // 二、上年结转…0000000, （一）予以公开7000007, （二）部分公开…1000001: seven digits, seven cells.
    expect(rowValues(report, "table3", "carriedOver")).toEqual(zeros7);
    expect(rowValues(report, "table3", "results.granted")).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(rowValues(report, "table3", "results.partialGrant")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // "1.本机关不掌握相关政府信息70000072.没有现成…": the "2." is the next row's numbering.
    expect(rowValues(report, "table3", "results.unableToProvide.notHeld")).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(rowValues(report, "table3", "results.unableToProvide.needCreation")).toEqual(zeros7);
    expect(rowValues(report, "table3", "results.unableToProvide.unclearAfterCorrection")).toEqual([
      5, 0, 0, 0, 0, 0, 5,
    ]);
    expect(rowValues(report, "table3", "results.notProcessed.duplicate")).toEqual([3, 0, 0, 0, 0, 0, 3]);
    for (const row of [
      "stateSecret",
      "lawForbidden",
      "safetyStability",
      "thirdPartyRights",
      "internalAffairs",
      "processInfo",
      "enforcementCase",
      "adminQuery",
    ]) {
      expect(rowValues(report, "table3", `results.denied.${row}`)).toEqual(zeros7);
    }
    // （六）其他处理0 0 0 0 0 00 and （七）总计23 0 00 0 023: spaces are boundaries, and no cell has a
    // leading zero, so each splits one way.
    expect(rowValues(report, "table3", "results.other")).toEqual(zeros7);
    expect(rowValues(report, "table3", "results.totalProcessed")).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(rowValues(report, "table3", "carriedForward")).toEqual(zeros7);
    // Table 四: fifteen zeros for fifteen cells.
    expect(rowValues(report, "table4", "review")).toEqual([0, 0, 0, 0, 0]);
    expect(rowValues(report, "table4", "litigationDirect")).toEqual([0, 0, 0, 0, 0]);
    expect(rowValues(report, "table4", "litigationPostReview")).toEqual([0, 0, 0, 0, 0]);
  });

  it("leaves ambiguous rows unread with their candidate splits, never choosing by sums", () => {
    const ambiguous = diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/run-together");
    expect(ambiguous.map((diagnostic) => diagnostic.location.row)).toEqual([
      "art20_1.normativeDocuments", // 898989
      "art20_5.licensing", // 3960181
      "art20_5.otherServices", // 100153
      "art20_6.punishment", // 26480430
      "art20_6.coercion", // 126025
      "art20_8.fees", // 350
      "art20_9.centralProcurement", // 13575394432.52元
      "newReceived", // 230 000023
    ]);
    for (const row of ["art20_1.normativeDocuments", "art20_5.licensing", "art20_8.fees"]) {
      expect(rowValues(report, "table2", row)?.every((value) => value === "unread:runTogether")).toBe(true);
    }
    // "230 000023" reads 23|0|0|0|0|0|23 by the sums, but 2|30|… and 230|…|2|3 fit the cells as well.
    expect(rowValues(report, "table3", "newReceived")).toEqual(unread7("runTogether"));
    const newReceived = ambiguous.find((diagnostic) => diagnostic.location.row === "newReceived");
    expect(newReceived?.message.en).toContain("3 splits are possible");
    expect(newReceived?.message.en).toContain("23 | 0 | 0 | 0 | 0 | 0 | 23");
    expect(newReceived?.location.source?.line).toBe(10);
    // 350 for 上一年项目数量 | 本年增/减: 3|50 or 35|0.
    const fees = ambiguous.find((diagnostic) => diagnostic.location.row === "art20_8.fees");
    expect(fees?.message.en).toContain("2 splits are possible (3 | 50; 35 | 0)");
    // 100153 for three cells without leading zeros: 10|0|153, 100|1|53, 100|15|3, 1001|5|3.
    const other = ambiguous.find((diagnostic) => diagnostic.location.row === "art20_5.otherServices");
    expect(other?.message.en).toContain("4 splits are possible");
    // The unread cells keep the raw run and, index-aligned across the row, each split's value:
    // reading k gives 自然人 candidates[k] and 总计 its own candidates[k].
    const cells = report.tables.table3?.rows.newReceived;
    expect(cells?.naturalPerson).toMatchObject({ kind: "unread", reason: "runTogether", raw: "230 000023" });
    expect(cells?.naturalPerson).toMatchObject({ candidateCount: 3 });
    const readings = (cells?.naturalPerson.kind === "unread" ? cells.naturalPerson.candidates : undefined) ?? [];
    const totals = (cells?.total.kind === "unread" ? cells.total.candidates : undefined) ?? [];
    expect(readings).toHaveLength(3);
    expect(readings.map((value, index) => `${value}…${totals[index]}`)).toContain("23…23");
    // 350 for 上一年项目数量 | 本年增/减: 3|50 or 35|0.
    const feeCells = report.tables.table2?.rows["art20_8.fees"];
    expect(feeCells).toMatchObject({
      prevYearItems: { candidates: [3, 35], candidateCount: 2 },
      changeThisYear: { candidates: [50, 0], candidateCount: 2 },
    });
    expect(ruleIds(diagnostics).filter((id) => id !== "import/run-together" && id !== "import/split-digits")).toEqual(
      [],
    );
  });
});

describe("corpus 108: 沭阳县 2025, PDF converted to Markdown, table 三 in fragments", () => {
  const { report, diagnostics } = importOf("108.txt");

  it("reads meta, the Markdown headings and the 2021 edition", () => {
    expect(report.edition).toBe("2021");
    expect(report.meta).toMatchObject({
      agency: { name: "沐阳县人民政府", kind: "peoplesGovernment", kindInferred: true }, // the source's OCR typo 沐 kept
      year: 2025,
      publishedDate: "2026-01-23", // line 4: (2026年1月23日)
    });
    expect(report.parts.map((part) => part.code)).toEqual([
      "overview",
      "activeDisclosure",
      "applications",
      "reviewLitigation",
      "problems",
      "other",
    ]);
  });

  it("reads table 二 (lines 56–75)", () => {
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([6, 1, 32]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([517645]);
    expect(rowValues(report, "table2", "art20_6.punishment")).toEqual([693957]);
    expect(rowValues(report, "table2", "art20_6.coercion")).toEqual([2154]);
    expect(rowCells(report, "table2", "art20_8.fees")).toMatchObject({
      amount: { kind: "number", value: 4068.208, unit: "万元" },
    });
  });

  it("reads table 三 row by row, past the stray mid-table header (line 151)", () => {
    expect(rowValues(report, "table3", "newReceived")).toEqual([705, 3, 0, 0, 5, 0, 713]);
    expect(rowValues(report, "table3", "carriedOver")).toEqual([36, 0, 0, 0, 0, 0, 36]);
    expect(rowValues(report, "table3", "results.granted")).toEqual([290, 1, 0, 0, 3, 0, 294]);
    expect(rowValues(report, "table3", "results.partialGrant")).toEqual([99, 0, 0, 0, 2, 0, 101]);
    expect(rowValues(report, "table3", "results.denied.safetyStability")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(rowValues(report, "table3", "results.denied.internalAffairs")).toEqual([13, 0, 0, 0, 0, 0, 13]);
    expect(rowValues(report, "table3", "results.denied.adminQuery")).toEqual([9, 0, 0, 0, 0, 0, 9]);
    expect(rowValues(report, "table3", "results.unableToProvide.notHeld")).toEqual([111, 0, 0, 0, 0, 0, 111]);
    expect(rowValues(report, "table3", "results.notProcessed.duplicate")).toEqual([6, 1, 0, 0, 0, 0, 7]);
    expect(rowValues(report, "table3", "results.other.overdueCorrection")).toEqual([9, 0, 0, 0, 0, 0, 9]);
    expect(rowValues(report, "table3", "results.other.overdueFee")).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(rowValues(report, "table3", "results.other.otherReasons")).toEqual([142, 1, 0, 0, 0, 0, 143]);
    expect(rowValues(report, "table3", "results.totalProcessed")).toEqual([710, 3, 0, 0, 5, 0, 718]);
    expect(rowValues(report, "table3", "carriedForward")).toEqual([31, 0, 0, 0, 0, 0, 31]);
  });

  it("reads table 四 from its three separate tables (lines 160–173)", () => {
    expect(rowValues(report, "table4", "review")).toEqual([27, 10, 9, 15, 61]);
    expect(rowValues(report, "table4", "litigationDirect")).toEqual([3, 0, 0, 0, 3]);
    expect(rowValues(report, "table4", "litigationPostReview")).toEqual([8, 0, 1, 1, 10]);
    expect(diagnostics).toEqual([]);
  });
});

describe("corpus 001: 杨凌示范区审计局 2022, rows as ' | ' lines, cut in table 三's header", () => {
  const { report, diagnostics } = importOf("001.txt");

  it("reads table 二 in the 2021 layout", () => {
    expect(report.edition).toBe("2021");
    expect(report.meta.year).toBe(2022); // line 2: 现公布我局2022年政府信息公开工作年度报告
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([0]);
    expect(rowValues(report, "table2", "art20_6.punishment")).toEqual([0]);
    expect(rowValues(report, "table2", "art20_6.coercion")).toEqual([0]);
    expect(rowCells(report, "table2", "art20_8.fees")).toMatchObject({
      amount: { kind: "number", value: 0, unit: "万元", raw: "0" },
    });
  });

  it("keeps table 三 (header only) unread, cut off, and says where the text stops", () => {
    expect(rowValues(report, "table3", "newReceived")).toEqual(unread7("truncated"));
    expect(report.meta.truncatedAt).toEqual({
      part: "applications",
      table: "table3",
      source: { line: 30, column: expect.any(Number) },
    });
    expect(report.tables.table4).toBeUndefined();
    expect(ruleIds(diagnostics)).toEqual(["import/truncated", "import/meta-missing", "import/meta-missing"]);
    expect(diagnostics[0]?.location.source?.line).toBe(30);
    expect(diagnostics.map((diagnostic) => diagnostic.location.pointer)).toEqual([
      "",
      "/meta/agency/name",
      "/meta/publishedDate",
    ]);
  });
});

describe("corpus 013: 岑巩县龙田镇 2021 in the 2019 layout, one cell per line, split headers", () => {
  const { report, diagnostics } = importOf("013.txt");

  it("imports as the 2019 edition (the checker reports the mismatch)", () => {
    expect(report.edition).toBe("2019");
    expect(report.meta).toMatchObject({
      agency: { name: "龙田镇人民政府", kind: "townshipStreet" },
      year: 2021,
      publishedDate: "2022-01-29",
    });
    expect(report.preamble.map((block) => block.source?.line)).toEqual([6]);
  });

  it("reads the rows that are there and stops at line 72", () => {
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_5.otherServices")).toEqual(new Array(3).fill("unread:truncated"));
    expect(ruleIds(diagnostics)).toEqual(["import/truncated"]);
    expect(diagnostics[0]?.location.source?.line).toBe(72);
    expect(report.parts[1]?.blocks).toEqual([]);
  });
});

describe("corpus 015: 平利县正阳镇 2021 in the 2019 layout, cut mid-header (处理决)", () => {
  const { report, diagnostics } = importOf("015.txt");
  it("reads two rows and says the text stops at line 51", () => {
    expect(report.edition).toBe("2019");
    expect(report.meta.year).toBe(2021);
    expect(report.meta.agency).toEqual({ name: "平利县正阳镇", kind: "townshipStreet", kindInferred: true });
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual(new Array(3).fill("unread:truncated"));
    expect(ruleIds(diagnostics)).toEqual(["import/truncated"]);
    expect(diagnostics[0]?.location.source?.line).toBe(51);
    expect(report.parts[1]?.blocks).toEqual([]);
  });
});

describe("corpus 019: 闻韶街道 2019 on a hijacked domain, starts mid-document, all zeros", () => {
  const { report, diagnostics } = importOf("019.txt");
  it("reads table 二 whole and table 三 up to the cut", () => {
    expect(report.edition).toBe("2019");
    expect(report.parts.map((part) => part.code)).toEqual(["activeDisclosure", "applications"]);
    for (const row of [
      "art20_1.regulations",
      "art20_1.normativeDocuments",
      "art20_5.licensing",
      "art20_5.otherServices",
      "art20_6.punishment",
      "art20_6.coercion",
    ]) {
      expect(rowValues(report, "table2", row)).toEqual([0, 0, 0]);
    }
    expect(rowValues(report, "table2", "art20_8.fees")).toEqual([0, 0]);
    expect(rowValues(report, "table2", "art20_9.centralProcurement")).toEqual([0, 0]);
    expect(rowValues(report, "table3", "newReceived")).toEqual(zeros7);
    expect(rowValues(report, "table3", "carriedOver")).toEqual(zeros7);
    expect(rowValues(report, "table3", "results.granted")).toEqual(zeros7);
    // "(二)部分公开(" is cut mid-label: nothing after it is read, and nothing is reported missing.
    expect(rowValues(report, "table3", "results.partialGrant")).toEqual(unread7("truncated"));
    expect(rowValues(report, "table3", "carriedForward")).toEqual(unread7("truncated"));
    expect(ruleIds(diagnostics)).toEqual([
      "import/truncated",
      "import/meta-missing",
      "import/meta-missing",
      "import/meta-missing",
    ]);
  });
});

describe("corpus 023: 北京街道 2020 on a hijacked domain, ' | ' rows, unit in the header", () => {
  const { report } = importOf("023.txt");
  it("reads table 二 with the 采购总金额(万元) unit", () => {
    expect(report.edition).toBe("2019");
    expect(report.meta.year).toBe(2020);
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([1, 0, 8]);
    expect(rowValues(report, "table2", "art20_5.otherServices")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_6.punishment")).toEqual([1, 0, 93]);
    expect(rowValues(report, "table2", "art20_6.coercion")).toEqual([1, 0, 0]);
    expect(rowValues(report, "table2", "art20_8.fees")).toEqual([0, 0]);
    expect(rowCells(report, "table2", "art20_9.centralProcurement")).toMatchObject({
      procurementItems: { kind: "number", value: 13 },
      procurementAmount: { kind: "number", value: 477.35, unit: "万元", raw: "477.35", source: { line: 26 } },
    });
    expect(report.parts[0]?.blocks.map((block) => block.text)).toContain("图1 政府信息主动公开情况表");
  });
});

describe("corpus 117: 会昌县中村乡 2020, stray leading spaces, procurement amount without a unit", () => {
  const { report } = importOf("117.txt");
  it("reads table 二 and keeps 8040 unitless", () => {
    expect(report.meta.agency).toEqual({ name: "中村乡", kind: "townshipStreet", kindInferred: true });
    expect(report.meta.publishedDate).toBeUndefined();
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([5, 5, 5]);
    expect(rowValues(report, "table2", "art20_9.centralProcurement")).toEqual([1, 8040]);
    expect(rowCells(report, "table2", "art20_9.centralProcurement")?.procurementAmount).not.toHaveProperty("unit");
    expect(report.tables.table3).toBeUndefined();
  });
});

describe("reports without tables", () => {
  it("065 (沙德格苏木 2021): part 二 is followed by 五; every table is reported missing", () => {
    const { report, diagnostics } = importOf("065.txt");
    expect(report.parts.map((part) => part.code)).toEqual(["overview", "activeDisclosure", "problems"]);
    expect(report.tables).toEqual({});
    expect(ruleIds(diagnostics)).toEqual([
      "import/truncated",
      "import/missing-table",
      "import/missing-table",
      "import/missing-table",
      "import/edition-inferred",
    ]);
    expect(diagnostics[1]?.location).toMatchObject({ table: "table2", source: { line: 22 } });
    expect(report.edition).toBe("2021");
  });

  it("021 (泃阳西大街街道 2019): cut in part 二, so no table is reported missing", () => {
    const { report, diagnostics } = importOf("021.txt");
    expect(report.meta.agency).toEqual({
      name: "三河市泃阳西大街街道办事处",
      kind: "townshipStreet",
      kindInferred: true,
    });
    expect(report.meta.year).toBe(2019);
    expect(report.edition).toBe("2019");
    expect(ruleIds(diagnostics)).toEqual(["import/truncated", "import/edition-inferred"]);
  });
});

describe("mirrors and traditional characters", () => {
  it("003: spam in place of the city name is cut, and the fragment left is no name", () => {
    const { report, diagnostics } = importOf("003.txt");
    // What follows the spam, 人民政府合作交流办公室, lost its city: not a name to give as the agency.
    expect(report.meta.agency).toEqual({ name: "", kind: "unknown" });
    expect(report.meta.year).toBe(2022);
    const agencyFindings = diagnostics.filter((diagnostic) => diagnostic.location.pointer === "/meta/agency/name");
    expect(agencyFindings.map((finding) => finding.message.en)).toEqual([
      expect.stringContaining("injected spam"),
      "The agency name was not found.",
    ]);
    expect(agencyFindings[0]?.actual).toBe("365bet网上娱乐_365BETAPP官网_365体育平台网址人民政府合作交流办公室");
    expect(report.preamble.every((block) => !block.text.startsWith("365bet"))).toBe(true);
  });

  it("025: a traditional-character heading (一、總體情況) is found", () => {
    const { report } = importOf("025.txt");
    expect(report.parts.map((part) => [part.code, part.heading])).toEqual([["overview", "一、總體情況"]]);
    expect(report.meta.year).toBe(2021);
  });
});

describe("corpus 045: 西咸新区太平镇 2022, one cell per line, header cells split (商业/企业)", () => {
  const { report, diagnostics } = importOf("045.txt");
  it("reads the 2021 layout and table 三 down to the cut after （三）3", () => {
    expect(report.edition).toBe("2021");
    expect(report.meta).toMatchObject({ agency: { name: "太平镇人民政府", kind: "townshipStreet" }, year: 2022 });
    expect(rowValues(report, "table2", "art20_1.regulations")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_1.normativeDocuments")).toEqual([0, 0, 0]);
    expect(rowValues(report, "table2", "art20_5.licensing")).toEqual([0]);
    expect(rowValues(report, "table2", "art20_6.punishment")).toEqual([0]);
    expect(rowValues(report, "table2", "art20_6.coercion")).toEqual([0]);
    expect(rowValues(report, "table2", "art20_8.fees")).toEqual([0]);
    for (const row of [
      "newReceived",
      "carriedOver",
      "results.granted",
      "results.partialGrant",
      "results.denied.stateSecret",
      "results.denied.lawForbidden",
      "results.denied.safetyStability",
    ]) {
      expect(rowValues(report, "table3", row)).toEqual(zeros7);
    }
    // Rows after the cut were not in the text: unread, reason truncated (issue 7 names 045).
    expect(rowValues(report, "table3", "results.denied.thirdPartyRights")).toEqual(unread7("truncated"));
    expect(rowValues(report, "table3", "results.totalProcessed")).toEqual(unread7("truncated"));
    expect(ruleIds(diagnostics)).toEqual(["import/truncated", "import/meta-missing"]);
  });
});
