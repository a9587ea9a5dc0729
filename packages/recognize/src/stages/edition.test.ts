import { describe, expect, it } from "vitest";
import { detectEdition } from "./edition";
import { findParts } from "./parts";
import { findRegions } from "./regions";
import { tableLines, unitsOfLines } from "./stage-test-support";

function editionOf(lines: readonly string[], year: number | undefined) {
  const units = unitsOfLines(lines);
  return detectEdition(units, findRegions(units, findParts(units), units.length), year);
}

describe("stage edition: detectEdition", () => {
  it("tells the editions apart by table 二's column labels, whatever the year says", () => {
    expect(editionOf(["二、主动公开政府信息情况", ...tableLines("2021", "table2")], 2019)).toEqual({
      edition: "2021",
      inferred: false,
    });
    expect(editionOf(["二、主动公开政府信息情况", ...tableLines("2019", "table2")], 2022)).toEqual({
      edition: "2019",
      inferred: false,
    });
  });

  it("infers the edition from the year when no label tells, and says it did", () => {
    expect(editionOf(["一、总体情况", "无。"], 2020)).toEqual({ edition: "2019", inferred: true });
    expect(editionOf(["一、总体情况", "无。"], 2022)).toEqual({ edition: "2021", inferred: true });
    expect(editionOf(["一、总体情况", "无。"], undefined)).toEqual({ edition: "2021", inferred: true });
  });
});
