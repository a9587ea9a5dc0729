import { describe, expect, it } from "vitest";
import {
  inferAgencyKind,
  matchLabelledDate,
  matchPeriodYear,
  matchStandaloneDate,
  matchTitle,
  stripSpam,
} from "./meta";

describe("inferAgencyKind", () => {
  it.each([
    ["柳州市人民政府", "peoplesGovernment"],
    ["乌拉特前旗人民政府", "peoplesGovernment"],
    ["新疆维吾尔自治区人民政府", "peoplesGovernment"],
    ["延边朝鲜族自治州人民政府", "peoplesGovernment"],
    ["天津市", "peoplesGovernment"],
    ["龙田镇人民政府", "townshipStreet"],
    ["会昌县中村乡人民政府", "townshipStreet"],
    ["平利县正阳镇", "townshipStreet"],
    ["广州市越秀区北京街道办事处", "townshipStreet"],
    ["扎赉特旗宝力根花苏木人民政府", "townshipStreet"],
    ["上海市人民政府办公厅", "department"],
    ["遵义市统计局", "department"],
    ["台州湾经济技术开发区管委会", "department"],
    ["山东嘉祥经济开发区管理委员会", "department"],
    ["湖北省教育厅", "department"],
    ["柳州市阳和工业新区(北部生态新区)", "unknown"],
    ["平潭综合实验区", "unknown"],
    ["", "unknown"],
  ])("%s → %s", (name, kind) => {
    expect(inferAgencyKind(name)).toBe(kind);
  });
});

describe("titles and dates", () => {
  it("reads agency and year from a title line", () => {
    expect(matchTitle("柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告")).toMatchObject({
      agency: "柳州市阳和工业新区(北部生态新区)",
      year: 2020,
      standalone: true,
    });
    expect(matchTitle("标题: 平潭综合实验区2019年度政府信息公开工作年度报告")).toMatchObject({
      agency: "平潭综合实验区",
      title: "平潭综合实验区2019年度政府信息公开工作年度报告",
    });
    expect(matchTitle("天津市宝坻区大钟庄镇人民政府政府信息公开工作年度报告")).toBeUndefined();
  });

  it("reads titles with the year first or after (上海市人民政府办公厅 2019, corpus 105)", () => {
    expect(matchTitle("2019年上海市人民政府办公厅政府信息公开工作年度报告")).toMatchObject({
      agency: "上海市人民政府办公厅",
      year: 2019,
    });
    expect(matchTitle("2022年度政府信息公开工作年度报告")).toMatchObject({ agency: "", year: 2022 });
    expect(matchTitle("宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)")).toMatchObject({
      agency: "宝坻区大钟庄镇",
      year: 2019,
      title: "宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)",
    });
  });

  it("reads the year from the statistics period (corpus 057: 截止2023年12月31日)", () => {
    expect(matchPeriodYear("本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止")).toBe(2019);
    expect(matchPeriodYear("截止2023年12月31日我局通过官方网站发布政务类信息34条")).toBe(2023);
    expect(matchPeriodYear("2023年,我局")).toBeUndefined();
  });

  it("reads the agency out of a sentence, but not as a title", () => {
    expect(
      matchTitle("根据《条例》规定，现公布天津市宝坻区文化和旅游局2025年政府信息公开工作年度报告。"),
    ).toMatchObject({
      agency: "天津市宝坻区文化和旅游局",
      year: 2025,
      standalone: false,
    });
  });

  it("reads labelled and standalone dates, rejecting impossible ones", () => {
    expect(matchLabelledDate("发布日期:2021-02-09 15:21 【字体:小中大】")).toBe("2021-02-09");
    expect(matchLabelledDate("发布时间：2021年2月9日")).toBe("2021-02-09");
    expect(matchLabelledDate("发布日期:2021-02-30")).toBeUndefined();
    expect(matchStandaloneDate("(2026年1月23日)")).toBe("2026-01-23");
    expect(matchStandaloneDate("2021年2月9日")).toBe("2021-02-09");
    expect(matchStandaloneDate("2021年2月9日召开会议")).toBeUndefined();
  });

  it("cuts injected spam from an agency name", () => {
    expect(stripSpam("365bet网上娱乐_365BETAPP官网_365体育平台网址人民政府合作交流办公室")).toEqual({
      name: "人民政府合作交流办公室",
      stripped: true,
    });
    expect(stripSpam("遵义市统计局")).toEqual({ name: "遵义市统计局", stripped: false });
  });
});
