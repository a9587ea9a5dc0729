import { editions, getCellLoose, type LooseCellAddress, type Report } from "@gongkai/core";
import { fullReport, groupAsRowReport, seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { cellWithText, docxPart, type MergedCell, mergedCells, tablesOf, type XmlTable } from "../test/docx-xml";
import { toDocx } from "./index";

interface TreeNode {
  readonly code: string;
  readonly label: string;
  readonly children?: readonly TreeNode[];
}

const leafCount = (node: TreeNode): number =>
  node.children ? node.children.reduce((sum, child) => sum + leafCount(child), 0) : 1;
const depth = (node: TreeNode): number => (node.children ? 1 + Math.max(...node.children.map(depth)) : 1);

/** Number formatting as the renderer promises it: the value, its unit, nothing for blank, / for n/a. */
function expectedText(report: Report, address: LooseCellAddress, printedUnit?: string): string {
  const cell = getCellLoose(report, address);
  if (!cell || cell.kind === "blank" || cell.kind === "unread") return "";
  if (cell.kind === "notApplicable") return "/";
  return `${cell.value}${cell.unit && cell.unit !== printedUnit ? cell.unit : ""}`;
}

/** The merged cell starting at a grid position. */
function at(cells: readonly MergedCell[], row: number, column: number): MergedCell {
  const cell = cells.find((candidate) => candidate.row === row && candidate.column === column);
  if (!cell) throw new Error(`no cell starts at row ${row}, column ${column}`);
  return cell;
}

function checkWidths(table: XmlTable): void {
  expect(table.widthType).toBe("dxa");
  expect(table.layout).toBe("fixed");
  expect(table.grid.every((width) => Number.isInteger(width) && width > 0)).toBe(true);
  expect(table.grid.reduce((sum, width) => sum + width, 0)).toBe(table.width);
  expect(table.width).toBe(8844);
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row) {
      expect(cell.widthType).toBe("dxa");
      expect(cell.width).toBe(table.grid.slice(column, column + cell.gridSpan).reduce((sum, width) => sum + width, 0));
      column += cell.gridSpan;
    }
  }
}

