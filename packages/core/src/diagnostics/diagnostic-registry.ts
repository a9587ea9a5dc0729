import { repositoryRuleDocsUrl } from "../repository";
import { cellInvalidValue } from "../rules/cell-invalid-value";
import { coverageUnverifiable } from "../rules/coverage-unverifiable";
import { crossYearCarryOver } from "../rules/cross-year-carry-over";
import { crossYearPriorMismatch } from "../rules/cross-year-prior-mismatch";
import { crossYearValidDocuments } from "../rules/cross-year-valid-documents";
import type { CoreRule } from "../rules/emit";
import { metaDeadline } from "../rules/meta-deadline";
import { metaEditionMismatch } from "../rules/meta-edition-mismatch";
import { narrativeNumberMismatch } from "../rules/narrative-number-mismatch";
import { structureEmptyTable } from "../rules/structure-empty-table";
import { structureMissingPart } from "../rules/structure-missing-part";
import { structurePartNumbering } from "../rules/structure-part-numbering";
import { table3Balance } from "../rules/table3-balance";
import { table3ResultsTotal } from "../rules/table3-results-total";
import { table3RowTotal } from "../rules/table3-row-total";
import { table4GroupTotal } from "../rules/table4-group-total";
import type { LocalizedText, Severity } from "./diagnostic";
import type { ImportFindingData, RuleFailedData } from "./import-finding-data";

/**
 * Where a diagnostic comes from: `check` (a rule `check()` runs), `import` (an importer, about
 * what it could not read) or `internal` (gongkai itself, e.g. a rule that failed).
 */
export const diagnosticOrigins = ["check", "import", "internal"] as const;

/** Where a diagnostic comes from: `check`, `import` or `internal`. */
export type DiagnosticOrigin = (typeof diagnosticOrigins)[number];

/** One registry entry as written below: what a diagnostic id means, and for a check rule its code. */
interface RegistryEntry {
  readonly origin: DiagnosticOrigin;
  readonly defaultSeverity: Severity;
  readonly description: LocalizedText;
  /** The rule `check()` runs (check ids only). */
  readonly rule?: CoreRule<unknown>;
}

/**
 * Every diagnostic id gongkai reports, the one place ids are written: check rules in the order
 * `check()` runs them, then importer findings, then internal ones. Ids are never renamed, only
 * deprecated. To add a rule: one entry here and one rule file (see the core README, "Adding a rule").
 */
