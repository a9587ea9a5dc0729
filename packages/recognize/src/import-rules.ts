import type { LocalizedText, Severity } from "@gongkai/core";

/**
 * The ids of the findings importers make about what they could not read. Ids are never renamed,
 * only deprecated.
 */
export const importRuleIds = [
  "import/unreadable-value",
  "import/run-together",
  "import/split-digits",
  "import/column-count",
  "import/missing-row",
  "import/unknown-row",
  "import/group-as-row",
  "import/missing-table",
  "import/truncated",
  "import/meta-missing",
  "import/edition-inferred",
  "import/limit-exceeded",
  "import/encoding",
  "import/embedded-report-invalid",
  "import/no-text-layer",
] as const;

/** The id of an importer finding. */
export type ImportRuleId = (typeof importRuleIds)[number];

/** Each importer finding's default severity and what it means. */
export const importRules: Record<
  ImportRuleId,
  { readonly defaultSeverity: Severity; readonly description: LocalizedText }
> = {
  "import/unreadable-value": {
    defaultSeverity: "warning",
    description: {
      zh: "单元格内容无法识别为数字、空白或“/”，记为未读出（illegible），保留原文。",
      en: "A cell's text is not a number, blank or '/'; imported as unread (illegible), keeping the text.",
    },
  },
  "import/run-together": {
    defaultSeverity: "warning",
    description: {
      zh: "一行的数字连在一起且拆分方式不唯一，该行记为未读出（runTogether），各单元格保留可能的拆分值。",
      en: "A row's digits ran together and can be split more than one way; the row is imported as unread (runTogether), each cell keeping its value in every candidate split.",
    },
  },
  "import/split-digits": {
    defaultSeverity: "info",
    description: {
      zh: "一行的数字连在一起，但只有一种拆分方式，已按该方式拆分。",
      en: "A row's digits ran together but split only one way; that split was used.",
    },
  },
  "import/column-count": {
    defaultSeverity: "warning",
    description: {
      zh: "一行的数值个数与该表的列数不符，无法确定对应关系的单元格记为未读出（unplaced）。",
      en: "A row has a number of values that does not fit the table's columns; cells that cannot be placed are imported as unread (unplaced).",
    },
  },
  "import/missing-row": {
    defaultSeverity: "warning",
    description: {
      zh: "表格中找不到该格式应有的一行，该行记为未读出（rowNotFound）。",
      en: "A row the edition prints was not found in the table; its cells are imported as unread (rowNotFound).",
    },
  },
  "import/unknown-row": {
    defaultSeverity: "info",
    description: { zh: "表格中有一行无法对应到该格式的任何一行。", en: "A table row matches no row of the edition." },
  },
  "import/group-as-row": {
    defaultSeverity: "warning",
    description: {
      zh: "表格把一组（如 2021 年版的“（六）其他处理”）印成一行，没有印出其下各项：该行的数值作为该组的合计导入（各项之和由它代替，计入总计），各项记为未读出（rowNotFound）。版本数据未允许印成一行的组，其数值只保留在发现中。",
      en: "The table prints a row group (such as the 2021 edition's (6) Other handling) as one row without its items: the row's values are imported as the group's total (standing for its items in every sum, so counted in the total), and the items as unread (rowNotFound). For a group the edition data does not let a report print as one row, the values are only kept in the finding.",
    },
  },
  "import/missing-table": {
    defaultSeverity: "warning",
    description: { zh: "报告中找不到该表格。", en: "The table was not found in the report." },
  },
  "import/truncated": {
    defaultSeverity: "warning",
    description: {
      zh: "文本在报告结束前中断，此后的内容未能导入。",
      en: "The text stops before the report ends; what follows was not imported.",
    },
  },
  "import/meta-missing": {
    defaultSeverity: "info",
    description: {
      zh: "找不到机关名称、报告年度或发布日期。",
      en: "The agency name, report year or published date was not found.",
    },
  },
  "import/edition-inferred": {
    defaultSeverity: "info",
    description: {
      zh: "报告中没有可判断格式版本的表格，版本按报告年度推定。",
      en: "No table showed the format edition; it was inferred from the report year.",
    },
  },
  "import/limit-exceeded": {
    defaultSeverity: "error",
    description: {
      zh: "输入超出导入器的大小或复杂度上限。",
      en: "The input exceeds an importer's size or complexity limit.",
    },
  },
  "import/encoding": {
    defaultSeverity: "warning",
    description: {
      zh: "部分字节无法按声明的编码解码，或文字所用字体没有 Unicode 映射（PDF）。",
      en: "Some bytes could not be decoded in the declared encoding, or text uses a font without a Unicode map (PDF).",
    },
  },
  "import/embedded-report-invalid": {
    defaultSeverity: "warning",
    description: {
      zh: "页面内嵌的 gongkai 报告数据无效，已改为从页面内容识别报告。",
      en: "The gongkai report data embedded in the page is not valid; the report was read from the page's content instead.",
    },
  },
  "import/no-text-layer": {
    defaultSeverity: "warning",
    description: {
      zh: "PDF 的某些页没有文字层（如扫描图像），其内容无法读取。",
      en: "Some PDF pages have no text layer (a scan, say); what they show could not be read.",
    },
  },
};
