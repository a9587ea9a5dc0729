import { tableIds } from "../editions/editions";
import { reportRowsOf } from "../editions/group-rows";
import { tableRows } from "./effective-value";
import type { RuleDefinition } from "./rule";
import { cellLocation, columnLabel, readCell, referenceOf, rowLabel } from "./table-cells";

/**
 * `cell/invalid-value`: a number a column cannot hold: a negative number where the column is
 * not signed (only the 2019 本年增/减 is), or a fraction in a count column (money columns, such
 * as 采购总金额 and 本年收费金额, may have decimals). Checks tables 二, 三 and 四, a group printed as
 * one row included.
 */
export const cellInvalidValue: RuleDefinition = {
  id: "cell/invalid-value",
  defaultSeverity: "error",
  description: {
    zh: "单元格数值应合法：除“本年增/减”外不得为负数，件数不得为小数（金额可有小数）。",
    en: "Cell values are possible: no negatives except in a signed change column, no fractions in count columns (money may have decimals).",
  },
  run({ report }, emit) {
    for (const table of tableIds) {
      const rows = tableRows(report, table);
      if (rows === undefined) continue;
      for (const row of reportRowsOf(report, table)) {
        const cells = rows[row.key];
        if (cells === undefined) continue;
        for (const column of row.columns) {
          const cell = cells[column.key];
          if (cell?.kind !== "number") continue;
          const value = cell.value;
          const negative = value < 0 && !column.signed;
          const fraction = !Number.isInteger(value) && !column.money;
          if (!negative && !fraction) continue;
          const read = readCell(report, table, row.key, column.key);
          const where = {
            zh: `${rowLabel(report, table, row.key).zh}（${columnLabel(report, table, column.key).zh}）`,
            en: `${rowLabel(report, table, row.key).en} (${columnLabel(report, table, column.key).en})`,
          };
          const problem = negative
            ? { zh: "为负数，但该列不能为负", en: "is negative, but the column cannot be" }
            : { zh: "为小数，但该列是件数", en: "is a fraction, but the column is a count" };
          emit({
            message: {
              zh: `${where.zh}的值 ${value} ${problem.zh}${cell.raw === undefined ? "" : `（原文“${cell.raw}”）`}。`,
              en: `${where.en}: the value ${value} ${problem.en}${cell.raw === undefined ? "" : ` (source text "${cell.raw}")`}.`,
            },
            location: cellLocation(read),
            actual: value,
            cells: [referenceOf(read)],
          });
        }
      }
    }
  },
};
