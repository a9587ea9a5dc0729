import { createReport, formatNumber, getTableDefinition } from "@gongkai/core";
import { groupAsRowReport, setLoose } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { toHtml } from "../src/index";
import { attr, byTag, type Element, parseHtml, text, visibleText } from "./html";

function cellOf(html: string, row: string, column: string): Element {
  const found = byTag(parseHtml(html), "td").find(
    (td) => attr(td, "data-row") === row && attr(td, "data-column") === column,
  );
  if (!found) throw new Error(`no cell ${row}/${column}`);
  return found;
}

describe("cell rendering", () => {
  it("shows numbers from their value, money with its unit, blank as nothing and not-applicable as /", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setLoose(report, "table2", "art20_1.regulations", "newlyMade", { kind: "notApplicable", raw: "/" });
    setLoose(report, "table2", "art20_1.regulations", "newlyPublished", { kind: "number", value: 0, raw: "0" });
    setLoose(report, "table2", "art20_9.centralProcurement", "procurementAmount", {
      kind: "number",
      value: 287.36,
      unit: "万元",
      raw: "287.36万元",
    });
    setLoose(report, "table2", "art20_9.centralProcurement", "procurementItems", {
      kind: "number",
      value: 9,
      raw: "9件",
    });
    const html = toHtml(report);
    const na = cellOf(html, "art20_1.regulations", "newlyMade");
    expect([text(na), attr(na, "data-kind"), attr(na, "data-value")]).toEqual(["/", "notApplicable", undefined]);
    const zero = cellOf(html, "art20_1.regulations", "newlyPublished");
    expect([text(zero), attr(zero, "data-kind"), attr(zero, "data-value")]).toEqual(["0", "number", "0"]);
    const blank = cellOf(html, "art20_1.regulations", "totalPublished");
    expect([text(blank), attr(blank, "data-kind")]).toEqual(["", "blank"]);
    const money = cellOf(html, "art20_9.centralProcurement", "procurementAmount");
    expect([text(money), attr(money, "data-value"), attr(money, "data-unit")]).toEqual([
      "287.36万元",
      "287.36",
      "万元",
    ]);
    // The text comes from the value, not from raw: "9件" shows as 9.
    expect(text(cellOf(html, "art20_9.centralProcurement", "procurementItems"))).toBe("9");
    for (const table of byTag(parseHtml(html), "table")) {
      for (const td of byTag(table, "td")) expect(attr(td, "data-table")).toBe(attr(table, "data-table"));
    }
  });

  it("shows an unread cell as 未读出 with its reason, never as an empty cell, and escapes what it did not write", () => {
    const report = createReport({ edition: "2021", year: 2022 });
    setLoose(report, "table3", "newReceived", "naturalPerson", {
      kind: "unread",
      reason: "runTogether",
      raw: "230 000023",
      candidates: [2, 23, 230],
      candidateCount: 3,
    });
    setLoose(report, "table3", "carriedOver", "naturalPerson", { kind: "unread", reason: "truncated" });
    setLoose(report, "table3", "carriedOver", "total", { kind: "unread", reason: "illegible", raw: '<b>"约5"</b>' });
    const html = toHtml(report);
    const split = cellOf(html, "newReceived", "naturalPerson");
    expect(visibleText(split)).toBe("未读出");
    expect(text(split)).toBe("未读出（数字粘连，拆分不唯一）");
    expect(attr(split, "data-kind")).toBe("unread");
    expect(attr(split, "data-reason")).toBe("runTogether");
    expect(attr(split, "class")?.split(" ")).toContain("gongkai-unread");
    expect(attr(split, "title")).toBe("未读出：数字粘连，拆分不唯一；可能的值：2、23、230");
    const cut = cellOf(html, "carriedOver", "naturalPerson");
    expect([visibleText(cut), attr(cut, "title")]).toEqual(["未读出", "未读出：原文在此之前截断"]);
    // The raw text is the report's own: it is not printed, and nothing of it reaches the markup unescaped.
    expect(html).not.toContain("<b>");
    expect(visibleText(cellOf(html, "carriedOver", "total"))).toBe("未读出");
    // A blank cell beside them stays empty.
    expect(text(cellOf(html, "newReceived", "total"))).toBe("");
  });

  it("keeps the sign of 本年增/减: - always, + only where the report wrote it", () => {
    const report = createReport({ edition: "2019", year: 2020 });
    setLoose(report, "table2", "art20_5.licensing", "changeThisYear", { kind: "number", value: 3, raw: "+3" });
    setLoose(report, "table2", "art20_5.otherServices", "changeThisYear", { kind: "number", value: 3, raw: "3" });
    setLoose(report, "table2", "art20_6.punishment", "changeThisYear", { kind: "number", value: -392, raw: "-392" });
    setLoose(report, "table2", "art20_6.coercion", "changeThisYear", { kind: "number", value: 5, raw: "＋5" });
    setLoose(report, "table2", "art20_8.fees", "changeThisYear", { kind: "number", value: -2 });
    // Not a signed column: a "+" in raw does not show.
    setLoose(report, "table2", "art20_5.licensing", "decisions", { kind: "number", value: 7, raw: "+7" });
    const html = toHtml(report);
    expect(text(cellOf(html, "art20_5.licensing", "changeThisYear"))).toBe("+3");
    expect(text(cellOf(html, "art20_5.otherServices", "changeThisYear"))).toBe("3");
    expect(text(cellOf(html, "art20_6.punishment", "changeThisYear"))).toBe("-392");
    expect(text(cellOf(html, "art20_6.coercion", "changeThisYear"))).toBe("+5");
    expect(text(cellOf(html, "art20_8.fees", "changeThisYear"))).toBe("-2");
    expect(text(cellOf(html, "art20_5.licensing", "decisions"))).toBe("7");
  });

  it("omits a unit the column header already prints (2021 本年收费金额（单位：万元）) and shows any other", () => {
    const column = getTableDefinition("2021", "table2").rows.find((row) => row.key === "art20_8.fees")?.columns[0];
    expect(column?.unit).toBe("万元");
    const report = createReport({ edition: "2021", year: 2024 });
    setLoose(report, "table2", "art20_8.fees", "amount", { kind: "number", value: 0.35, unit: "万元" });
    expect(text(cellOf(toHtml(report), "art20_8.fees", "amount"))).toBe("0.35");
    setLoose(report, "table2", "art20_8.fees", "amount", { kind: "number", value: 251000, unit: "元" });
    expect(text(cellOf(toHtml(report), "art20_8.fees", "amount"))).toBe("251000元");
  });

  it("writes plain decimals without exponent or grouping", () => {
    expect(formatNumber(7781)).toBe("7781");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatNumber(1e21)).toBe("1000000000000000000000");
    expect(formatNumber(1.5e-7)).toBe("0.00000015");
    expect(formatNumber(-2.5e-7)).toBe("-0.00000025");
  });

  it("marks totals (derived rows and columns) and keeps blank totals blank", () => {
    const report = createReport({ edition: "2021", year: 2024 });
    setLoose(report, "table3", "newReceived", "naturalPerson", { kind: "number", value: 5 });
    const html = toHtml(report);
    const total = cellOf(html, "newReceived", "total");
    expect(attr(total, "class")).toBe("gongkai-cell gongkai-blank gongkai-total");
    expect(visibleText(total)).toBe("");
    expect(attr(cellOf(html, "results.totalProcessed", "naturalPerson"), "class")).toContain("gongkai-total");
    expect(attr(cellOf(html, "newReceived", "naturalPerson"), "class")).toBe("gongkai-cell gongkai-number");
  });

  it("prints （六）其他处理 as one row with the group's values where the report prints it so (2021)", () => {
    const report = groupAsRowReport();
    const html = toHtml(report);
    const cell = cellOf(html, "results.other", "total");
    const value = report.tables.table3?.rows["results.other"]?.total;
    expect([text(cell), attr(cell, "data-kind")]).toEqual([
      value?.kind === "number" ? String(value.value) : "",
      "number",
    ]);
    expect(() => cellOf(html, "results.other.overdueFee", "total")).toThrow();
    // The same edition and table without the group's row prints the three items again (the
    // compiled table is per layout, not per edition and table).
    expect(
      attr(
        cellOf(toHtml(createReport({ edition: "2021", year: 2022 })), "results.other.overdueFee", "total"),
        "data-kind",
      ),
    ).toBe("blank");
  });
});
