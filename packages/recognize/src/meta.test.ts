import { describe, expect, it } from "vitest";
import {
  inferAgencyKind,
  matchAnnouncedTitle,
  matchContactAgency,
  matchLabelledDate,
  matchPeriodYear,
  matchProducerAgency,
  matchStandaloneDate,
  matchSubjectAgency,
  matchTitle,
  stripPinyin,
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

  it("ignores pinyin injected after characters by spam mirrors (corpus 097, 099)", () => {
    expect(stripPinyin("國家機(jī)關(guān)事務(wù)管理局")).toBe("國家機關事務管理局");
    const line = "標(biāo)      題 西藏自治區(qū)人民政府 2023年政府信息公開工作年度報告";
    const title = matchTitle(line);
    expect(title).toMatchObject({ agency: "西藏自治区人民政府", year: 2023, standalone: true });
    // The length counts the input's characters, pinyin included, so the rest of the line is found.
    expect(title?.length).toBe(line.length);
    expect(matchTitle("西藏自治區(qū)人民政府辦公廳2021年政府信息公開工作年度報告")).toMatchObject({
      agency: "西藏自治区人民政府办公厅",
      year: 2021,
    });
  });

  it("reads a year written in Chinese numerals", () => {
    expect(matchTitle("某县民政局二〇二三年政府信息公开工作年度报告")).toMatchObject({
      agency: "某县民政局",
      year: 2023,
      standalone: true,
    });
    expect(matchTitle("二〇二四年度某市统计局政府信息公开工作年度报告")).toMatchObject({
      agency: "某市统计局",
      year: 2024,
    });
  });

  it("reads a title without 年 (corpus 073: 2022政府信息公开工作年度报告)", () => {
    expect(matchTitle("2022政府信息公开工作年度报告")).toMatchObject({ agency: "", year: 2022, standalone: true });
  });

  it("reads a report announced anywhere in a sentence, passing over other documents' names", () => {
    // Corpus 041: the 《…2020年度政府信息公开工作年度报告编制及发布工作的通知》 is another document.
    expect(
      matchAnnouncedTitle(
        "根据《省政务公开领导小组办公室关于做好2020年度政府信息公开工作年度报告编制及发布工作的通知》要求,现公布贵州省机关事务管理局2020年政府信息公开工作年度报告。",
      ),
    ).toMatchObject({ agency: "贵州省机关事务管理局", year: 2020, standalone: false });
    // Corpus 077: year first.
    expect(matchAnnouncedTitle("特向社会公布2022年度十堰市生态环境局郧阳分局政府信息公开工作年度报告。")).toMatchObject(
      { agency: "十堰市生态环境局郧阳分局", year: 2022 },
    );
    // Corpus 035: 政府信息公开情况.
    expect(matchAnnouncedTitle("特向社会公布广元市统计局2024年政府信息公开情况。")).toMatchObject({
      agency: "广元市统计局",
      year: 2024,
    });
    // 人民政府信息公开: 政府 belongs to the name.
    expect(matchAnnouncedTitle("现向社会公布2021年度张家湾镇人民政府信息公开工作年度报告。")).toMatchObject({
      agency: "张家湾镇人民政府",
    });
    // 我旗 / 本机关 name no agency.
    expect(matchAnnouncedTitle("特向社会公布我旗2021年度信息公开年度报告。")).toMatchObject({ agency: "", year: 2021 });
    // Corpus 011: a quoted title is marked, since its year may be a slip.
    expect(matchAnnouncedTitle("我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》。")).toMatchObject({
      agency: "田黄镇",
      year: 2020,
      quoted: true,
    });
    expect(matchAnnouncedTitle("2022年,我局通过网站公开信息20条。")).toBeUndefined();
  });

  it("reads the agency that compiled the report, but not an office inside it", () => {
    expect(matchProducerAgency("本报告依据《条例》,由海南省生态环境厅编制。")).toBe("海南省生态环境厅");
    expect(matchProducerAgency("本年度报告由國家機(jī)關(guān)事務(wù)管理局根據(jù)《條例》編制")).toBe(
      "国家机关事务管理局",
    );
    expect(matchProducerAgency("本报告由东亭街道综合办公室编制,全文包括")).toBeUndefined();
    expect(matchProducerAgency("本报告由我局编制")).toBeUndefined();
  });

  it("reads the agency an opening sentence names as its subject", () => {
    expect(matchSubjectAgency("2022年,上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导")).toBe(
      "上海市人民政府办公厅",
    );
    expect(matchSubjectAgency("(一)主动公开情况。2022年宜城市教育局全面贯彻落实《条例》精神")).toBe("宜城市教育局");
    // 区统计局 is relative to a district the sentence does not print; 我局 names nothing.
    expect(matchSubjectAgency("2022年,区统计局严格贯彻落实《条例》要求")).toBeUndefined();
    expect(matchSubjectAgency("2022年,我局认真贯彻落实《条例》")).toBeUndefined();
  });

  it("reads the agency the contact clause names, but not an office to ask (corpus 043, 069, 089)", () => {
    expect(matchContactAgency("如对本报告有任何疑问,请与泰安市商务局联系(地址:泰安市泰山区)")).toBe("泰安市商务局");
    expect(matchContactAgency("如对本报告有疑问,请与石家庄市长安区人民政府办公室联系")).toBeUndefined();
    expect(
      matchContactAgency("如对本年度报告有任何疑问,请与温州市鹿城区七都街道办事处综合信息指挥室联系"),
    ).toBeUndefined();
  });
});
