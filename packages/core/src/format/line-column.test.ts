import { describe, expect, it } from "vitest";
import { lineColumnAt } from "./line-column";

describe("lineColumnAt", () => {
  it("treats \\r\\n, \\n and \\r as line ends", () => {
    const text = "ab\r\ncd\nef\rgh";
    expect(lineColumnAt(text, text.indexOf("d"))).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt(text, text.indexOf("f"))).toEqual({ line: 3, column: 2 });
    expect(lineColumnAt(text, text.indexOf("h"))).toEqual({ line: 4, column: 2 });
  });
});
