import {
  type Cell,
  createReport,
  type EditionId,
  getCellLoose,
  getTableDefinition,
  type Report,
  setCell,
  type TableId,
} from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";

// A report built with core's helpers, printed as text in both flattened shapes of FORMAT.md §9,
// must import to the same cells either way.

function cellText(cell: Cell | undefined): string {
  if (!cell || cell.kind === "blank" || cell.kind === "unread") return "";
  if (cell.kind === "notApplicable") return "/";
  return `${cell.value}${cell.unit ?? ""}`;
}

interface PrintedRow {
  readonly cells: readonly string[];
}

/** The printed rows of one table: sub-table headings, header rows, and label + value rows. */
function printedRows(report: Report, table: TableId): PrintedRow[] {
  const definition = getTableDefinition(report.edition, table);
  const rows: PrintedRow[] = [];
  if (table === "table4") {
    rows.push({ cells: ["行政复议", "行政诉讼"] });
    rows.push({ cells: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"] });
    const values = definition.rows.flatMap((row) =>
      row.columns.map((column) => cellText(getCellLoose(report, { table, row: row.key, column: column.key }))),
    );
    rows.push({ cells: values });
    return rows;
  }
  if (table === "table3") {
    rows.push({ cells: ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"] });
    rows.push({ cells: ["自然人", "法人或其他组织", "总计"] });
    rows.push({ cells: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] });
  }
  let group = "";
  for (const row of definition.rows) {
    if (table === "table2" && row.groups[0]?.label !== group) {
      group = row.groups[0]?.label ?? "";
      rows.push({ cells: [group] });
      rows.push({ cells: ["信息内容", ...row.columns.map((column) => column.label)] });
    }
    const labels: string[] = [];
    if (table === "table3") {
      const innermost = row.groups[row.groups.length - 1]?.label ?? "";
      if (innermost !== group && row.groups.length > 0) labels.push(innermost);
      group = innermost;
    }
    labels.push(row.label);
    const values = row.columns.map((column) =>
      cellText(getCellLoose(report, { table, row: row.key, column: column.key })),
    );
    rows.push({ cells: [...labels, ...values] });
  }
  return rows;
}

function printed(report: Report, shape: "cellPerLine" | "rowPerLine"): string {
  const lines = [`某县统计局${report.meta.year}年政府信息公开工作年度报告`, "一、总体情况", "全年工作有序开展。"];
  const headings: Record<TableId, string> = {
    table2: "二、主动公开政府信息情况",
    table3: "三、收到和处理政府信息公开申请情况",
    table4: "四、政府信息公开行政复议、行政诉讼情况",
  };
  for (const table of ["table2", "table3", "table4"] as const) {
    lines.push(headings[table]);
    for (const row of printedRows(report, table)) {
      if (shape === "rowPerLine") lines.push(`${row.cells.join(" | ")} |`);
      else {
        // As the seed flattens: a lone "|" starts the row, each non-empty cell is "text |" on its
        // own line, empty cells are bare "|" glued to the next cell's line (or, at the row's end, to
        // the last line), and the row is padded with "||".
        lines.push("|");
        let pending = "";
        for (const cell of row.cells) {
          if (cell === "") pending += "|";
          else {
            lines.push(`${pending}${cell} |`);
            pending = "";
          }
        }
        lines[lines.length - 1] += ` ${pending}||`;
      }
    }
  }
  lines.push("五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。");
  return lines.join("\n");
}

function sampleReport(edition: EditionId): Report {
  const report = createReport({
    edition,
    year: edition === "2019" ? 2020 : 2023,
    agency: { name: "某县统计局", kind: "department" },
  });
  let counter = 0;
  for (const table of ["table2", "table3", "table4"] as const) {
    for (const row of getTableDefinition(edition, table).rows) {
      for (const column of row.columns) {
        counter += 1;
        const address = { table, row: row.key, column: column.key } as Parameters<typeof setCell>[1];
        if (counter % 11 === 0) continue; // blank
        if (counter % 13 === 0) setCell(report, address, "n/a");
        else if (column.money) setCell(report, address, { kind: "number", value: counter + 0.25, unit: "万元" });
        else if (column.signed) setCell(report, address, -counter);
        else setCell(report, address, counter % 7 === 0 ? 0 : counter);
      }
    }
  }
  return report;
}

function cellsOf(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of ["table2", "table3", "table4"] as const) {
    for (const row of getTableDefinition(report.edition, table).rows) {
      for (const column of row.columns) {
        out[`${table}/${row.key}/${column.key}`] = cellText(
          getCellLoose(report, { table, row: row.key, column: column.key }),
        );
      }
    }
  }
  return out;
}

describe.each(["2019", "2021"] as const)("round trip through text, %s edition", (edition) => {
  const original = sampleReport(edition);

  it.each(["cellPerLine", "rowPerLine"] as const)("reads back every cell from the %s shape", (shape) => {
    const { report, diagnostics } = fromText(printed(original, shape));
    expect(report.edition).toBe(edition);
    expect(report.meta.year).toBe(original.meta.year);
    expect(report.meta.agency).toEqual({ name: "某县统计局", kind: "department", kindInferred: true });
    expect(cellsOf(report)).toEqual(cellsOf(original));
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(["import/meta-missing"]); // no published date
  });

  it("reads the same cells, with the same raw text, from both shapes", () => {
    const a = fromText(printed(original, "cellPerLine")).report;
    const b = fromText(printed(original, "rowPerLine")).report;
    const strip = (report: Report) =>
      JSON.parse(JSON.stringify(report.tables, (key, value) => (key === "source" ? undefined : value))) as unknown;
    expect(strip(a)).toEqual(strip(b));
  });
});
