import { expect, it } from "vitest";

it("exports exactly the public API", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "ImportFileError",
    "importFile",
    "importFileErrorReasons",
    "inputExtensions",
    "inputFormats",
    "sniffFormat",
  ]);
});

it("exports exactly the public API of ./node", async () => {
  expect(Object.keys(await import("./node")).sort()).toEqual([
    "ConfigError",
    "configSearchPlaces",
    "expandInputs",
    "ignoreFileName",
    "loadConfig",
    "readIgnoreFile",
  ]);
});
