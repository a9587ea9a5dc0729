// Generated once from ../shared/spec/format-editions.json by scripts/generate-editions.mjs, then kept
// by hand. `editions.test.ts` proves every code and label still matches the spec file when present.
// Labels are exact as printed (zh); `en` is ours. `verification` follows the spec: V seen in a primary
// or mirrored source, V2 seen only in copies of real reports, R inferred and not yet confirmed.

import { replaceNode } from "./edition-patch";

/**
 * Table 四's columns under each of its three groups (复议, 直接起诉, 复议后起诉): the four outcomes
 * and their 总计, printed the same under each.
 */
const table4Outcomes = [
  {
    code: "maintain",
    label: "结果维持",
    en: "Upheld",
  },
  {
    code: "correct",
    label: "结果纠正",
    en: "Corrected",
  },
  {
    code: "other",
    label: "其他结果",
    en: "Other results",
  },
  {
    code: "unfinished",
    label: "尚未审结",
    en: "Pending",
  },
  {
    code: "total",
    label: "总计",
    en: "Total",
    derived: "maintain+correct+other+unfinished",
    rule: "table4/group-total",
  },
] as const;

/**
 * The 2019 trial edition (国办公开办函〔2019〕60号), used for reports on 2019 and 2020.
 * @see 《中华人民共和国政府信息公开条例》 第五十条
 */
