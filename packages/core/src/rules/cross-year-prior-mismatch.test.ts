import { describe, expect, it } from "vitest";
import { check, createReport, normalizeAgencyName, setCell } from "../index";

function reports(priorName: string, priorYear = 2019) {
  const report = createReport({ edition: "2019", year: 2020, agency: { name: "柳州市阳和工业新区(北部生态新区)" } });
  setCell(report, { table: "table3", row: "carriedOver", column: "naturalPerson" }, 2);
  const prior = createReport({ edition: "2019", year: priorYear, agency: { name: priorName } });
  setCell(prior, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 5);
  return { report, prior };
}

const crossYear = (diagnostics: ReturnType<typeof check>) =>
  diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith("cross-year/")).map((d) => d.ruleId);

describe("normalizeAgencyName", () => {
  it("sets aside bracket style, full and half width, whitespace, 关于…的, years and title words", () => {
    const name = normalizeAgencyName("柳州市阳和工业新区(北部生态新区)");
    expect(name).toBe("柳州市阳和工业新区");
    for (const variant of [
      "柳州市阳和工业新区（北部生态新区）",
      " 柳州市阳和工业新区 （北部生态新区） ",
      "柳州市阳和工业新区【北部生态新区】",
      "关于柳州市阳和工业新区(北部生态新区)2020年度政府信息公开工作年度报告",
      "柳州市阳和工业新区（北部生态新区）2019年政府信息公开工作年度报告的",
    ]) {
      expect(normalizeAgencyName(variant), variant).toBe(name);
    }
    expect(normalizeAgencyName("上海市人民政府办公厅")).not.toBe(name);
  });
});

describe("cross-year/prior-mismatch", () => {
  it("stays silent for the same agency's previous year, written differently, and runs carry-over", () => {
    const { report, prior } = reports("柳州市阳和工业新区（北部生态新区）");
    expect(crossYear(check(report, { prior }))).toEqual(["cross-year/carry-over"]);
  });

  it("warns when the agencies differ (the seed against a Shanghai report) and runs no cross-year rule", () => {
    const { report, prior } = reports("上海市人民政府办公厅");
    const diagnostics = check(report, { prior });
    expect(crossYear(diagnostics)).toEqual(["cross-year/prior-mismatch"]);
    const [finding] = diagnostics.filter((diagnostic) => diagnostic.ruleId === "cross-year/prior-mismatch");
    expect(finding?.severity).toBe("warning");
    expect(finding?.message.zh).toBe(
      "上年报告的机关为“上海市人民政府办公厅”，本报告为“柳州市阳和工业新区(北部生态新区)”，未进行跨年度核对（上年结转、现行有效件数）。",
    );
    expect(finding?.location.pointer).toBe("/meta/agency/name");
  });

  it("warns when the years are not consecutive", () => {
    const { report, prior } = reports("柳州市阳和工业新区(北部生态新区)", 2018);
    const diagnostics = check(report, { prior });
    expect(crossYear(diagnostics)).toEqual(["cross-year/prior-mismatch"]);
    expect(diagnostics.find((d) => d.ruleId === "cross-year/prior-mismatch")?.message.en).toBe(
      "Cross-year checks (carry-over, documents in force) were not run: the prior report covers 2018, not the year before this report (2020).",
    );
  });

  it("does not compare a name either report lacks", () => {
    const { report, prior } = reports("");
    expect(crossYear(check(report, { prior }))).toEqual(["cross-year/carry-over"]);
  });
});

describe("normalizeAgencyName for series (moved from the audit)", () => {
  it("groups the name variants of one agency", () => {
    const variants = [
      "某市财政局",
      "某市财政局（本级）",
      "某市财政局(本级)",
      "关于某市财政局2023年度政府信息公开工作年度报告",
      "关于2023年度某市财政局的政府信息公开工作年度报告",
      "某市财政局 2022年政府信息公开年度报告",
      "某市财政局二〇二一年度政府信息公开工作年度报告",
      "某市财政局【市本级】",
      "  某市 财政局  ",
    ];
    expect(new Set(variants.map(normalizeAgencyName))).toEqual(new Set(["某市财政局"]));
  });

  it("folds full-width letters, digits and brackets to half width", () => {
    expect(normalizeAgencyName("ＸＹ市第２中学（校本部）")).toBe(normalizeAgencyName("XY市第2中学"));
  });

  it("keeps agencies with similar names apart", () => {
    const names = [
      "某市财政局",
      "某县财政局",
      "某市财政局某区分局",
      "某市人民政府",
      "某市人民政府办公室",
      "某市税务局",
    ];
    expect(new Set(names.map(normalizeAgencyName)).size).toBe(names.length);
  });

  it("gives a report without an agency name no series", () => {
    expect(normalizeAgencyName("")).toBe("");
    expect(normalizeAgencyName("2023年度政府信息公开工作年度报告")).toBe("");
  });
});
