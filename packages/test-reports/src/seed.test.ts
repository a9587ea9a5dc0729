import { check, parseReport } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { seedJsonText, seedReport, seedText } from "./seed";

/** The `count` lines after the line `label |` of the seed text, without their trailing cell bars. */
function linesAfter(label: string, count: number): string[] {
  const lines = seedText().split("\n");
  const at = lines.indexOf(`${label} |`);
  if (at < 0) throw new Error(`the seed text has no line ${label} |`);
  return lines.slice(at + 1, at + 1 + count).map((line) => line.replace(/[\s|]+$/, ""));
}

describe("the seed report (柳州市阳和工业新区 2020)", () => {
  const report = seedReport();
  const table2 = report.tables.table2?.rows;
  const table3 = report.tables.table3?.rows;

  it("is the canonical transcription, valid as it stands", () => {
    expect(parseReport(structuredClone(report))).toEqual(report);
    expect(JSON.parse(seedJsonText()).meta).toEqual(report.meta);
    expect(report.meta.title).toBe(seedText().split("\n")[0]);
    expect(seedReport()).not.toBe(report);
  });

  it("has 行政许可 154 / +3 / 7781 as seed lines 44–46 print them", () => {
    expect(linesAfter("行政许可", 3)).toEqual(["154", "+3", "7781"]);
    expect(table2?.["art20_5.licensing"]).toEqual({
      prevYearItems: { kind: "number", value: 154, raw: "154" },
      changeThisYear: { kind: "number", value: 3, raw: "+3" },
      decisions: { kind: "number", value: 7781, raw: "7781" },
    });
  });

  it("has 政府集中采购 169 items for 287.36 万元 (seed lines 87–88)", () => {
    expect(linesAfter("政府集中采购", 2)).toEqual(["169", "287.36万元"]);
    expect(table2?.["art20_9.centralProcurement"].procurementItems).toMatchObject({ kind: "number", value: 169 });
    expect(table2?.["art20_9.centralProcurement"].procurementAmount).toEqual({
      kind: "number",
      value: 287.36,
      unit: "万元",
      raw: "287.36万元",
    });
  });

  it("keeps the fault of seed line 105–106: 新收 49 in 自然人 with 总计 blank", () => {
    expect(linesAfter("一、本年新收政府信息公开申请数量", 2)).toEqual(["49", ""]);
    expect(table3?.newReceived.naturalPerson).toEqual({ kind: "number", value: 49, raw: "49" });
    expect(table3?.newReceived.total).toEqual({ kind: "blank" });
    const balance = check(report).filter((diagnostic) => diagnostic.ruleId === "table3/balance");
    expect(balance.map((diagnostic) => diagnostic.location.column)).toContain("naturalPerson");
  });

  it("keeps part 四 printed with the numeral 五, and its narrative as the seed's lines", () => {
    expect(report.parts.map((part) => part.numeral)).toEqual(["一", "二", "三", "五", "五", "六"]);
    const lines = seedText().split("\n");
    for (const block of report.parts.flatMap((part) => part.blocks)) expect(lines).toContain(block.text);
  });
});