const registry = {
  "table3/balance": {
    origin: "check",
    defaultSeverity: "error",
    description: {
      zh: "表三各列应满足表中印明的勾稽关系：第一项加第二项之和，等于第三项（七）总计加第四项之和。",
      en: "Every column of table 三 satisfies the printed rule: items 一 + 二 = (7) Total + item 四.",
    },
    rule: table3Balance,
  },
  "table3/results-total": {
    origin: "check",
    defaultSeverity: "error",
    description: {
      zh: "表三各列的（七）总计应等于（一）至（六）各项办理结果之和。",
      en: "In every column of table 三, (7) Total equals the sum of the outcome items (1)–(6).",
    },
    rule: table3ResultsTotal,
  },
  "table3/row-total": {
    origin: "check",
    defaultSeverity: "error",
    description: {
      zh: "表三每一行的总计列应等于自然人与法人或其他组织五列之和。",
      en: "On every row of table 三, the Total column equals natural persons plus the five legal-person columns.",
    },
    rule: table3RowTotal,
  },
  "table4/group-total": {
    origin: "check",
    defaultSeverity: "error",
    description: {
      zh: "表四每组的总计应等于结果维持、结果纠正、其他结果、尚未审结四项之和。",
      en: "In each group of table 四, Total equals upheld + corrected + other results + pending.",
    },
    rule: table4GroupTotal,
  },
  "cross-year/prior-mismatch": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "用于跨年度核对的上年报告应是同一机关上一年度的报告；否则不进行跨年度核对。",
      en: "The prior report given for cross-year checks is the same agency's report for the previous year; otherwise they are not run.",
    },
    rule: crossYearPriorMismatch,
  },
  "cross-year/carry-over": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "本年“上年结转”应与上年报告的“结转下年度继续办理”逐列一致（通行做法，未见正式规定）。",
      en: "This year's carried-over requests equal last year's carried-forward requests, column by column (common practice; no official text).",
    },
    rule: crossYearCarryOver,
  },
  "cross-year/valid-documents": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "上年现行有效件数加本年制发件数减本年废止件数，一般应等于本年现行有效件数（文件也可能自然失效）。",
      en: "Last year's documents in force + issued − repealed this year is expected to equal this year's documents in force (documents can also lapse).",
    },
    rule: crossYearValidDocuments,
  },
  "narrative/number-mismatch": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "正文中陈述的数字（如收到申请件数、行政复议件数）应与表格中对应的数字一致。",
      en: "Counts stated in the text (requests received, reconsiderations, …) equal the table cells they describe.",
    },
    rule: narrativeNumberMismatch,
  },
  "meta/deadline": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "报告应在《条例》第四十九条规定的期限前发布（部门1月31日，县级以上人民政府3月31日）。",
      en: "The report is published by its Article 49 deadline (departments 31 January, people's governments 31 March).",
    },
    rule: metaDeadline,
  },
  "meta/edition-mismatch": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "报告采用的格式版本应与报告年度相符（2019、2020年度用2019年试行格式，2021年度起用2021年格式）。",
      en: "The report uses the format edition for its year (2019 trial edition for 2019–2020, 2021 edition from 2021).",
    },
    rule: metaEditionMismatch,
  },
  "structure/missing-part": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "报告应包含格式规定的六个部分。",
      en: "The report has all six parts of the format.",
    },
    rule: structureMissingPart,
  },
  "structure/part-numbering": {
    origin: "check",
    defaultSeverity: "warning",
    description: {
      zh: "各部分的序号应与其内容和位置相符（不应出现两个“五”或跳过“四”）。",
      en: "Each part's printed numeral matches its content and position (no two parts numbered 五, no skipped 四).",
    },
    rule: structurePartNumbering,
  },
  "structure/empty-table": {
    origin: "check",
    defaultSeverity: "error",
    description: {
      zh: "统计表不应全部空白（未填写的模板不是报告）。",
      en: "No statistics table is entirely blank (an unfilled template is not a report).",
    },
    rule: structureEmptyTable,
  },
  "cell/invalid-value": {
    origin: "check",
    defaultSeverity: "error",
    description: {
      zh: "单元格数值应合法：除“本年增/减”外不得为负数，件数不得为小数（金额可有小数）。",
      en: "Cell values are possible: no negatives except in a signed change column, no fractions in count columns (money may have decimals).",
    },
    rule: cellInvalidValue,
  },
  "coverage/unverifiable": {
    origin: "check",
    defaultSeverity: "info",
    description: {
      zh: "说明哪些勾稽关系因单元格未读出或表格缺失而未能核对（每表至多一条）。",
      en: "Says which sum relations could not be checked because a cell was not read or the table is absent (at most one per table).",
    },
    rule: coverageUnverifiable,
  },
  "import/unreadable-value": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "单元格内容无法识别为数字、空白或“/”，记为未读出（illegible），保留原文。",
      en: "A cell's text is not a number, blank or '/'; imported as unread (illegible), keeping the text.",
    },
  },
  "import/run-together": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "一行的数字连在一起且拆分方式不唯一，该行记为未读出（runTogether），各单元格保留可能的拆分值。",
      en: "A row's digits ran together and can be split more than one way; the row is imported as unread (runTogether), each cell keeping its value in every candidate split.",
    },
  },
  "import/split-digits": {
    origin: "import",
    defaultSeverity: "info",
    description: {
      zh: "一行的数字连在一起，但只有一种拆分方式，已按该方式拆分。",
      en: "A row's digits ran together but split only one way; that split was used.",
    },
  },
  "import/column-count": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "一行的数值个数与该表的列数不符，无法确定对应关系的单元格记为未读出（unplaced）。",
      en: "A row has a number of values that does not fit the table's columns; cells that cannot be placed are imported as unread (unplaced).",
    },
  },
  "import/missing-row": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "表格中找不到该格式应有的一行，该行记为未读出（rowNotFound）。",
      en: "A row the edition prints was not found in the table; its cells are imported as unread (rowNotFound).",
    },
  },
  "import/unknown-row": {
    origin: "import",
    defaultSeverity: "info",
    description: { zh: "表格中有一行无法对应到该格式的任何一行。", en: "A table row matches no row of the edition." },
  },
  "import/group-as-row": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "表格把一组（如 2021 年版的“（六）其他处理”）印成一行，没有印出其下各项：该行的数值作为该组的合计导入（各项之和由它代替，计入总计），各项记为未读出（rowNotFound）。版本数据未允许印成一行的组，其数值只保留在发现中。",
      en: "The table prints a row group (such as the 2021 edition's (6) Other handling) as one row without its items: the row's values are imported as the group's total (standing for its items in every sum, so counted in the total), and the items as unread (rowNotFound). For a group the edition data does not let a report print as one row, the values are only kept in the finding.",
    },
  },
  "import/missing-table": {
    origin: "import",
    defaultSeverity: "warning",
    description: { zh: "报告中找不到该表格。", en: "The table was not found in the report." },
  },
  "import/truncated": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "文本在报告结束前中断，此后的内容未能导入。",
      en: "The text stops before the report ends; what follows was not imported.",
    },
  },
  "import/meta-missing": {
    origin: "import",
    defaultSeverity: "info",
    description: {
      zh: "找不到机关名称、报告年度或发布日期。",
      en: "The agency name, report year or published date was not found.",
    },
  },
  "import/edition-inferred": {
    origin: "import",
    defaultSeverity: "info",
    description: {
      zh: "报告中没有可判断格式版本的表格，版本按报告年度推定。",
      en: "No table showed the format edition; it was inferred from the report year.",
    },
  },
  "import/limit-exceeded": {
    origin: "import",
    defaultSeverity: "error",
    description: {
      zh: "输入超出导入器的大小或复杂度上限。",
      en: "The input exceeds an importer's size or complexity limit.",
    },
  },
  "import/encoding": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "部分字节无法按声明的编码解码，或文字所用字体没有 Unicode 映射（PDF）。",
      en: "Some bytes could not be decoded in the declared encoding, or text uses a font without a Unicode map (PDF).",
    },
  },
  "import/embedded-report-invalid": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "页面内嵌的 gongkai 报告数据无效，已改为从页面内容识别报告。",
      en: "The gongkai report data embedded in the page is not valid; the report was read from the page's content instead.",
    },
  },
  "import/no-text-layer": {
    origin: "import",
    defaultSeverity: "warning",
    description: {
      zh: "PDF 的某些页没有文字层（如扫描图像），其内容无法读取。",
      en: "Some PDF pages have no text layer (a scan, say); what they show could not be read.",
    },
  },
  "internal/rule-failed": {
    origin: "internal",
    defaultSeverity: "error",
    description: {
      zh: "某条规则在检查此报告时出错；请报告此问题。",
      en: "A rule failed while checking this report; please report it.",
    },
  },
} satisfies Record<string, RegistryEntry>;

