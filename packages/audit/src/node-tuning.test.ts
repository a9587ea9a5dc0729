import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { auditNodeFlags } from "./node-flags";
import { nodeTuning } from "./node-tuning";

it("tunes V8 per Node version as measured: collection on the allocating thread but for sweeping on 20 and 22, 48 MB of young generation on 24", () => {
  const gcOnAllocatingThread = [
    "--no-parallel-scavenge",
    "--no-concurrent-marking",
    "--no-parallel-marking",
    "--no-parallel-compaction",
    "--no-parallel-pointer-update",
    "--no-cppheap-concurrent-marking",
  ];
  const byVersion = ["20.19.0", "22.23.5", "24.22.3", "26.12.1"].map((version) => [
    version,
    auditNodeFlags(version),
    nodeTuning(version).workerYoungGenerationMb,
  ]);
  expect(byVersion).toEqual([
    ["20.19.0", gcOnAllocatingThread, 24],
    ["22.23.5", gcOnAllocatingThread, 24],
    ["24.22.3", [], 48],
    ["26.12.1", [], 24],
  ]);
  expect(nodeTuning()).toBe(nodeTuning(process.versions.node));
});

it("gives this Node only flags it accepts (a flag it does not know would make gongkai audit run without them)", () => {
  const flags = auditNodeFlags();
  const started = spawnSync(process.execPath, [...flags, "-e", "process.exitCode = 0"], { encoding: "utf8" });
  expect({ status: started.status, stderr: started.stderr }).toEqual({ status: 0, stderr: "" });
  // A made-up one, as a typo would be: Node ends with 9, "bad option".
  expect(spawnSync(process.execPath, [...flags, "--no-such-v8-flag", "-e", ""]).status).toBe(9);
});
