import { expect, it } from "vitest";

it("exports exactly the public API", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "JsonSyntaxError",
    "configJsonSchema",
    "configSchema",
    "configSchemaUrl",
    "parseJson",
    "reportJsonSchema",
    "reportSchemaUrl",
    "reportSchemaVersion",
    "ruleLevelSchema",
    "safeParseJson",
    "toJson",
  ]);
});
