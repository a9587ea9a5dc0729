import { type EditionId, editions, getTableDefinition, type TableId, tableIds } from "@gongkai/core";
import { fullReport, rowsOf as modelRows } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { toHtml } from "../src/index";
import { attr, byTag, type Element, hasClass, parseHtml, placeCells, rowsOf, text } from "./html";

const editionIds: EditionId[] = ["2019", "2021"];

function tableOf(root: Element, table: TableId): Element {
  const found = byTag(root, "table").find((element) => attr(element, "data-table") === table);
  if (!found) throw new Error(`no ${table}`);
  return found;
}

function render(edition: EditionId) {
  return parseHtml(toHtml(fullReport(edition)));
}

const h = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan, tag: "th" });

describe.each(editionIds)("table 二 in the %s edition", (edition) => {
  const root = render(edition);
  const table = tableOf(root, "table2");
  const subTables = editions[edition].tables.table2.subTables;
  // Data columns of each 第二十条 item as printed on a 4-column form (信息内容 + 3), read off
  // FORMAT.md §4: 2019 （八）（九） have two columns, 2021 （五）（六）（八） one.
  const expectedSpans: Record<EditionId, number[][]> = {
    "2019": [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
      [1, 2],
      [1, 2],
    ],
    "2021": [[1, 1, 1], [3], [3], [3]],
  };

  it("prints one sub-table per 第二十条 item: a heading row spanning the table, 信息内容 and the columns", () => {
    const bodies = byTag(table, "tbody");
    expect(bodies.map((body) => attr(body, "data-subtable"))).toEqual(subTables.map((sub) => sub.code));
    subTables.forEach((sub, index) => {
      const rows = rowsOf(bodies[index] as Element);
      const spans = expectedSpans[edition][index] as number[];
      expect(rows[0]).toEqual([h(sub.label, 1, 4)]);
      expect(rows[1]).toEqual([h("信息内容"), ...sub.columns.map((column, c) => h(column.label, 1, spans[c]))]);
      expect(rows.slice(2).map((row) => row[0])).toEqual(sub.rows.map((row) => h(row.label)));
      for (const row of rows.slice(2)) {
        expect(row.slice(1).map((cell) => [cell.tag, cell.colSpan])).toEqual(spans.map((span) => ["td", span]));
      }
    });
    expect(placeCells(table).rowWidths.every((width) => width === 4)).toBe(true);
  });

  it("differs between editions as the format does", () => {
    const labels = byTag(table, "th").map(text);
    if (edition === "2019") {
      expect(labels).toContain("第二十条第（九）项");
      expect(labels).toContain("其他对外管理服务事项");
      expect(labels).not.toContain("本年收费金额（单位：万元）");
    } else {
      expect(labels).not.toContain("第二十条第（九）项");
      expect(labels).not.toContain("其他对外管理服务事项");
      expect(labels).toContain("本年收费金额（单位：万元）");
    }
  });
});

