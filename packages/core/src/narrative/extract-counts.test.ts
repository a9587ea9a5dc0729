import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "./chinese-number";
import { extractNarrativeCounts, type NarrativeFact } from "./extract-counts";

/** The facts and values found, in text order. */
function read(
  text: string,
  options: Parameters<typeof extractNarrativeCounts>[1] = {},
): Array<[NarrativeFact, number]> {
  return extractNarrativeCounts(text, options).map((count) => [count.fact, count.value]);
}

describe("parseChineseNumber", () => {
  it.each([
    ["49", 49],
    ["４９", 49],
    ["1,527", 1527],
    ["零", 0],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["五十五", 55],
    ["一百零五", 105],
    ["一百一十", 110],
    ["三万二千", 32000],
  ])("reads %s as %i", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["", "二三", "十十", "一百十", "12a", "1,52", "几"])("rejects %j", (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });
});

describe("extractNarrativeCounts on sentences of real reports (corpus excerpts)", () => {
  it("007 上海市 2023: received and answered, the answer counting last year's requests too", () => {
    const text =
      "2023年,全市共收到政府信息公开申请34290件,申请数量较2022年上升29.3%;答复政府信息公开申请34430件(含上年度转结),均在法定期限内予以答复。";
    expect(read(text, { year: 2023 })).toEqual([
      ["newReceived", 34290],
      ["totalProcessed", 34430],
    ]);
  });

  it("037 丽水市 2024: new, handled, reconsideration and litigation totals", () => {
    const text =
      "(二)依申请公开方面。全市全年新收政府信息公开申请1541件,加上上年结转的,除去本年度结转下年度办理的,共办理政府信息公开申请1527件,其中予以公开或部分公开占58.5%、不予公开占7.3%、因本机关不掌握等原因无法提供占28.9%,其他情况占5.2%。申请内容仍然集中在政策文件、征地补偿等方面。全年因政府信息公开申请引起的行政复议93件,行政诉讼19件。";
    expect(read(text, { year: 2024 })).toEqual([
      ["newReceived", 1541],
      ["totalProcessed", 1527],
      ["reviewTotal", 93],
      ["litigationTotal", 19],
    ]);
  });

  it("035 广元市统计局 2024: 收到依申请公开共9件", () => {
    expect(
      read(
        "(二)依申请公开信息情况。全年共收到依申请公开共9件,全部及时分发到责任科室予以办理,未出现行政复议、行政诉讼等现象。",
      ),
    ).toEqual([["newReceived", 9]]);
  });

  it("071 (2025): received, carried over, carried forward, reconsideration, documents issued", () => {
    expect(read("2025年,我市共受理群众政府信息公开申请54件,按时办结54件,办理上年结转2件。", { year: 2025 })).toEqual([
      ["newReceived", 54],
      ["carriedOver", 2],
    ]);
    expect(
      read(
        "其中予以公开45件,部分公开4件,属于国家秘密1件,其他法律行政法规禁止公开2件,属于行政执法案卷1件,本机关不掌握相关政府信息2件,结转下年度办理1件,因政府信息公开引发行政复议2件。",
      ),
    ).toEqual([
      ["carriedForward", 1],
      ["reviewTotal", 2],
    ]);
    expect(
      read(
        "2025年,制发行政规范性文件6个,清理失效文件4个,现行有效行政规范性文件18个;加强政务新媒体,政府门户网站信息管理。",
      ),
    ).toEqual([["normativeDocumentsMade", 6]]);
  });

  it("108 (2025): 749 received with spaces around the number, not the 741 from natural persons", () => {
    expect(
      read(
        "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。",
      ),
    ).toEqual([
      ["newReceived", 749],
      ["carriedForward", 31],
    ]);
  });

  it("other phrasings of received requests (073, 089, 091, 093, 019)", () => {
    expect(read("2022年受理政府信息依申请公开事项46件,办结44件。")).toEqual([["newReceived", 46]]);
    expect(read("2024年,我街道累计收到依申请信息公开件6件,未因信息公开收取公民、法人和其他组织等任何费用。")).toEqual([
      ["newReceived", 6],
    ]);
    expect(read("2024年,我单位收到群众依申请公开1件,均已按要求进行答复。")).toEqual([["newReceived", 1]]);
    expect(read("今年以来,收到居民书面信息公开申请2例,其中涉及教育、文化、体育信息1例,涉及财政信息1例。")).toEqual([
      ["newReceived", 2],
    ]);
    expect(
      read(
        "2019年度街道发生针对本部门有关政府信息公开事务的行政复议案0件;发生针对本部门有关政府信息公开事务的行政诉讼案0件;收到各类针对本部门政府信息公开事务有关的申诉案0件。",
      ),
    ).toEqual([
      ["reviewTotal", 0],
      ["litigationTotal", 0],
    ]);
  });

  it.each([
    ["059: a hotline, not requests", "2023年,共办理政府12345热线47件,已全部办结,回复率和满意率均达100%。"],
    ["071: mailbox letters", "2025年市长信箱办理群众来件197件,办结率100%,公开答复19件,开展征集调查12期。"],
    ["107: petitions", "区社会事业局不断公开社会保障、医疗救助等信息，受理各类群众诉求259起。"],
    ["093: a change, not a count", "与历年相比政府信息公开申请数量增加1例;政府信息公开申请未产生相关收费情况。"],
    [
      "108: cases of every kind",
      "依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件，有力维护了群众合法权益与政府公信力。",
    ],
    ["a comparison with last year", "共收到政府信息公开申请较上年增加5件。"],
    ["reconsideration in general, not about disclosure", "全市行政复议机关共办理行政复议案件5000件。"],
    ["reconsideration and litigation together", "本年度发生政府信息公开行政复议和行政诉讼案件3件。"],
    ["each of two", "因政府信息公开引发行政复议、行政诉讼各1件。"],
    ["a reconsideration outcome", "政府信息公开行政复议结果维持2件。"],
    ["documents published, not issued", "主动公开市政府和市政府办公厅行政规范性文件42件，人事任免文件106件。"],
  ])("reads nothing from %s", (_, text) => {
    expect(read(text)).toEqual([]);
  });

  it("does not read a total that includes last year's requests as received this year", () => {
    expect(read("共受理政府信息公开申请50件（含上年结转3件）。")).toEqual([["carriedOver", 3]]);
  });

  it("skips a sentence about another year only", () => {
    expect(read("2022年共收到政府信息公开申请30件。", { year: 2023 })).toEqual([]);
    expect(read("2023年共收到政府信息公开申请30件。", { year: 2023 })).toEqual([["newReceived", 30]]);
  });

  it("reads Chinese and full-width numerals", () => {
    expect(read("全年共收到政府信息公开申请十二件。")).toEqual([["newReceived", 12]]);
    expect(read("因政府信息公开引发行政诉讼两起。")).toEqual([["litigationTotal", 2]]);
    expect(read("共收到政府信息公开申请４９件。")).toEqual([["newReceived", 49]]);
    expect(read("共收到政府信息公开申请1,527件。")).toEqual([["newReceived", 1527]]);
  });

  it("needs 公开 in the sentence for reconsideration counts, except in part 四", () => {
    expect(read("本年度发生行政复议1件。")).toEqual([]);
    expect(read("本年度发生行政复议1件。", { section: "reviewLitigation" })).toEqual([["reviewTotal", 1]]);
  });

  it("gives the index and text of the number", () => {
    const text = "全年共收到政府信息公开申请 十二 件。";
    const [count] = extractNarrativeCounts(text);
    expect(count?.numberText).toBe("十二");
    expect(text.slice(count?.index, (count?.index ?? 0) + 2)).toBe("十二");
  });
});