type Registry = typeof registry;

/** The id of any diagnostic gongkai reports: a check rule's, an importer finding's or an internal one. */
export type DiagnosticRuleId = keyof Registry;

/** The ids of the registry whose origin is `Origin`. */
type IdsOf<Origin extends DiagnosticOrigin> = {
  [Id in DiagnosticRuleId]: Registry[Id]["origin"] extends Origin ? Id : never;
}[DiagnosticRuleId];

/** The id of a rule `check()` runs. */
export type RuleId = IdsOf<"check">;

/** The id of an importer finding (what an importer could not read). */
export type ImportRuleId = IdsOf<"import">;

/** The id of a diagnostic gongkai makes about itself (a rule that failed). */
export type InternalRuleId = IdsOf<"internal">;

/**
 * What the findings of `Id` carry for their wording: for a check rule, the `data` its rule emits;
 * for an importer finding, {@link ImportFindingData}; for `internal/rule-failed`, the rule and its error.
 */
export type MessageDataOf<Id extends DiagnosticRuleId> = Id extends RuleId
  ? Registry[Id] extends { readonly rule: CoreRule<infer Data> }
    ? Data
    : never
  : Id extends ImportRuleId
    ? ImportFindingData[Id]
    : RuleFailedData;

/** What the registry says about one diagnostic id. */
export interface DiagnosticInfo<Id extends DiagnosticRuleId = DiagnosticRuleId> {
  /** The stable id, e.g. `table3/balance` or `import/run-together`. */
  readonly id: Id;
  /** Where diagnostics with this id come from. */
  readonly origin: DiagnosticOrigin;
  /** The severity used unless a configuration overrides it. */
  readonly defaultSeverity: Severity;
  /** One line on what the rule checks or the finding means. */
  readonly description: LocalizedText;
  /** The page that documents it. */
  readonly docsUrl: string;
}

