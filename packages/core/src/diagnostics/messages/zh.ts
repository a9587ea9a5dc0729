import { formatDate } from "../../format/format-date";
import { unreadReasonLabels } from "../../model/cell";
import type { TotalData } from "../../rules/sum-checks";
import type { ShownValue } from "../../rules/table-cells";
import type { BalanceTerm } from "../../rules/table3-balance";
import { agencyKindLabels } from "../../taxonomy/agency-kind";
import type { MessageDataOf } from "../diagnostic-registry";
import { runTogetherCount, splitsListed } from "./import-wording";
import type { MessageFormat, RuleMessages } from "./localize";

/** A cell's value in a Chinese message. */
function value(shown: ShownValue): string {
  if (typeof shown === "number") return String(shown);
  return shown === "unread" ? "未读出" : shown === "notApplicable" ? "“/”" : "空白";
}

const tableNames = { table2: "表二", table3: "表三", table4: "表四" } as const;

/** The tables' full names, as the importer findings name them. */
const tableTitles = {
  table2: "表二（主动公开政府信息情况）",
  table3: "表三（收到和处理政府信息公开申请情况）",
  table4: "表四（行政复议、行政诉讼情况）",
} as const;

/** Why the text is taken to stop early, as the truncation finding says it. */
function truncationReason(data: MessageDataOf<"import/truncated">): string {
  switch (data.reason) {
    case "tableIncomplete":
      return `${tableTitles[data.table]}未完`;
    case "partHeadingCut":
      return "部分标题不完整";
    case "midSentence":
      return "最后一段话没有结束";
    case "emptyLastPart":
      return "最后一个部分标题之后没有内容";
    case "onlyOverview":
      return "文本停在第一部分（总体情况）之内";
  }
}

/** A limit an importer met, as the limit finding says it. */
function limitExceeded(data: MessageDataOf<"import/limit-exceeded">): string {
  switch (data.kind) {
    case "textRun":
      return `一段文字超过 ${data.max} 个字符，未在其中查找表格。`;
    case "tableLabels":
      return `一段文字中找到超过 ${data.max} 个表格标签，其余未读取。`;
    case "tableTokens":
      return `表格内容超过 ${data.max} 个单元格或文字片段，其余未读取。`;
    case "rowCells":
      return `表格一行有 ${data.cells} 个单元格，仅读取前 ${data.max} 个。`;
    case "textRowCells":
      return `表格一行有 ${data.cells} 个单元格，仅保留前 ${data.max} 个。`;
    case "runTogether":
      return `“${data.row}”行连在一起的数字超过 ${data.max} 个字符，未拆分，记为未读出。`;
    case "pageBlocks":
      return `网页超过 ${data.max} 个段落和表格的上限，其后的内容未导入。`;
    case "tableSlots":
      return `表格超过单元格数量上限（${data.option} = ${data.budget}），只导入了前 ${data.rows} 行。`;
    case "tableColumns":
      return `表格超过 ${data.max} 列，超出部分的单元格未导入。`;
    case "textTableRows":
      return `表格超过 ${data.max} 行，其余各行未读取。`;
    case "findingsPerRule":
      return `“${data.ruleId}”类问题共 ${data.count} 处，仅列出前 ${data.max} 处。`;
  }
}

/** An encoding problem, as the encoding finding says it. */
function encodingProblem(data: MessageDataOf<"import/encoding">): string {
  switch (data.kind) {
    case "undecodable":
      return `第 ${data.line} 行第 ${data.column} 列有 ${data.sequences} 处字节无法按 ${data.encoding} 解码，已替换为 U+FFFD。`;
    case "moreUndecodable":
      return `另有 ${data.more} 处无法按 ${data.encoding} 解码的字节（共 ${data.characters} 个替换字符）。`;
    case "unsupportedLabel":
      return `不支持指定的编码“${data.label}”，改按文件声明或自动识别的编码解码。`;
    case "guessed":
      return `输入未声明编码且不是有效的 UTF-8，已按 ${data.encoding.toUpperCase()} 解码。`;
    case "invalidUtf8Part":
      return `${data.part} 中有不是有效 UTF-8 的字节，已替换为 U+FFFD。`;
    case "unmappedFont":
      return `第 ${data.pages.join(", ")} 页有文字使用了没有 Unicode 映射的字体，这些文字无法读取。`;
    case "fontNotLoaded":
      return `第 ${data.pages.join(", ")} 页有文字所用的字体无法载入（缺少字体未嵌入时所需的 CMap 或字体数据；在浏览器中请设置 cMapUrl），这些文字无法读取。`;
  }
}

