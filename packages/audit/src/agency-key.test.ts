import { describe, expect, it } from "vitest";
import { agencyKey } from "./agency-key";

describe("agencyKey", () => {
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
    expect(new Set(variants.map(agencyKey))).toEqual(new Set(["某市财政局"]));
  });

  it("folds full-width letters, digits and brackets to half width", () => {
    expect(agencyKey("ＸＹ市第２中学（校本部）")).toBe(agencyKey("XY市第2中学"));
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
    expect(new Set(names.map(agencyKey)).size).toBe(names.length);
  });

  it("gives a report without an agency name no series", () => {
    expect(agencyKey("")).toBe("");
    expect(agencyKey("2023年度政府信息公开工作年度报告")).toBe("");
  });
});
