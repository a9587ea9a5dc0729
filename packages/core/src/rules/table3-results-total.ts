import type { CoreRule } from "./emit";
import { checkTotals, type TotalData } from "./sum-checks";

/**
 * `table3/results-total`: in every column of table 三, （七）总计 equals the sum of the outcome
 * items （一） to （六） (2019: （六） is one cell; 2021: its three items, or the group's own row
 * where the report prints （六） as one row and its items are not read). The items are read from
 * the report's sum relations (`reportSumRelations`).
 */
export const table3ResultsTotal: CoreRule<TotalData> = {
  run(context, emit) {
    checkTotals(context, emit, "table3/results-total");
  },
};
