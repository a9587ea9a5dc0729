import { expect, it } from "vitest";
import { auditNodeFlags } from "./node-flags";
import { nodeTuning } from "./node-tuning";

it("tunes V8 per Node version as measured: --single-threaded-gc on 20 and 22, 48 MB of young generation on 24", () => {
  const byVersion = ["20.19.0", "22.23.5", "24.22.3", "26.12.1"].map((version) => [
    version,
    auditNodeFlags(version),
    nodeTuning(version).workerYoungGenerationMb,
  ]);
  expect(byVersion).toEqual([
    ["20.19.0", ["--single-threaded-gc"], 24],
    ["22.23.5", ["--single-threaded-gc"], 24],
    ["24.22.3", [], 48],
    ["26.12.1", [], 24],
  ]);
  expect(nodeTuning()).toBe(nodeTuning(process.versions.node));
});
