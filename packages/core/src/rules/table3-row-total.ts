import type { CoreRule } from "./emit";
import { checkTotals, type TotalData } from "./sum-checks";

/**
 * `table3/row-total`: on every row of table 三, the 总计 column equals 自然人 plus the five
 * 法人或其他组织 columns (read from the edition's sum relations).
 */
export const table3RowTotal: CoreRule<TotalData> = {
  run(context, emit) {
    checkTotals(context, emit, "table3/row-total");
  },
};
