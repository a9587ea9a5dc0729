import { getTableDefinition } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { FindingCollector } from "../diagnostics";
import { findParts } from "./parts";
import { findRegions } from "./regions";
import { tableLines, unitsOfLines } from "./stage-test-support";
import { readTables } from "./tables";

function tablesOf(lines: readonly string[], closed: boolean) {
  const units = unitsOfLines(lines);
  const parts = findParts(units);
  const findings = new FindingCollector();
  const regions = findRegions(units, parts, units.length);
  const reading = readTables({ units, parts, regions, edition: "2021", closed, contentEnd: units.length, findings });
  return { reading, findings: findings.finish() };
}

const rows2021 = getTableDefinition("2021", "table3").rows;

describe("stage tables: readTables", () => {
  it("reads a whole table 三 and takes its units out of the narrative", () => {
    const lines = [
      "三、收到和处理政府信息公开申请情况",
      ...tableLines("2021", "table3", "2"),
      "五、存在的主要问题及改进情况",
    ];
    const { reading, findings } = tablesOf(lines, true);
    expect(reading.present).toEqual(["table3"]);
    expect(reading.cutTable).toBeUndefined();
    expect(reading.tables.table3?.complete).toBe(true);
    expect(reading.tables.table3?.rows.carriedForward?.total).toMatchObject({ kind: "number", value: 2 });
    expect(reading.tableUnits.has(1)).toBe(true);
    expect(reading.tableUnits.has(lines.length - 1)).toBe(false);
    expect(findings).toEqual([]);
  });

  it("marks the rows after the point where the text stops unread (truncated), without findings", () => {
    const lines = ["三、收到和处理政府信息公开申请情况", ...tableLines("2021", "table3", "1", 3)];
    const { reading, findings } = tablesOf(lines, false);
    expect(reading.cutTable).toBe("table3");
    const rows = reading.tables.table3?.rows ?? {};
    expect(rows[rows2021[2]?.key ?? ""]?.total).toMatchObject({ kind: "number", value: 1 });
    for (const row of rows2021.slice(3)) {
      expect(Object.values(rows[row.key] ?? {})).toEqual(
        row.columns.map(() => ({ kind: "unread", reason: "truncated" })),
      );
    }
    expect(findings).toEqual([]);
  });

  it("marks the cells after the last value of a row cut short unread (truncated)", () => {
    const lines = [
      "三、收到和处理政府信息公开申请情况",
      ...tableLines("2021", "table3", "1", 1),
      rows2021[1]?.label ?? "",
      "4",
      "0",
    ];
    const rows = tablesOf(lines, false).reading.tables.table3?.rows ?? {};
    expect(
      Object.values(rows.carriedOver ?? {}).map((cell) => (cell.kind === "unread" ? cell.reason : cell.kind)),
    ).toEqual(["number", "number", "truncated", "truncated", "truncated", "truncated", "truncated"]);
  });

  it("marks a row whose label is not found unread (rowNotFound) when the table goes on past it", () => {
    const table = tableLines("2021", "table3", "0");
    // Take out the 二、上年结转 row: its label and its seven values.
    table.splice(table.indexOf(rows2021[1]?.label ?? ""), 8);
    const lines = ["三、收到和处理政府信息公开申请情况", ...table, "五、存在的主要问题及改进情况"];
    const { reading, findings } = tablesOf(lines, true);
    expect(reading.tables.table3?.rows.carriedOver?.total).toEqual({ kind: "unread", reason: "rowNotFound" });
    expect(findings.map((finding) => [finding.ruleId, finding.location.row])).toEqual([
      ["import/missing-row", "carriedOver"],
    ]);
  });
});
