import { expect, it } from "vitest";

it("exports exactly the public API", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "audit",
    "auditFailureKinds",
    "auditNodeFlags",
    "auditSummaryJsonSchema",
    "auditSummarySchema",
    "auditSummarySchemaUrl",
    "auditSummaryVersion",
    "summaryPage",
  ]);
});

it("exports the Node flags alone from @gongkai/audit/node-flags, the same as the index's", async () => {
  const flags = await import("./node-flags");
  expect(Object.keys(flags)).toEqual(["auditNodeFlags"]);
  expect(flags.auditNodeFlags).toBe((await import("./index")).auditNodeFlags);
});
