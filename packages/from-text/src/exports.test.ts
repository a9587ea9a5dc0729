import { expect, it } from "vitest";

it("pins the public exports of @gongkai/from-text", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "NotAReportError",
    "fromText",
    "maxCellsPerTextRow",
    "maxRowsPerTextTable",
    "textToBlocks",
  ]);
});
