import { type CellInput, createReport, getTableDefinition, type Report, setCell, type TableId } from "@gongkai/core";

/**
 * A value for every cell, different from its neighbours, with blanks, zeros and "/" among them,
 * so a cell read from the wrong slot cannot go unnoticed.
 */
function fill(report: Report, table: TableId, seed: number): void {
  const definition = getTableDefinition(report.edition, table);
  definition.rows.forEach((row, rowIndex) => {
    row.columns.forEach((column, columnIndex) => {
      const n = seed + rowIndex * 17 + columnIndex * 5;
      let value: CellInput = n;
      if (n % 7 === 0) value = "blank";
      else if (n % 11 === 0) value = 0;
      else if (n % 13 === 0 && !column.derived) value = "n/a";
      else if (column.signed && n % 2 === 0) value = -n;
      else if (column.money) value = { kind: "number", value: n + 0.25, unit: "万元" };
      setCell(report, { table, row: row.key, column: column.key } as never, value);
    });
  });
}

/** A 2019-edition report (for 2020) with every cell filled as {@link fill} says, and some prose. */
export function modelReport2019(): Report {
  const report = createReport({
    edition: "2019",
    year: 2020,
    agency: { name: "上海市某区人民政府办公室", kind: "department" },
  });
  report.meta.publishedDate = "2021-01-29";
  fill(report, "table2", 3);
  fill(report, "table3", 1);
  fill(report, "table4", 2);
  const overview = report.parts[0];
  if (overview) {
    overview.blocks = [
      { type: "subheading", text: "（一）主动公开" },
      { type: "paragraph", text: "全年主动公开政府信息1200条，其中规章3件。" },
    ];
  }
  const other = report.parts[5];
  if (other) other.blocks = [{ type: "paragraph", text: "无。" }];
  return report;
}

/** A 2021-edition report (for 2024) filled the same way. */
export function modelReport2021(): Report {
  const report = createReport({
    edition: "2021",
    year: 2024,
    agency: { name: "某县统计局", kind: "department" },
  });
  report.meta.publishedDate = "2025-01-20";
  fill(report, "table2", 5);
  fill(report, "table3", 2);
  fill(report, "table4", 4);
  const problems = report.parts[4];
  if (problems) problems.blocks = [{ type: "paragraph", text: "一是公开内容不够全面；二是解读形式较为单一。" }];
  return report;
}