/**
 * Where each rule's documentation page lives: the `docs/rules` folder (also shipped in the
 * package), as pages of the repository the root package.json names.
 */
export const ruleDocsBaseUrl: string = repositoryRuleDocsUrl;

/** The documentation URL of a rule, e.g. `…/docs/rules/table3-balance.md`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${ruleDocsBaseUrl}${ruleId.replaceAll("/", "-")}.md`;
}

/** Where each origin's ids are documented, for the ids without a page of their own. */
const originDocsUrls: Readonly<Record<Exclude<DiagnosticOrigin, "check">, string>> = {
  import: "https://www.npmjs.com/package/@gongkai/recognize#importer-findings",
  internal: "https://www.npmjs.com/package/@gongkai/core",
};

const registryEntries = Object.entries(registry) as [DiagnosticRuleId, RegistryEntry][];

/** The ids of `origin`, in registry order. */
function idsOf<Origin extends DiagnosticOrigin>(origin: Origin): readonly IdsOf<Origin>[] {
  return registryEntries.filter(([, entry]) => entry.origin === origin).map(([id]) => id as IdsOf<Origin>);
}

/** Every diagnostic id, in registry order: check rules, importer findings, internal. */
export const diagnosticRuleIds: readonly DiagnosticRuleId[] = registryEntries.map(([id]) => id);

/** The ids of the rules `check()` runs, in the order it runs them. Ids are never renamed, only deprecated. */
export const ruleIds: readonly RuleId[] = idsOf("check");

/**
 * The ids of the findings importers make about what they could not read. Ids are never renamed,
 * only deprecated.
 */
export const importRuleIds: readonly ImportRuleId[] = idsOf("import");

/** The ids of the diagnostics gongkai makes about itself. */
export const internalRuleIds: readonly InternalRuleId[] = idsOf("internal");

/** The rule id of the error `check()` reports when a rule itself fails on unexpected input. */
export const internalRuleFailedId = "internal/rule-failed" satisfies InternalRuleId;

/**
 * The diagnostics registry: for every id, its origin, default severity, description and
 * documentation page. Every package reads ids and severities from here.
 *
 * @example
 * diagnosticRegistry["import/run-together"].defaultSeverity; // "warning"
 */
export const diagnosticRegistry: { readonly [Id in DiagnosticRuleId]: DiagnosticInfo<Id> } = Object.fromEntries(
  registryEntries.map(([id, entry]) => [
    id,
    {
      id,
      origin: entry.origin,
      defaultSeverity: entry.defaultSeverity,
      description: entry.description,
      docsUrl: entry.origin === "check" ? ruleDocsUrl(id) : originDocsUrls[entry.origin],
    },
  ]),
) as { readonly [Id in DiagnosticRuleId]: DiagnosticInfo<Id> };

/** Whether `value` is a diagnostic id of this version's registry. */
export function isDiagnosticRuleId(value: unknown): value is DiagnosticRuleId {
  return typeof value === "string" && Object.hasOwn(registry, value);
}

/** The rules `check()` runs, in order: each id with its code, default severity and docs URL (internal to core). */
export const checkRules: readonly {
  readonly id: RuleId;
  readonly rule: CoreRule<unknown>;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
}[] = ruleIds.map((id) => ({
  id,
  rule: (registry[id] as RegistryEntry).rule as CoreRule<unknown>,
  defaultSeverity: diagnosticRegistry[id].defaultSeverity,
  docsUrl: diagnosticRegistry[id].docsUrl,
}));
