import { describe, expect, it } from "vitest";
import type { ValueColumn } from "./read-value";
import { splitRunTogether } from "./split-digits";

const count: ValueColumn = { signed: false, money: false, unit: null };
const money: ValueColumn = { signed: false, money: true, unit: null };
const seven = Array.from({ length: 7 }, () => count);

describe("splitRunTogether", () => {
  it("splits seven digits into seven cells one way", () => {
    expect(splitRunTogether(["5000005"], seven)).toEqual({
      count: 1,
      candidates: [["5", "0", "0", "0", "0", "0", "5"]],
    });
  });

  it("treats spaces as boundaries and forbids leading zeros", () => {
    expect(splitRunTogether(["23", "0", "00", "0", "023"], seven)).toEqual({
      count: 1,
      candidates: [["23", "0", "0", "0", "0", "0", "23"]],
    });
    expect(splitRunTogether(["230", "000023"], seven).count).toBe(3);
  });

  it("counts without enumerating, and lists at most ten", () => {
    const split = splitRunTogether(
      ["1".repeat(100)],
      Array.from({ length: 15 }, () => count),
    );
    expect(split.count).toBeGreaterThan(1e9);
    expect(split.candidates).toHaveLength(10);
    expect(split.candidates[0]?.join("")).toBe("1".repeat(100));
  });

  it("allows a decimal only in a money column", () => {
    expect(splitRunTogether(["169287.36"], [count, money]).count).toBe(5); // 1|69287.36 … 16928|7.36
    expect(splitRunTogether(["287.36"], [count, count]).count).toBe(0);
  });

  it("finds no split when there are fewer digits than cells", () => {
    expect(splitRunTogether(["000000"], seven)).toEqual({ count: 0, candidates: [] });
  });
});