describe.each(["2019", "2021"] as const)("tables of the %s edition", (edition) => {
  const report: Report = fullReport(edition);
  const data = editions[edition].tables;
  const tablesPromise = toDocx(report).then((bytes) => tablesOf(docxPart(bytes, "word/document.xml")));

  it("prints the three tables with full DXA grids that fill the 156 mm text block", async () => {
    const tables = await tablesPromise;
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      checkWidths(table);
      mergedCells(table); // throws when a row does not cover the grid or a vMerge continues nothing
    }
  });

  it("leaves every cell merged into the one above empty (Word and importers join merged cells' text)", async () => {
    const tables = await tablesPromise;
    const continued = tables.flatMap((table) => table.rows.flat().filter((cell) => cell.vMerge === "continue"));
    // Table 三's 自然人 and 总计, table 四's 行政复议 columns, the row groups: all merge down.
    expect(continued.length).toBeGreaterThan(10);
    expect(continued.filter((cell) => cell.text !== "").map((cell) => cell.text)).toEqual([]);
  });

  it("keeps each table together: every row but the last keeps with the next, header rows repeat", async () => {
    const bytes = await toDocx(report);
    const xml = docxPart(bytes, "word/document.xml");
    for (const [index, table] of [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].entries()) {
      const rows = [...(table[1] ?? "").matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) => row[1] ?? "");
      rows.forEach((row, rowIndex) => {
        const paragraphs = row.match(/<w:p>/g)?.length ?? 0;
        const keeps = row.match(/<w:keepNext\/>/g)?.length ?? 0;
        expect(keeps).toBe(rowIndex < rows.length - 1 ? paragraphs : 0);
        expect(row).toContain("<w:cantSplit/>");
      });
      // Tables 三 and 四 repeat their header rows (3 each); table 二 has none.
      expect(rows.filter((row) => row.includes("<w:tblHeader/>"))).toHaveLength(index === 0 ? 0 : 3);
    }
    const loose = docxPart(await toDocx(report, { preset: { table: { keepTogether: false } } }), "word/document.xml");
    expect(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(loose)?.[0]).not.toContain("<w:keepNext/>");
  });

  it("lays table 三 out as the printed form: note cell, applicant tree, row tree merged down", async () => {
    const table = (await tablesPromise)[1] as XmlTable;
    const cells = mergedCells(table);
    const columns = data.table3.columns as TreeNode;
    const rows = data.table3.rows as readonly TreeNode[];
    const labelColumns = Math.max(...rows.map(depth));
    const headerRows = depth(columns);
    expect(labelColumns).toBe(3);
    expect(table.grid).toHaveLength(labelColumns + leafCount(columns));
    expect(at(cells, 0, 0)).toMatchObject({
      text: data.table3.headerNote,
      rowSpan: headerRows,
      columnSpan: labelColumns,
    });
    expect(cellWithText(cells, "申请人情况")).toMatchObject({
      row: 0,
      column: labelColumns,
      columnSpan: 7,
      rowSpan: 1,
    });
    expect(cellWithText(cells, "自然人")).toMatchObject({ row: 1, rowSpan: 2, columnSpan: 1 });
    expect(cellWithText(cells, "法人或其他组织")).toMatchObject({ row: 1, columnSpan: 5, rowSpan: 1 });
    for (const label of ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) {
      expect(cellWithText(cells, label)).toMatchObject({ row: 2, rowSpan: 1, columnSpan: 1 });
    }
    expect(cellWithText(cells, "总计")).toMatchObject({ row: 1, rowSpan: 2, column: labelColumns + 6 });

    // Walk the printed row tree and find each node where the form puts it.
    const leafCodes: string[] = [];
    let row = headerRows;
    const walk = (node: TreeNode, level: number) => {
      const cell = at(cells, row, level);
      expect(cell.text).toBe(node.label);
      if (node.children) {
        expect(cell).toMatchObject({ rowSpan: leafCount(node), columnSpan: 1 });
        for (const child of node.children) walk(child, level + 1);
      } else {
        expect(cell).toMatchObject({ rowSpan: 1, columnSpan: labelColumns - level });
        leafCodes.push(node.code);
        row++;
      }
    };
    for (const node of rows) walk(node, 0);
    expect(row).toBe(table.rows.length);
    // resultsRowSpan in format-editions.json: 20 rows in 2019, 22 in 2021.
    expect(cellWithText(cells, "三、本年度办理结果").rowSpan).toBe(edition === "2019" ? 20 : 22);
    expect(cellWithText(cells, "（三）不予公开").rowSpan).toBe(8);
    if (edition === "2021") expect(cellWithText(cells, "（六）其他处理").rowSpan).toBe(3);
    else expect(cellWithText(cells, "（六）其他处理").columnSpan).toBe(2);

    // Every value cell, in printed column order.
    const columnKeys = ["naturalPerson", ...(columns.children?.[1]?.children ?? []).map((node) => node.code), "total"];
    leafCodes.forEach((code, index) => {
      columnKeys.forEach((key, offset) => {
        const cell = at(cells, headerRows + index, labelColumns + offset);
        expect(cell.text).toBe(expectedText(report, { table: "table3", row: code, column: key }));
      });
    });
  });

  it("lays table 四 out as one row of fifteen cells under its header tree", async () => {
    const table = (await tablesPromise)[2] as XmlTable;
    const cells = mergedCells(table);
    const [review, litigation] = data.table4.columns as readonly TreeNode[] as [TreeNode, TreeNode];
    expect(table.grid).toHaveLength(15);
    expect(at(cells, 0, 0)).toMatchObject({ text: review.label, columnSpan: 5, rowSpan: 1 });
    expect(at(cells, 0, 5)).toMatchObject({ text: litigation.label, columnSpan: 10, rowSpan: 1 });
    review.children?.forEach((child, index) => {
      expect(at(cells, 1, index)).toMatchObject({ text: child.label, rowSpan: 2, columnSpan: 1 });
    });
    litigation.children?.forEach((group, groupIndex) => {
      expect(at(cells, 1, 5 + groupIndex * 5)).toMatchObject({ text: group.label, columnSpan: 5, rowSpan: 1 });
      group.children?.forEach((child, index) => {
        expect(at(cells, 2, 5 + groupIndex * 5 + index)).toMatchObject({ text: child.label, rowSpan: 1 });
      });
    });
    const groups: [string, readonly TreeNode[]][] = [
      [review.code, review.children ?? []],
      ...(litigation.children ?? []).map((group): [string, readonly TreeNode[]] => [group.code, group.children ?? []]),
    ];
    const values = groups.flatMap(([group, leaves]) =>
      leaves.map((leaf) => expectedText(report, { table: "table4", row: group, column: leaf.code })),
    );
    expect(table.rows[3]?.map((cell) => cell.text)).toEqual(values);
    expect(values.every((value) => value !== "")).toBe(true);
  });

  it("lays table 二 out as one block per 第二十条 item on the printed 4-column form", async () => {
    const table = (await tablesPromise)[0] as XmlTable;
    const cells = mergedCells(table);
    let row = 0;
    for (const sub of data.table2.subTables as readonly (TreeNode & {
      columns: readonly (TreeNode & { unit?: string })[];
      rows: readonly TreeNode[];
    })[]) {
      expect(at(cells, row, 0)).toMatchObject({ text: sub.label, columnSpan: table.grid.length });
      const header = cells.filter((cell) => cell.row === row + 1);
      expect(header.map((cell) => cell.text)).toEqual([
        data.table2.firstColumnHeader,
        ...sub.columns.map((c) => c.label),
      ]);
      // As on the printed form (and in to-html, from the same core layout): 信息内容 and three value
      // columns; an item with fewer columns stretches its later ones, e.g. 2019 （八） 本年增/减
      // and （九） 采购总金额 span two.
      expect(table.grid).toHaveLength(4);
      const spans = header.slice(1).map((cell) => cell.columnSpan);
      expect(spans.reduce((sum, span) => sum + span, 0)).toBe(3);
      expect(spans).toEqual([...spans].sort((a, b) => a - b));
      sub.rows.forEach((rowNode, index) => {
        const printed = cells.filter((cell) => cell.row === row + 2 + index).map((cell) => cell.text);
        expect(printed).toEqual([
          rowNode.label,
          ...sub.columns.map((column) =>
            expectedText(
              report,
              { table: "table2", row: `${sub.code}.${rowNode.code}`, column: column.code },
              column.unit,
            ),
          ),
        ]);
      });
      row += 2 + sub.rows.length;
    }
    expect(row).toBe(table.rows.length);
  });
});