describe.each(editionIds)("table 三 in the %s edition", (edition) => {
  const root = render(edition);
  const table = tableOf(root, "table3");
  const thead = byTag(table, "thead")[0] as Element;
  const tbody = byTag(table, "tbody")[0] as Element;

  it("prints the 勾稽 note in the top-left cell and the 申请人情况 header tree with its spans", () => {
    expect(rowsOf(thead)).toEqual([
      [h(editions[edition].tables.table3.headerNote, 3, 3), h("申请人情况", 1, 7)],
      [h("自然人", 2, 1), h("法人或其他组织", 1, 5), h("总计", 2, 1)],
      ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((label) => h(label)),
    ]);
    expect(text(byTag(thead, "th")[0] as Element)).toBe(
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    );
  });

  it("prints the row labels with 三、本年度办理结果 spanning every outcome row and each group its items", () => {
    const rows = rowsOf(tbody);
    const definition = getTableDefinition(edition, "table3");
    expect(rows).toHaveLength(definition.rows.length);
    const headers = rows.map((row) => row.filter((cell) => cell.tag === "th"));
    // resultsRowSpan in format-editions.json: 20 (2019), 22 (2021).
    const resultsRowSpan = edition === "2019" ? 20 : 22;
    expect(headers[0]).toEqual([h("一、本年新收政府信息公开申请数量", 1, 3)]);
    expect(headers[1]).toEqual([h("二、上年结转政府信息公开申请数量", 1, 3)]);
    expect(headers[2]).toEqual([h("三、本年度办理结果", resultsRowSpan, 1), h("（一）予以公开", 1, 2)]);
    expect(headers[3]).toEqual([h("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)]);
    expect(headers[4]).toEqual([h("（三）不予公开", 8, 1), h("1.属于国家秘密")]);
    expect(headers[12]).toEqual([h("（四）无法提供", 3, 1), h("1.本机关不掌握相关政府信息")]);
    expect(headers[15]).toEqual([h("（五）不予处理", 5, 1), h("1.信访举报投诉类申请")]);
    if (edition === "2019") {
      expect(headers[20]).toEqual([h("（六）其他处理", 1, 2)]);
      expect(headers[21]).toEqual([h("（七）总计", 1, 2)]);
    } else {
      expect(headers[20]).toEqual([
        h("（六）其他处理", 3, 1),
        h("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
      ]);
      expect(headers[22]).toEqual([h("3.其他")]);
      expect(headers[23]).toEqual([h("（七）总计", 1, 2)]);
    }
    expect(headers.at(-1)).toEqual([h("四、结转下年度继续办理", 1, 3)]);
    expect(rows.every((row) => row.filter((cell) => cell.tag === "td").length === 7)).toBe(true);
    expect(placeCells(table).rowWidths.every((width) => width === 10)).toBe(true);
  });
});

describe.each(editionIds)("table 四 in the %s edition", (edition) => {
  const table = tableOf(render(edition), "table4");

  it("prints 行政复议 and 行政诉讼 › 未经复议直接起诉 / 复议后起诉 over their outcomes, and one row of 15 cells", () => {
    const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    expect(rowsOf(byTag(table, "thead")[0] as Element)).toEqual([
      [h("行政复议", 1, 5), h("行政诉讼", 1, 10)],
      [...outcomes.map((label) => h(label, 2, 1)), h("未经复议直接起诉", 1, 5), h("复议后起诉", 1, 5)],
      [...outcomes, ...outcomes].map((label) => h(label)),
    ]);
    const body = rowsOf(byTag(table, "tbody")[0] as Element);
    expect(body).toHaveLength(1);
    expect(body[0]?.map((cell) => cell.tag)).toEqual(Array(15).fill("td"));
    expect(placeCells(table).rowWidths.every((width) => width === 15)).toBe(true);
  });
});

describe.each(editionIds)("headers of every data cell in the %s edition", (edition) => {
  const report = fullReport(edition);
  const root = parseHtml(toHtml(report));
  const ids = new Map(byTag(root, "th").map((th) => [attr(th, "id"), th]));

  it.each(tableIds)("%s: every model cell appears once, named by its row and column headers", (tableId) => {
    const table = tableOf(root, tableId);
    const { cells } = placeCells(table);
    const dataCells = cells.filter((cell) => cell.element.tagName === "td");
    const model = modelRows(report, tableId);
    const expectedKeys = Object.entries(model).flatMap(([row, columns]) =>
      Object.keys(columns).map((column) => `${row}/${column}`),
    );
    expect(
      dataCells.map((cell) => `${attr(cell.element, "data-row")}/${attr(cell.element, "data-column")}`).sort(),
    ).toEqual(expectedKeys.sort());
    for (const cell of dataCells) {
      // The headers the grid puts over and beside this cell: header cells above it in its own
      // section (or the thead) that cover its columns, and header cells left of it that cover
      // its row, the corner cell (信息内容 or the 勾稽 note) excepted.
      const geometric = cells
        .filter((other) => other.element.tagName === "th" && !hasClass(other.element, "gongkai-corner"))
        .filter((other) => {
          const above =
            other.row < cell.row &&
            other.column <= cell.column &&
            other.column + other.colSpan >= cell.column + cell.colSpan &&
            (other.section === cell.section || other.section.tagName === "thead");
          const beside = other.column < cell.column && other.row <= cell.row && other.row + other.rowSpan > cell.row;
          return above || beside;
        })
        .map((other) => attr(other.element, "id"));
      const named = (attr(cell.element, "headers") ?? "").split(" ");
      expect(new Set(named)).toEqual(new Set(geometric));
      for (const id of named) expect(ids.has(id)).toBe(true);
    }
  });

  it("names a cell by its labels: row chain, then column chain", () => {
    const labelsOf = (tableId: TableId, row: string, column: string) => {
      const td = byTag(tableOf(root, tableId), "td").find(
        (element) => attr(element, "data-row") === row && attr(element, "data-column") === column,
      ) as Element;
      return (attr(td, "headers") ?? "").split(" ").map((id) => text(ids.get(id) as Element));
    };
    expect(labelsOf("table3", "results.denied.stateSecret", "legalPerson.commercial")).toEqual([
      "三、本年度办理结果",
      "（三）不予公开",
      "1.属于国家秘密",
      "申请人情况",
      "法人或其他组织",
      "商业企业",
    ]);
    expect(labelsOf("table4", "litigationPostReview", "unfinished")).toEqual(["行政诉讼", "复议后起诉", "尚未审结"]);
    expect(labelsOf("table2", "art20_6.coercion", "decisions")).toEqual([
      "第二十条第（六）项",
      "行政强制",
      edition === "2019" ? "处理决定数量" : "本年处理决定数量",
    ]);
  });

  it("uses th scope on every header cell and ids unique in the fragment", () => {
    const idList = collectIds(root);
    // One id per header cell, part heading (6) and table (3).
    expect(idList.length).toBe(byTag(root, "th").length + 6 + 3);
    expect(new Set(idList).size).toBe(idList.length);
    for (const th of byTag(root, "th")) {
      expect(["col", "colgroup", "row", "rowgroup"]).toContain(attr(th, "scope"));
      expect(attr(th, "id")?.startsWith("gongkai-")).toBe(true);
    }
    for (const table of byTag(root, "table")) {
      expect(text(byTag(table, "caption")[0] as Element)).toBe(
        getTableDefinition(edition, attr(table, "data-table") as TableId).title,
      );
    }
  });
});

function collectIds(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Element) => {
    const id = attr(node, "id");
    if (id !== undefined) out.push(id);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(root);
  return out;
}
