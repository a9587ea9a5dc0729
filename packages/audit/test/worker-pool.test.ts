import type { Worker } from "node:worker_threads";
import { expect, it } from "vitest";
import { nodeTuning } from "../src/node-tuning";
import { type WorkerHeapLimits, WorkerPool } from "../src/worker-pool";
import { seriesReport, temporaryDirectory, writeReport } from "./report-files";

it("starts its workers with the heap limits it is given, and its defaults otherwise", async () => {
  const directory = temporaryDirectory();
  const path = writeReport(
    directory,
    "r.json",
    seriesReport("某市财政局", 2023, { carriedOver: 0, carriedForward: 0 }),
  );
  const cases: [WorkerHeapLimits, { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number }][] = [
    [{}, { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: nodeTuning().workerYoungGenerationMb }],
    [
      { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 48 },
      { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 48 },
    ],
  ];
  for (const [limits, expected] of cases) {
    const pool = new WorkerPool(1, 60_000, limits);
    const replies: string[] = [];
    const done = pool.run({ id: 0, path, file: "r.json", cells: false }, (reply) => replies.push(reply.result.kind));
    // The worker the pool started (its slots are private: read here only to see its limits).
    const worker = (pool as unknown as { slots: { worker?: Worker }[] }).slots[0]?.worker;
    expect(worker?.resourceLimits).toMatchObject(expected);
    await done;
    expect(replies).toEqual(["report"]);
    await pool.close();
  }
});
