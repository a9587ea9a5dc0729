import { describe, expect, it } from "vitest";
import { looksLikeValue, readValue } from "./read-value";

const count = { signed: false, money: false, unit: null };
const signed = { signed: true, money: false, unit: null };
const money = { signed: false, money: true, unit: null };
const money2021 = { signed: false, money: true, unit: "万元" };

describe("readValue", () => {
  it("keeps blank, 0 and / apart, and keeps the raw text", () => {
    expect(readValue("", count).cell).toEqual({ kind: "blank", raw: "" });
    expect(readValue("0", count).cell).toEqual({ kind: "number", value: 0, raw: "0" });
    expect(readValue("/", count).cell).toEqual({ kind: "notApplicable", raw: "/" });
    expect(readValue("／", count).cell).toEqual({ kind: "notApplicable", raw: "／" });
  });

  it("reads -, — and 无 as nothing reported: blank, raw kept, no finding", () => {
    for (const raw of ["-", "—", "——", "无", "－"]) {
      expect(readValue(raw, count)).toEqual({ cell: { kind: "blank", raw }, unreadable: false });
    }
  });

  it("reads full-width digits, count units, signs and thousands separators", () => {
    expect(readValue("１２", count).cell).toMatchObject({ kind: "number", value: 12 });
    expect(readValue("9件", count).cell).toMatchObject({ kind: "number", value: 9, raw: "9件" });
    expect(readValue(" 1,356 ", count).cell).toMatchObject({ kind: "number", value: 1356 });
    expect(readValue("+3", signed).cell).toEqual({ kind: "number", value: 3, raw: "+3" });
    expect(readValue("-392", signed).cell).toEqual({ kind: "number", value: -392, raw: "-392" });
  });

  it("reads zero fractions in counts, and dashes and words as signs in signed columns", () => {
    expect(readValue("5.00", count).cell).toMatchObject({ kind: "number", value: 5, raw: "5.00" });
    expect(readValue("—3", signed).cell).toMatchObject({ kind: "number", value: -3, raw: "—3" });
    expect(readValue("−3", signed).cell).toMatchObject({ kind: "number", value: -3 });
    expect(readValue("减少3", signed).cell).toMatchObject({ kind: "number", value: -3 });
    expect(readValue("增加2项", signed).cell).toMatchObject({ kind: "number", value: 2 });
    expect(readValue("—3", count).unreadable).toBe(true);
    expect(readValue("—", signed).cell).toEqual({ kind: "blank", raw: "—" });
  });

  it("reads money with its unit, or the column's printed unit", () => {
    expect(readValue("0.35万元", money).cell).toEqual({ kind: "number", value: 0.35, unit: "万元", raw: "0.35万元" });
    expect(readValue("251000元", money).cell).toEqual({ kind: "number", value: 251000, unit: "元", raw: "251000元" });
    expect(readValue("8040", money).cell).toEqual({ kind: "number", value: 8040, raw: "8040" });
    expect(readValue("4068.208", money2021).cell).toEqual({
      kind: "number",
      value: 4068.208,
      unit: "万元",
      raw: "4068.208",
    });
  });

  it("leaves anything else blank and flags it", () => {
    for (const raw of ["约5", "12余", "0.5", "5元", "十二", "1 2"]) {
      const read = readValue(raw, count, { line: 3, column: 1 });
      expect(read.unreadable).toBe(true);
      expect(read.cell).toEqual({ kind: "blank", raw, source: { line: 3, column: 1 } });
    }
  });

  it("reads back a cell our renderers printed as unread (to-html, to-docx), with its reason when printed", () => {
    expect(readValue("未读出", count)).toEqual({
      cell: { kind: "unread", reason: "illegible", raw: "未读出" },
      unreadable: false,
    });
    // to-html prints the reason's label (unreadReasonLabels) after the mark.
    expect(readValue("未读出（原文在此之前截断）", count).cell).toMatchObject({ kind: "unread", reason: "truncated" });
    expect(readValue("未读出（数字粘连，拆分不唯一）", count).cell).toMatchObject({
      kind: "unread",
      reason: "runTogether",
    });
    expect(readValue(" 未读出 (未找到该行) ", count).cell).toMatchObject({ kind: "unread", reason: "rowNotFound" });
    expect(readValue("未读出（别的话）", count).cell).toMatchObject({ kind: "unread", reason: "illegible" });
    // Not the mark: text that merely starts with it.
    expect(readValue("未读出来", count)).toMatchObject({ cell: { kind: "blank" }, unreadable: true });
    expect(looksLikeValue("未读出")).toBe(true);
  });

  it("tells values from labels", () => {
    expect(looksLikeValue("287.36万元")).toBe(true);
    expect(looksLikeValue("—")).toBe(true);
    expect(looksLikeValue("规章")).toBe(false);
  });
});
