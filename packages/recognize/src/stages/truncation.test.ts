import { describe, expect, it } from "vitest";
import { FindingCollector } from "../diagnostics";
import { readMeta } from "./meta";
import { findParts } from "./parts";
import { findRegions } from "./regions";
import { documentOf, tableLines, unitsOfLines } from "./stage-test-support";
import { readTables } from "./tables";
import { endOf, findCut } from "./truncation";

function cutOf(lines: readonly string[]) {
  const units = unitsOfLines(lines);
  const parts = findParts(units);
  const meta = readMeta(documentOf(lines), units, parts);
  const regions = findRegions(units, parts, meta.contentEnd);
  const tables = readTables({
    units,
    parts,
    regions,
    edition: "2021",
    closed: meta.closing !== undefined,
    contentEnd: meta.contentEnd,
    findings: new FindingCollector(),
  });
  return findCut(units, parts, meta, regions, tables);
}

const title = "某县统计局2023年政府信息公开工作年度报告";

describe("stage truncation: findCut", () => {
  it("says the text stops inside table 三, in part 三, at the end of its last line", () => {
    const cut = cutOf([title, "三、收到和处理政府信息公开申请情况", ...tableLines("2021", "table3", "12", 2)]);
    expect(cut).toMatchObject({ part: "applications", table: "table3", end: { line: 18, column: 3 } });
    // The reason is data now; core's messages word it ("Table 3 (requests received and handled) is incomplete").
    expect(cut?.reason).toBe("tableIncomplete");
  });

  it("says the text stops when its last paragraph stops mid-sentence", () => {
    const cut = cutOf([
      title,
      "一、总体情况",
      "全年工作有序开展。",
      "五、存在的主要问题及改进情况",
      "一是公开内容还不够全面，政策解读的方式有待进一步丰富，下一步我局将继续加强",
    ]);
    expect(cut).toMatchObject({ part: "problems", end: { line: 5 } });
    expect(cut?.table).toBeUndefined();
  });

  it("needs evidence: a report that ends with a closing or a finished sentence is not cut", () => {
    expect(
      cutOf([title, "一、总体情况", "全年工作有序开展。", "五、存在的主要问题及改进情况", "无。"]),
    ).toBeUndefined();
    expect(
      cutOf([
        title,
        "三、收到和处理政府信息公开申请情况",
        ...tableLines("2021", "table3", "1", 2),
        "某县统计局",
        "2024年1月20日",
      ]),
    ).toBeUndefined();
  });

  it("finds where a unit ends, through the line breaks inside it", () => {
    expect(
      endOf({ kind: "text", text: "第一行\n第二行末", source: { line: 4, column: 1 }, heading: false, exact: true }),
    ).toEqual({
      line: 5,
      column: 5,
    });
  });
});
