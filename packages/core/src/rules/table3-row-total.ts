import type { CoreRule } from "./emit";
import { checkTotals, type TotalWording } from "./sum-checks";
import { rowLabel } from "./table-cells";

const wording: TotalWording = {
  line: (report, row) => {
    const label = rowLabel(report, "table3", row);
    return { zh: `“${label.zh}”行`, en: `Row "${label.en}"` };
  },
  parts: () => ({ zh: "自然人与法人或其他组织各列", en: "the natural-person and legal-person columns" }),
};

/**
 * `table3/row-total`: on every row of table 三, the 总计 column equals 自然人 plus the five
 * 法人或其他组织 columns (read from the edition's sum relations).
 */
export const table3RowTotal: CoreRule = {
  run(context, emit) {
    checkTotals(context, emit, "table3/row-total", wording);
  },
};