/** A total rule's wording, given how it names its line and its parts. */
function totals(line: (data: TotalData) => string, parts: (data: TotalData) => string): MessageFormat<TotalData> {
  return {
    message: (data) =>
      typeof data.shown === "number"
        ? `${line(data)}的${data.total.zh}为 ${data.shown}，但${parts(data)}之和为 ${data.expected}${data.anyPart ? "" : "（各项均为空白）"}。`
        : `${line(data)}的${data.total.zh}为${value(data.shown)}，应为${parts(data)}之和 ${data.expected}。`,
    fix: (data) => `将${data.total.zh}填为 ${data.expected}。`,
  };
}

/** A balance term: its label and how it was read, e.g. `一、本年新收政府信息公开申请数量（49）`. */
function term({ label, shown }: BalanceTerm): string {
  const read =
    shown.kind === "number"
      ? String(shown.value)
      : shown.kind === "blankTotal"
        ? shown.sameAxis
          ? `空白，按各项办理结果之和计为 ${shown.sum}`
          : `空白，按本行各列之和计为 ${shown.sum}`
        : `${value(shown.value)}，按0计`;
  return `${label.zh}（${read}）`;
}

/** The Chinese wording of every finding: check rules', importers' and check()'s own. */
export const zh: RuleMessages = {
  "table3/balance": {
    message: (data) =>
      `${data.column.zh}列不平衡：${data.left.map(term).join("加")}之和为 ${data.leftSum}，不等于${data.right.map(term).join("加")}之和 ${data.rightSum}。`,
    fix: (data) => `若其他各项无误，${data.last.zh}应为 ${data.balancing}（当前为${value(data.lastShown)}）。`,
  },
  "table3/results-total": totals(
    (data) => `${data.line.zh}列`,
    () => "各项办理结果",
  ),
  "table3/row-total": totals(
    (data) => `“${data.line.zh}”行`,
    () => "自然人与法人或其他组织各列",
  ),
  "table4/group-total": totals(
    (data) => data.line.zh,
    (data) => data.parts.map((part) => part.zh).join("、"),
  ),
  "cross-year/prior-mismatch": {
    message: ({ agency, year }) => {
      const reasons: string[] = [];
      if (agency) reasons.push(`上年报告的机关为“${agency.prior}”，本报告为“${agency.current}”`);
      if (year) reasons.push(`上年报告是${year.prior}年的，不是本报告（${year.current}年）的上一年`);
      return `${reasons.join("；")}，未进行跨年度核对（上年结转、现行有效件数）。`;
    },
  },
  "cross-year/carry-over": {
    message: (data) =>
      `${data.column.zh}列：本年${data.thisRow.zh}为${value(data.current)}，而${data.priorYear}年报告的${data.priorRow.zh}为${value(data.last)}，两者应一致。`,
    fix: (data) => `若上年报告无误，本年${data.thisRow.zh}（${data.column.zh}）应为 ${value(data.last)}。`,
  },
  "cross-year/valid-documents": {
    message: (data) =>
      `${data.row.zh}：上年现行有效 ${data.lastValid} 件，加本年制发 ${value(data.made)}、减本年废止 ${value(data.repealed)}，应为 ${data.expected} 件，但本年现行有效件数为 ${data.valid}。文件也可能因有效期届满等原因失效，如属此种情况请在报告中说明。`,
  },
  "narrative/number-mismatch": {
    message: (data) => {
      const cells = data.targets
        .map((target) => `${tableNames[target.table]}“${target.row.zh}”的${target.column.zh}`)
        .join("与");
      return `正文称“${data.phrase}”，但${cells}${data.targets.length > 1 ? "之和" : ""}为 ${data.tableValue}${data.computed ? "（总计为空白，按各项之和计）" : ""}。`;
    },
  },
  "meta/deadline": {
    message: (data) =>
      data.kind === "invalidDeadline"
        ? `配置的${agencyKindLabels[data.agencyKind].zh}发布期限“${data.value}”不是有效的“月-日”日期，未核对发布期限。`
        : `报告发布于${formatDate(data.publishedDate, "zh")}，晚于《条例》第四十九条规定的${agencyKindLabels[data.agencyKind].zh}发布期限${formatDate(data.deadline, "zh")}，逾期${data.days}天。${data.inferred ? "机关类型系推断所得，如有误请更正类型。" : ""}`,
  },
  "meta/edition-mismatch": {
    message: (data) =>
      `${data.year}年度报告应采用${data.expectedDocument}印发的格式（${data.expected}版），但本报告采用的是${data.usedDocument}印发的格式（${data.used}版）。`,
  },
  "structure/missing-part": {
    message: (data) => `报告缺少“${data.label}”部分。`,
  },
  "structure/part-numbering": {
    message: (data) =>
      `“${data.heading}”部分的序号为“${data.numeral}”，应为“${data.expected}”（${data.label}）${data.others > 0 ? `；报告中另有 ${data.others} 个部分也编为“${data.numeral}”` : ""}。`,
    fix: (data) => `将该部分改为“${data.label}”。`,
  },
  "structure/empty-table": {
    message: (data) =>
      data.allEmpty
        ? `“${data.title}”表全部空白：报告的统计表都还没有填写。`
        : `“${data.title}”表全部空白；如确无数据，请填 0。`,
  },
  "cell/invalid-value": {
    message: (data) =>
      `${data.row.zh}（${data.column.zh}）的值 ${data.value} ${data.problem === "negative" ? "为负数，但该列不能为负" : "为小数，但该列是件数"}${data.raw === undefined ? "" : `（原文“${data.raw}”）`}。`,
  },
  "coverage/unverifiable": {
    message: (data) => {
      const list = data.skipped.map((entry) => `${entry.ruleId} ${entry.count} 项`).join("、");
      const why = data.reasons
        .map((reason) => (reason === "tableAbsent" ? "报告中没有该表" : unreadReasonLabels[reason].zh))
        .join("；");
      return data.absent
        ? `${tableNames[data.table]}未核对（${why}），其 ${data.total} 项勾稽关系未核对：${list}。`
        : `${tableNames[data.table]}有 ${data.unreadCells} 个单元格未读出（${why}），读取这些单元格的 ${data.total} 项勾稽关系未核对：${list}。`;
    },
  },
  "import/unreadable-value": {
    message: (data) => `“${data.row}”行“${data.column}”列的内容“${data.text}”不是数字，记为未读出。`,
  },
  "import/run-together": {
    message: (data) => {
      if (data.count === 0)
        return `“${data.row}”行的数字“${data.text}”连在一起，无法拆成 ${data.columns} 个数，记为未读出。`;
      const { listed, more } = splitsListed(data);
      return `“${data.row}”行的数字“${data.text}”连在一起，可拆成 ${runTogetherCount(data.count)} 种方式（如 ${listed.join("；")}${more > 0 ? ` 等，另有 ${more} 种` : ""}），记为未读出，保留各种拆分。`;
    },
  },
  "import/split-digits": {
    message: (data) => `“${data.row}”行的数字“${data.text}”连在一起，只有一种拆分方式：${data.split.join(" | ")}。`,
  },
  "import/column-count": {
    message: (data) =>
      data.unit === "values"
        ? `“${data.row}”行有 ${data.found} 个数值，该行应有 ${data.columns} 列，无法对应，记为未读出。`
        : `“${data.row}”行有 ${data.found} 个单元格，该行应有 ${data.columns} 列，无法确定对应关系，记为未读出。`,
  },
  "import/missing-row": {
    message: (data) => `表格中找不到“${data.label}”行，该行记为未读出。`,
  },
  "import/unknown-row": {
    message: (data) => `表格中的“${data.label}”行对应不到该格式的任何一行，未导入。`,
  },
  "import/group-as-row": {
    message: (data) =>
      `表格把“${data.label}”印成一行（${data.values.join(" | ")}），没有印出其下的 ${data.items} 项；${data.kept ? "该行的数值作为该组的合计导入并计入总计，其下各项记为未读出" : "这些项记为未读出，该行的数值未导入"}。`,
  },
  "import/missing-table": {
    message: (data) => `报告中找不到${tableTitles[data.table]}。`,
  },
  "import/truncated": {
    message: (data) => `文本在第 ${data.line} 行中断（${truncationReason(data)}），此后的内容未能导入。`,
  },
  "import/meta-missing": {
    message: (data) => {
      switch (data.kind) {
        case "agencySpam":
          return `机关名称中夹有疑似注入的垃圾文字（“${data.raw}”），已去除，名称可能不完整。`;
        case "agencyName":
          return "找不到机关名称。";
        case "year":
          return "找不到报告年度。";
        case "yearInferred":
          return `标题中没有报告年度，按${data.from === "mention" ? "正文中出现最多的年份" : "发布日期的前一年"}推定为 ${data.year}。`;
        case "publishedDate":
          return "找不到发布日期。";
      }
    },
  },
  "import/edition-inferred": {
    message: (data) => `报告中没有可判断格式版本的表格标签，按报告年度推定为 ${data.edition} 年版。`,
  },
  "import/limit-exceeded": { message: limitExceeded },
  "import/encoding": { message: encodingProblem },
  "import/embedded-report-invalid": {
    message: (data) =>
      `网页内嵌的报告数据无效（${data.kind === "json" ? `不是有效的 JSON：${data.detail}` : `不符合报告结构：${data.problems}`}），改为从网页内容识别报告。`,
  },
  "import/no-text-layer": {
    message: (data) => `第 ${data.pages.join(", ")} 页没有文字层（可能是扫描图像），其内容未能读取。`,
  },
  "internal/rule-failed": {
    message: (data) => `规则 ${data.rule} 无法检查此报告：${data.error}`,
  },
};
