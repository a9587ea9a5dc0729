import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReport } from "@gongkai/core";
import { fixturesDirectory, seedReport, seedText } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { toHtml } from "../src/index";
import { attr, byTag, type Element, parseHtml, text, visibleText } from "./html";

// Regression: the real report 柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告,
// as its canonical hand transcription (@gongkai/test-reports) has it, against the seed text.
describe("the seed report (柳州市阳和工业新区 2020)", () => {
  const report = seedReport();
  const root = parseHtml(toHtml(report));
  const cellText = (table: string, row: string, column: string) =>
    visibleText(
      byTag(root, "td").find(
        (td) => attr(td, "data-table") === table && attr(td, "data-row") === row && attr(td, "data-column") === column,
      ) as Element,
    );

  it("is a valid report and matches the JSON fixture the benchmark uses", () => {
    expect(parseReport(report)).toEqual(report);
    // The benchmark reads @gongkai/test-reports' JSON file itself and drops its $schema envelope.
    const { $schema, schemaVersion, ...fixture } = JSON.parse(
      readFileSync(join(fixturesDirectory, "liuzhou-yanghe-2020.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(fixture).toEqual(report);
  });

  it("takes its narrative from the file", () => {
    const lines = seedText().split("\n");
    for (const block of report.parts.flatMap((part) => part.blocks)) expect(lines).toContain(block.text);
    expect(report.parts[0]?.blocks.filter((block) => block.type === "subheading")).toHaveLength(6);
  });

  it("shows table 二 as the page printed it", () => {
    expect(cellText("table2", "art20_1.regulations", "newlyMade")).toBe("");
    expect(cellText("table2", "art20_1.normativeDocuments", "totalPublished")).toBe("11");
    expect(cellText("table2", "art20_5.licensing", "changeThisYear")).toBe("+3");
    expect(cellText("table2", "art20_5.licensing", "decisions")).toBe("7781");
    expect(cellText("table2", "art20_6.punishment", "changeThisYear")).toBe("-392");
    expect(cellText("table2", "art20_8.fees", "changeThisYear")).toBe("-2");
    expect(cellText("table2", "art20_9.centralProcurement", "procurementAmount")).toBe("287.36万元");
  });

  it("keeps table 三's blanks blank and its zeros zero", () => {
    expect(cellText("table3", "newReceived", "naturalPerson")).toBe("49");
    expect(cellText("table3", "newReceived", "total")).toBe("");
    expect(cellText("table3", "results.totalProcessed", "total")).toBe("");
    expect(cellText("table3", "results.unableToProvide.notHeld", "naturalPerson")).toBe("44");
    expect(cellText("table3", "carriedForward", "legalPerson.commercial")).toBe("0");
    expect(cellText("table3", "carriedForward", "total")).toBe("1");
  });

  it("prints table 四's 15 values in one row, in the page's order", () => {
    const table = byTag(root, "table").find((element) => attr(element, "data-table") === "table4") as Element;
    expect(byTag(byTag(table, "tbody")[0] as Element, "td").map(text)).toEqual(
      "0 0 0 0 0 0 0 0 2 2 0 0 0 0 0".split(" "),
    );
  });

  it("keeps the part headings as printed, 五 twice", () => {
    expect(byTag(root, "h2").map(text)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "五、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(text(byTag(root, "time")[0] as Element)).toBe("2021-02-09");
  });
});
