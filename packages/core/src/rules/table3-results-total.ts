import type { CoreRule } from "./emit";
import { checkTotals, type TotalWording } from "./sum-checks";
import { columnLabel } from "./table-cells";

const wording: TotalWording = {
  line: (report, column) => {
    const label = columnLabel(report, "table3", column);
    return { zh: `${label.zh}列`, en: `Column ${label.en}` };
  },
  parts: () => ({ zh: "各项办理结果", en: "the outcome items" }),
};

/**
 * `table3/results-total`: in every column of table 三, （七）总计 equals the sum of the outcome
 * items （一） to （六） (2019: （六） is one cell; 2021: its three items). The items are read
 * from the edition's sum relations.
 */
export const table3ResultsTotal: CoreRule = {
  run(context, emit) {
    checkTotals(context, emit, "table3/results-total", wording);
  },
};
