import { expect, it } from "vitest";
import { auditNodeFlags } from "./node-flags";

it("gives --single-threaded-gc on Node 20 and 22, where it was measured faster at the same memory, and nothing on 24 and later", () => {
  expect(auditNodeFlags("20.19.0")).toEqual(["--single-threaded-gc"]);
  expect(auditNodeFlags("22.23.5")).toEqual(["--single-threaded-gc"]);
  expect(auditNodeFlags("24.22.3")).toEqual([]);
  expect(auditNodeFlags("26.12.1")).toEqual([]);
  expect(auditNodeFlags()).toEqual(auditNodeFlags(process.versions.node));
});