export const edition2019 = {
  id: "2019",
  document: "国办公开办函〔2019〕60号",
  formatTitle: "中华人民共和国政府信息公开工作年度报告格式（试行）",
  issued: null,
  appliesToReportYears: [2019, 2020],
  sections: [
    {
      code: "overview",
      label: "一、总体情况",
      en: "Overview",
      verification: "V",
    },
    {
      code: "activeDisclosure",
      label: "二、主动公开政府信息情况",
      en: "Proactive disclosure",
      verification: "V",
    },
    {
      code: "applications",
      label: "三、收到和处理政府信息公开申请情况",
      en: "Requests received and handled",
      verification: "V",
    },
    {
      code: "reviewLitigation",
      label: "四、政府信息公开行政复议、行政诉讼情况",
      en: "Administrative reconsideration and litigation",
      verification: "V",
    },
    {
      code: "problems",
      label: "五、存在的主要问题及改进情况",
      en: "Main problems and improvements",
      verification: "V",
    },
    {
      code: "other",
      label: "六、其他需要报告的事项",
      en: "Other matters to report",
      verification: "V",
    },
  ],
  // The words that tell which part a heading starts (paraphrases included), tried in this order: a
  // heading printing words of two parts is the first one's.
  partCues: [
    { section: "reviewLitigation", words: ["复议", "诉讼"] },
    { section: "applications", words: ["依申请", "收到和处理", "收到及处理", "公开申请", "申请公开"] },
    { section: "activeDisclosure", words: ["主动公开"] },
    { section: "overview", words: ["总体", "概述", "概况", "基本情况"] },
    { section: "problems", words: ["问题", "改进"] },
    { section: "other", words: ["其他", "其它"] },
  ],
  // The table cells each count stated in the prose is compared with (their sum when more than one).
  narrativeTargets: {
    newReceived: [{ table: "table3", row: "newReceived", column: "total" }],
    carriedOver: [{ table: "table3", row: "carriedOver", column: "total" }],
    totalProcessed: [{ table: "table3", row: "results.totalProcessed", column: "total" }],
    carriedForward: [{ table: "table3", row: "carriedForward", column: "total" }],
    reviewTotal: [{ table: "table4", row: "review", column: "total" }],
    litigationTotal: [
      { table: "table4", row: "litigationDirect", column: "total" },
      { table: "table4", row: "litigationPostReview", column: "total" },
    ],
    normativeDocumentsMade: [{ table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }],
  },
  tables: {
    table2: {
      title: "二、主动公开政府信息情况",
      firstColumnHeader: "信息内容",
      // How the recognizer finds the table (its sub-table labels) and tells this edition by it
      // (the column labels only the 2019 edition prints).
      cues: {
        strong: ["第二十条第"],
        weak: ["信息内容"],
        edition: [
          "新制作",
          "新公开数量",
          "对外公开总数",
          "上一年项目",
          "本年增减",
          "其他对外管理服务",
          "采购项目",
          "采购总金额",
        ],
      },
      subTables: [
        {
          code: "art20_1",
          label: "第二十条第（一）项",
          en: "Article 20 (1)",
          columns: [
            {
              code: "newlyMade",
              label: "本年新制作数量",
              en: "Newly made this year",
            },
            {
              code: "newlyPublished",
              label: "本年新公开数量",
              en: "Newly published this year",
            },
            {
              code: "totalPublished",
              label: "对外公开总数量",
              en: "Total published",
            },
          ],
          rows: [
            {
              code: "regulations",
              label: "规章",
              en: "Government rules",
            },
            {
              code: "normativeDocuments",
              label: "规范性文件",
              en: "Normative documents",
            },
          ],
        },
        {
          code: "art20_5",
          label: "第二十条第（五）项",
          en: "Article 20 (5)",
          columns: [
            {
              code: "prevYearItems",
              label: "上一年项目数量",
              en: "Items last year",
            },
            {
              code: "changeThisYear",
              label: "本年增/减",
              en: "Change this year (+/−)",
              signed: true,
            },
            {
              code: "decisions",
              label: "处理决定数量",
              en: "Decisions this year",
            },
          ],
          rows: [
            {
              code: "licensing",
              label: "行政许可",
              en: "Administrative licensing",
            },
            {
              code: "otherServices",
              label: "其他对外管理服务事项",
              en: "Other external management and services",
            },
          ],
        },
        {
          code: "art20_6",
          label: "第二十条第（六）项",
          en: "Article 20 (6)",
          columns: [
            {
              code: "prevYearItems",
              label: "上一年项目数量",
              en: "Items last year",
            },
            {
              code: "changeThisYear",
              label: "本年增/减",
              en: "Change this year (+/−)",
              signed: true,
            },
            {
              code: "decisions",
              label: "处理决定数量",
              en: "Decisions this year",
            },
          ],
          rows: [
            {
              code: "punishment",
              label: "行政处罚",
              en: "Administrative penalties",
            },
            {
              code: "coercion",
              label: "行政强制",
              en: "Administrative coercion",
            },
          ],
        },
        {
          code: "art20_8",
          label: "第二十条第（八）项",
          en: "Article 20 (8)",
          columns: [
            {
              code: "prevYearItems",
              label: "上一年项目数量",
              en: "Items last year",
            },
            {
              code: "changeThisYear",
              label: "本年增/减",
              en: "Change this year (+/−)",
              signed: true,
            },
          ],
          rows: [
            {
              code: "fees",
              label: "行政事业性收费",
              en: "Administrative fees",
            },
          ],
        },
        {
          code: "art20_9",
          label: "第二十条第（九）项",
          en: "Article 20 (9)",
          columns: [
            {
              code: "procurementItems",
              label: "采购项目数量",
              en: "Procurement projects",
            },
            {
              code: "procurementAmount",
              label: "采购总金额",
              en: "Total procurement amount",
              money: true,
            },
          ],
          rows: [
            {
              code: "centralProcurement",
              label: "政府集中采购",
              en: "Centralised government procurement",
            },
          ],
        },
      ],
    },
    table3: {
      title: "三、收到和处理政府信息公开申请情况",
      headerNote: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      // How the recognizer finds the table, and tells this edition by its one-row （六）其他处理.
      cues: {
        strong: ["本列数据的勾稽关系", "申请人情况", "本年新收政府信息公开申请"],
        weak: ["钩稽关系", "法人或其他组织", "本年度办理结果"],
        editionRowWithValue: ["（六）其他处理"],
      },
      // The printed 勾稽 note as a sum relation, holding in every column.
      relations: [
        {
          rule: "table3/balance",
          along: "rows",
          equation: "newReceived + carriedOver = results.totalProcessed + carriedForward",
          printed: true,
        },
      ],
      columns: {
        code: "applicant",
        label: "申请人情况",
        en: "Applicants",
        verification: "V",
        children: [
          {
            code: "naturalPerson",
            label: "自然人",
            en: "Natural persons",
          },
          {
            code: "legalPerson",
            label: "法人或其他组织",
            en: "Legal persons and other organisations",
            children: [
              {
                code: "legalPerson.commercial",
                label: "商业企业",
                en: "Commercial enterprises",
              },
              {
                code: "legalPerson.research",
                label: "科研机构",
                en: "Research institutions",
              },
              {
                code: "legalPerson.socialWelfare",
                label: "社会公益组织",
                en: "Public-interest organisations",
              },
              {
                code: "legalPerson.legalService",
                label: "法律服务机构",
                en: "Legal service institutions",
              },
              {
                code: "legalPerson.other",
                label: "其他",
                en: "Other organisations",
              },
            ],
          },
          {
            code: "total",
            label: "总计",
            en: "Total",
            derived: "naturalPerson + sum(legalPerson.*)",
            rule: "table3/row-total",
          },
        ],
      },
      rows: [
        {
          code: "newReceived",
          label: "一、本年新收政府信息公开申请数量",
          en: "I. New requests received this year",
        },
        {
          code: "carriedOver",
          label: "二、上年结转政府信息公开申请数量",
          en: "II. Requests carried over from last year",
          role: "fromLastYear",
        },
        {
          code: "results",
          label: "三、本年度办理结果",
          en: "III. Results this year",
          children: [
            {
              code: "results.granted",
              label: "（一）予以公开",
              en: "(1) Disclosed",
              articles: ["第三十六条第（一）项", "第三十六条第（二）项"],
            },
            {
              code: "results.partialGrant",
              label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
              en: "(2) Partly disclosed (counted here only)",
              articles: ["第三十七条"],
            },
            {
              code: "results.denied",
              label: "（三）不予公开",
              en: "(3) Not disclosed",
              children: [
                {
                  code: "results.denied.stateSecret",
                  label: "1.属于国家秘密",
                  en: "1. State secret",
                  articles: ["第十四条"],
                },
                {
                  code: "results.denied.lawForbidden",
                  label: "2.其他法律行政法规禁止公开",
                  en: "2. Forbidden by other laws or administrative regulations",
                  articles: ["第十四条"],
                },
                {
                  code: "results.denied.safetyStability",
                  label: "3.危及“三安全一稳定”",
                  en: "3. Endangers the “three securities and one stability”",
                  articles: ["第十四条"],
                },
                {
                  code: "results.denied.thirdPartyRights",
                  label: "4.保护第三方合法权益",
                  en: "4. Protects third parties' lawful rights",
                  articles: ["第十五条"],
                },
                {
                  code: "results.denied.internalAffairs",
                  label: "5.属于三类内部事务信息",
                  en: "5. Internal affairs information (three kinds)",
                  articles: ["第十六条第一款"],
                },
                {
                  code: "results.denied.processInfo",
                  label: "6.属于四类过程性信息",
                  en: "6. Process information (four kinds)",
                  articles: ["第十六条第二款"],
                },
                {
                  code: "results.denied.enforcementCase",
                  label: "7.属于行政执法案卷",
                  en: "7. Administrative enforcement case files",
                  articles: ["第十六条第二款"],
                },
                {
                  code: "results.denied.adminQuery",
                  label: "8.属于行政查询事项",
                  en: "8. Administrative query matters",
                  articles: ["第三十六条第（七）项"],
                },
              ],
            },
            {
              code: "results.unableToProvide",
              label: "（四）无法提供",
              en: "(4) Cannot be provided",
              children: [
                {
                  code: "results.unableToProvide.notHeld",
                  label: "1.本机关不掌握相关政府信息",
                  en: "1. Not held by this agency",
                  articles: ["第三十六条第（四）项", "第三十六条第（五）项"],
                },
                {
                  code: "results.unableToProvide.needCreation",
                  label: "2.没有现成信息需要另行制作",
                  en: "2. Would have to be newly created",
                  articles: ["第三十八条"],
                },
                {
                  code: "results.unableToProvide.unclearAfterCorrection",
                  label: "3.补正后申请内容仍不明确",
                  en: "3. Still unclear after correction",
                  articles: ["第三十条"],
                },
              ],
            },
            {
              code: "results.notProcessed",
              label: "（五）不予处理",
              en: "(5) Not processed",
              children: [
                {
                  code: "results.notProcessed.complaintPetition",
                  label: "1.信访举报投诉类申请",
                  en: "1. Petitions, reports and complaints",
                  articles: ["第三十九条第一款"],
                },
                {
                  code: "results.notProcessed.duplicate",
                  label: "2.重复申请",
                  en: "2. Repeated requests",
                  articles: ["第三十六条第（六）项"],
                },
                {
                  code: "results.notProcessed.publication",
                  label: "3.要求提供公开出版物",
                  en: "3. Requests for public publications",
                  articles: ["第三十九条第二款"],
                },
                {
                  code: "results.notProcessed.massiveRepeated",
                  label: "4.无正当理由大量反复申请",
                  en: "4. Many repeated requests without good reason",
                  articles: ["第三十五条"],
                },
                {
                  code: "results.notProcessed.confirmReissue",
                  label: "5.要求行政机关确认或重新出具已获取信息",
                  en: "5. Requests to confirm or reissue information already obtained",
                  articles: [],
                },
              ],
            },
            {
              code: "results.other",
              label: "（六）其他处理",
              en: "(6) Other handling",
            },
            {
              code: "results.totalProcessed",
              label: "（七）总计",
              en: "(7) Total",
              derived: "sum(results.*)",
              rule: "table3/results-total",
            },
          ],
        },
        {
          code: "carriedForward",
          label: "四、结转下年度继续办理",
          en: "IV. Carried forward to next year",
          role: "toNextYear",
        },
      ],
    },
    table4: {
      title: "四、政府信息公开行政复议、行政诉讼情况",
      // How the recognizer finds the table (its outcome headers).
      cues: { strong: ["尚未审结", "结果维持"], weak: ["未经复议直接起诉"] },
      columns: [
        {
          code: "review",
          label: "行政复议",
          en: "Administrative reconsideration",
          children: table4Outcomes,
        },
        {
          code: "litigation",
          label: "行政诉讼",
          en: "Administrative litigation",
          children: [
            {
              code: "litigationDirect",
              label: "未经复议直接起诉",
              en: "Sued without reconsideration",
              children: table4Outcomes,
            },
            {
              code: "litigationPostReview",
              label: "复议后起诉",
              en: "Sued after reconsideration",
              children: table4Outcomes,
            },
          ],
        },
      ],
    },
  },
} as const;

