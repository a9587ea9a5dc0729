import type { CoreRule } from "./emit";
import { checkTotals, type TotalData } from "./sum-checks";

/**
 * `table4/group-total`: in each group of table 四 (行政复议, 未经复议直接起诉, 复议后起诉), 总计
 * equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (read from the edition's sum relations).
 */
export const table4GroupTotal: CoreRule<TotalData> = {
  run(context, emit) {
    checkTotals(context, emit, "table4/group-total");
  },
};
