import { expect, it } from "vitest";

it("exports exactly the public API", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "JsonSyntaxError",
    "cellCsvColumns",
    "cellCsvRows",
    "cellCsvState",
    "configJsonSchema",
    "configSchema",
    "configSchemaUrl",
    "csvField",
    "parseJson",
    "reportJsonSchema",
    "reportSchemaUrl",
    "reportSchemaVersion",
    "ruleLevelSchema",
    "safeParseJson",
    "toCsv",
    "toJson",
  ]);
});
