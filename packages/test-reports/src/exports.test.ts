import { expect, it } from "vitest";

it("exports exactly the shared test reports and helpers", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "balancedReport",
    "blankReport",
    "conformanceCases",
    "corpusDirectory",
    "corpusExcerptNames",
    "corpusFile",
    "encodeGbk",
    "feesReport",
    "fixturesDirectory",
    "fullReport",
    "generatedReport",
    "groupAsRowReport",
    "hostileReport",
    "hostileStrings",
    "longProseReport",
    "moneyAndChangesReport",
    "notApplicableReport",
    "numberTexts",
    "patternedReport",
    "printedCell",
    "printedCells",
    "printedText",
    "rowsOf",
    "sampleReport",
    "seedJsonText",
    "seedReport",
    "seedText",
    "setLoose",
  ]);
});
