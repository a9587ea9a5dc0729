import { expect, it } from "vitest";

it("exports exactly the public API", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "GongkaiReportElement",
    "ReportLoadError",
    "defineGongkaiReport",
    "describeFindingLocation",
    "groupFindingsByCause",
    "importReport",
    "reportLoadErrorCodes",
  ]);
});

it("imports outside a browser without defining anything", async () => {
  const { defineGongkaiReport, GongkaiReportElement } = await import("./index");
  expect(defineGongkaiReport()).toBe(GongkaiReportElement);
});