/**
 * 2021's （六）其他处理: three items where 2019 has one row. Some 2021 reports still print it as
 * one row, as 2019 did (`mayPrintAsRow`): its values are then the group's total.
 */
const other2021 = {
  code: "results.other",
  label: "（六）其他处理",
  en: "(6) Other handling",
  mayPrintAsRow: true,
  children: [
    {
      code: "results.other.overdueCorrection",
      label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      en: "1. Applicant did not correct the request in time without good reason; not processed further",
      articles: ["第三十条"],
      verification: "V",
    },
    {
      code: "results.other.overdueFee",
      label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      en: "2. Applicant did not pay the fee notice in time; not processed further",
      articles: ["第四十二条", "政府信息公开信息处理费管理办法 (article unverified)"],
      verification: "V",
    },
    {
      code: "results.other.otherReasons",
      label: "3.其他",
      en: "3. Other",
      articles: [],
      verification: "V",
    },
  ],
} as const;

/**
 * The 2021 edition (国办公开办函〔2021〕30号, signed 2021-09-26), used for reports on 2021 and later.
 * @see 《中华人民共和国政府信息公开条例》 第五十条
 */
export const edition2021 = {
  ...edition2019,
  id: "2021",
  document: "国办公开办函〔2021〕30号",
  formatTitle: "中华人民共和国政府信息公开工作年度报告格式",
  issued: "2021-09-26",
  appliesToReportYears: "2021-",
  // The same six parts; only the spec's verification marks differ.
  sections: withVerification(edition2019.sections, {
    overview: "V",
    problems: "R",
    other: "R",
  }),
  // 2021 counts normative documents as 制发 (made) in its new table 二.
  narrativeTargets: {
    ...edition2019.narrativeTargets,
    normativeDocumentsMade: [{ table: "table2", row: "art20_1.normativeDocuments", column: "made" }],
  },
  tables: {
    // Table 二 is new in 2021: its sub-tables and columns differ throughout.
    table2: {
      title: "二、主动公开政府信息情况",
      firstColumnHeader: "信息内容",
      // Found as 2019's table 二 is; told apart by the column labels only the 2021 edition prints.
      cues: {
        ...edition2019.tables.table2.cues,
        edition: ["制发件数", "废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量"],
      },
      subTables: [
        {
          code: "art20_1",
          label: "第二十条第（一）项",
          en: "Article 20 (1)",
          columns: [
            {
              code: "made",
              label: "本年制发件数",
              en: "Issued this year",
              role: "issuedThisYear",
            },
            {
              code: "repealed",
              label: "本年废止件数",
              en: "Repealed this year",
              role: "repealedThisYear",
            },
            {
              code: "valid",
              label: "现行有效件数",
              en: "Currently in force",
              role: "inForce",
            },
          ],
          rows: [
            {
              code: "regulations",
              label: "规章",
              en: "Government rules",
            },
            {
              code: "normativeDocuments",
              label: "行政规范性文件",
              en: "Normative documents",
            },
          ],
        },
        {
          code: "art20_5",
          label: "第二十条第（五）项",
          en: "Article 20 (5)",
          columns: [
            {
              code: "decisions",
              label: "本年处理决定数量",
              en: "Decisions this year",
            },
          ],
          rows: [
            {
              code: "licensing",
              label: "行政许可",
              en: "Administrative licensing",
            },
          ],
        },
        {
          code: "art20_6",
          label: "第二十条第（六）项",
          en: "Article 20 (6)",
          columns: [
            {
              code: "decisions",
              label: "本年处理决定数量",
              en: "Decisions this year",
            },
          ],
          rows: [
            {
              code: "punishment",
              label: "行政处罚",
              en: "Administrative penalties",
            },
            {
              code: "coercion",
              label: "行政强制",
              en: "Administrative coercion",
            },
          ],
        },
        {
          code: "art20_8",
          label: "第二十条第（八）项",
          en: "Article 20 (8)",
          columns: [
            {
              code: "amount",
              label: "本年收费金额（单位：万元）",
              en: "Fees charged this year (10,000 yuan)",
              money: true,
              unit: "万元",
            },
          ],
          rows: [
            {
              code: "fees",
              label: "行政事业性收费",
              en: "Administrative fees",
            },
          ],
        },
      ],
    },
    // Table 三 is 2019's, but for （六）其他处理, which 2021 splits into three items: they tell the
    // edition apart (and （六） no longer does on its own).
    table3: {
      ...edition2019.tables.table3,
      cues: {
        strong: edition2019.tables.table3.cues.strong,
        weak: edition2019.tables.table3.cues.weak,
        edition: ["逾期不补正", "缴纳费用", "收费通知"],
      },
      rows: replaceNode(edition2019.tables.table3.rows, "results.other", other2021),
    },
    // Table 四 is unchanged.
    table4: edition2019.tables.table4,
  },
} as const;

/** Sections with the spec's verification mark set per code (and none where `marks` gives none). */
function withVerification<const Section extends { readonly code: string; readonly label: string; readonly en: string }>(
  sections: readonly Section[],
  marks: Readonly<Partial<Record<Section["code"], "V" | "V2" | "R">>>,
): Array<Omit<Section, "verification"> & { readonly verification?: "V" | "V2" | "R" }> {
  return sections.map((section) => {
    const { verification: _dropped, ...rest } = section as Section & { readonly verification?: string };
    const mark = marks[section.code as Section["code"]];
    return mark === undefined ? rest : { ...rest, verification: mark };
  });
}
