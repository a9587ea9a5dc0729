import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { audit } from "../src/index";
import { seriesReport, temporaryDirectory, writeReport } from "./report-files";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

it("keeps no more than a few hundred bytes per report in the main thread (flat memory)", async () => {
  const directory = temporaryDirectory();
  const count = 240;
  // Every report its own agency and year pair, so the series state grows as fast as it can.
  for (let index = 0; index < count; index++) {
    const agency = `某市第${index}局`;
    writeReport(
      directory,
      `r${String(index).padStart(4, "0")}.json`,
      seriesReport(agency, 2022 + (index % 3), { carriedOver: index % 5, carriedForward: 1 }, index),
    );
  }
  const run = audit([directory], { workers: 2, cwd: directory, out: `${directory}/out` });
  const checkpoints = new Map<number, number>();
  let done = 0;
  for await (const result of run) {
    if (result.kind === "cross-year") continue;
    done++;
    if (done === 60 || done === count) checkpoints.set(done, heapUsed());
  }
  const summary = await run.summary;
  expect(summary.totals).toMatchObject({ files: count, checked: count, failed: 0 });
  const perReport = ((checkpoints.get(count) ?? 0) - (checkpoints.get(60) ?? 0)) / (count - 60);
  // A report as read is over 50 kB, its findings several kB: keeping either would show here.
  expect(perReport).toBeLessThan(3_000);
});
