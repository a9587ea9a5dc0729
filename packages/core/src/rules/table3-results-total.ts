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
 * items （一） to （六） (2019: （六） is one cell; 2021: its three items, or the group's own row
 * where the report prints （六） as one row and its items are not read). The items are read from
 * the report's sum relations (`reportSumRelations`).
 */
export const table3ResultsTotal: CoreRule = {
  id: "table3/results-total",
  defaultSeverity: "error",
  description: {
    zh: "表三各列的（七）总计应等于（一）至（六）各项办理结果之和。",
    en: "In every column of table 三, (7) Total equals the sum of the outcome items (1)–(6).",
  },
  run(context, emit) {
    checkTotals(context, emit, "table3/results-total", wording);
  },
};