describe("cell text", () => {
  it("prints 本年增/减 as the seed report wrote it: +3 keeps its sign (柳州市阳和工业新区 2020)", async () => {
    const [table2] = tablesOf(docxPart(await toDocx(seedReport()), "word/document.xml"));
    const cells = mergedCells(table2 as XmlTable);
    const licensing = cellWithText(cells, "行政许可");
    const row = cells.filter((cell) => cell.row === licensing.row && cell.column > licensing.column);
    expect(row.map((cell) => cell.text)).toEqual(["154", "+3", "7781"]);
    const punishment = cellWithText(cells, "行政处罚");
    expect(
      cells.filter((cell) => cell.row === punishment.row && cell.column > punishment.column).map((cell) => cell.text),
    ).toEqual(["1356", "-392", "964"]);
  });

  it("prints an unread cell as 未读出, never as an empty cell (the seed with 行政许可's row cut off)", async () => {
    const report = seedReport();
    const rows = report.tables.table2?.rows as Record<string, Record<string, unknown>>;
    const licensing = rows["art20_5.licensing"] as Record<string, unknown>;
    licensing.prevYearItems = { kind: "unread", reason: "truncated" };
    licensing.changeThisYear = { kind: "unread", reason: "runTogether", candidates: [3, 37], candidateCount: 2 };
    const [table2] = tablesOf(docxPart(await toDocx(report), "word/document.xml"));
    const cells = mergedCells(table2 as XmlTable);
    const label = cellWithText(cells, "行政许可");
    const row = cells.filter((cell) => cell.row === label.row && cell.column > label.column);
    expect(row.map((cell) => cell.text)).toEqual(["未读出", "未读出", "7781"]);
  });

  it("prints （六）其他处理 as one row with the group's values where the report prints it so (2021)", async () => {
    const report = groupAsRowReport();
    const [, table3] = tablesOf(docxPart(await toDocx(report), "word/document.xml"));
    const cells = mergedCells(table3 as XmlTable);
    const label = cellWithText(cells, "（六）其他处理");
    expect([label.columnSpan, label.rowSpan]).toEqual([2, 1]);
    const row = cells.filter((cell) => cell.row === label.row && cell.column > label.column);
    const columns = ["naturalPerson", "legalPerson.commercial", "legalPerson.research", "legalPerson.socialWelfare"];
    expect(row.slice(0, 4).map((cell) => cell.text)).toEqual(
      columns.map((column) => expectedText(report, { table: "table3", row: "results.other", column })),
    );
    // Its items are not printed: the form has one row where 2021 prints three.
    expect(cells.some((cell) => cell.text.startsWith("1.申请人无正当理由逾期不补正"))).toBe(false);
  });
});
