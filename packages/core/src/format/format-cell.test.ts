import { describe, expect, it } from "vitest";
import { getTableDefinition } from "../editions/editions";
import { formatCell, formatNumber, unreadCellText } from "./format-cell";

const columnOf = (edition: "2019" | "2021", row: string, column: string) => {
  const found = getTableDefinition(edition, "table2")
    .rows.find((candidate) => candidate.key === row)
    ?.columns.find((candidate) => candidate.key === column);
  if (!found) throw new Error(`no column ${row}/${column}`);
  return found;
};

describe("formatCell", () => {
  it("writes the seed report's cells as its page prints them (柳州市阳和工业新区 2020)", () => {
    const change = columnOf("2019", "art20_5.licensing", "changeThisYear");
    expect(formatCell({ kind: "number", value: 3, raw: "+3" }, change)).toBe("+3");
    expect(formatCell({ kind: "number", value: -392, raw: "-392" }, change)).toBe("-392");
    expect(formatCell({ kind: "number", value: 3 }, change)).toBe("3");
    const amount = columnOf("2019", "art20_9.centralProcurement", "procurementAmount");
    expect(formatCell({ kind: "number", value: 287.36, unit: "万元", raw: "287.36万元" }, amount)).toBe("287.36万元");
  });

  it("leaves out a unit the column header already prints, and keeps blank, 0 and / apart", () => {
    const fees = columnOf("2021", "art20_8.fees", "amount");
    expect(formatCell({ kind: "number", value: 0.35, unit: "万元" }, fees)).toBe("0.35");
    expect(formatCell({ kind: "number", value: 0 }, fees)).toBe("0");
    expect(formatCell({ kind: "blank" }, fees)).toBe("");
    expect(formatCell({ kind: "notApplicable", raw: "/" }, fees)).toBe("/");
    expect(formatCell(undefined, fees)).toBe("");
  });

  it("shows an unread cell as unread, never as an empty cell, whatever its raw text or candidates", () => {
    const fees = columnOf("2021", "art20_8.fees", "amount");
    expect(formatCell({ kind: "unread", reason: "truncated" }, fees)).toBe(unreadCellText);
    expect(formatCell({ kind: "unread", reason: "runTogether", raw: "350", candidates: [3, 35] }, fees)).toBe("未读出");
  });

  it("writes numbers without exponents or grouping", () => {
    expect(formatNumber(1e-7)).toBe("0.0000001");
    expect(formatNumber(1e21)).toBe("1000000000000000000000");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(12345)).toBe("12345");
  });
});
