import { formatDate } from "../../format/format-date";
import { unreadReasonLabels } from "../../model/cell";
import type { TotalData } from "../../rules/sum-checks";
import type { ShownValue } from "../../rules/table-cells";
import type { BalanceTerm } from "../../rules/table3-balance";
import { agencyKindLabels } from "../../taxonomy/agency-kind";
import type { MessageFormat, RuleMessages } from "./localize";

/** A cell's value in a Chinese message. */
function value(shown: ShownValue): string {
  if (typeof shown === "number") return String(shown);
  return shown === "unread" ? "未读出" : shown === "notApplicable" ? "“/”" : "空白";
}

const tableNames = { table2: "表二", table3: "表三", table4: "表四" } as const;

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

/** The Chinese wording of every check rule's findings. */
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
};
