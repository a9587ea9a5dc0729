import { createReport, setCell, unreadCell } from "@gongkai/core";
import { groupAsRowReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { cellCsvColumns, cellCsvRows, cellCsvState, csvField, toCsv } from "./to-csv";

describe("toCsv", () => {
  it("keeps the six first columns in order and adds state; an unread cell prints no value", () => {
    const report = createReport({ edition: "2021", year: 2025 });
    setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 12);
    setCell(report, { table: "table3", row: "newReceived", column: "legalPerson.commercial" }, "n/a");
    setCell(
      report,
      { table: "table3", row: "carriedOver", column: "naturalPerson" },
      unreadCell("runTogether", { raw: "350", candidates: [3, 35], candidateCount: 2 }),
    );
    setCell(
      report,
      { table: "table3", row: "carriedOver", column: "legalPerson.commercial" },
      { kind: "number", value: 50, raw: "350", inferred: { from: "runTogether", relation: "table3/row-total" } },
    );
    const lines = toCsv(report).split("\r\n");
    expect(lines[0]).toBe("table,row,column,value,raw,source,state");
    expect(cellCsvColumns.slice(0, 6)).toEqual(["table", "row", "column", "value", "raw", "source"]);
    expect(lines).toContain("table3,newReceived,naturalPerson,12,,,number");
    expect(lines).toContain("table3,newReceived,legalPerson.commercial,n/a,/,,notApplicable");
    expect(lines).toContain("table3,newReceived,total,,,,blank");
    // The unread cell: no value (not "unread", not 0), its raw text kept, the state says why it is empty.
    expect(lines).toContain("table3,carriedOver,naturalPerson,,350,,unread");
    expect(lines).toContain("table3,carriedOver,legalPerson.commercial,50,350,,inferred");
    expect(lines.at(-1)).toBe("");
    expect(lines.length - 2).toBe(cellCsvRows(report).length);
  });

  it("names each state", () => {
    expect(cellCsvState({ kind: "blank" })).toBe("blank");
    expect(cellCsvState({ kind: "number", value: 0 })).toBe("number");
    expect(cellCsvState(unreadCell("truncated"))).toBe("unread");
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("a,b")).toBe('"a,b"');
  });

  it("lists the cells of a group printed as one row, before its unread items", () => {
    const lines = cellCsvRows(groupAsRowReport()).filter((fields) => fields[1]?.startsWith("results.other"));
    expect(lines.slice(0, 8).map((fields) => [fields[1], fields[2], fields[6]])).toEqual([
      ["results.other", "naturalPerson", "number"],
      ["results.other", "legalPerson.commercial", "number"],
      ["results.other", "legalPerson.research", "number"],
      ["results.other", "legalPerson.socialWelfare", "number"],
      ["results.other", "legalPerson.legalService", "number"],
      ["results.other", "legalPerson.other", "number"],
      ["results.other", "total", "number"],
      ["results.other.overdueCorrection", "naturalPerson", "unread"],
    ]);
    expect(lines).toHaveLength(7 * 4);
  });
});
