import type { CoreRule } from "./emit";
import { checkTotals, relationsOf, type TotalWording } from "./sum-checks";
import { columnLabel, rowLabel } from "./table-cells";

const wording: TotalWording = {
  line: (report, row) => rowLabel(report, "table4", row),
  parts: (report) => {
    const partKeys = relationsOf(report, "table4/group-total")[0]?.right ?? [];
    const partLabels = partKeys.map((key) => columnLabel(report, "table4", key));
    return {
      zh: partLabels.map((label) => label.zh).join("、"),
      en: partLabels.map((label) => label.en.toLowerCase()).join(", "),
    };
  },
};

/**
 * `table4/group-total`: in each group of table 四 (行政复议, 未经复议直接起诉, 复议后起诉), 总计
 * equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (read from the edition's sum relations).
 */
export const table4GroupTotal: CoreRule = {
  run(context, emit) {
    checkTotals(context, emit, "table4/group-total", wording);
  },
};
