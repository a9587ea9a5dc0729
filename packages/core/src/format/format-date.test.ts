import { describe, expect, it } from "vitest";
import { formatDate } from "../index";

describe("formatDate", () => {
  it("writes 2021年2月9日 in Chinese and the ISO date in English (the seed's 发布日期 2021-02-09)", () => {
    expect(formatDate("2021-02-09", "zh")).toBe("2021年2月9日");
    expect(formatDate("2021-02-09", "en")).toBe("2021-02-09");
    expect(formatDate("2021-12-31T15:21:00+08:00", "zh")).toBe("2021年12月31日");
    expect(formatDate("2021-12-31T15:21:00+08:00", "en")).toBe("2021-12-31");
  });

  it("returns text that is no such date as it is", () => {
    for (const text of ["", "2021-2-9", "20210209", "2021年2月9日", "2021-02-091"]) {
      expect(formatDate(text, "zh")).toBe(text);
    }
  });
});
