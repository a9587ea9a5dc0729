import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type EditionId, editionForYear } from "@gongkai/core";
import { generatedReport } from "@gongkai/test-reports";
import { expect, it } from "vitest";
import { audit } from "../src/index";
import { temporaryDirectory, writeReport } from "./report-files";

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
  // Every report its own agency and year pair, so the series state grows as fast as it can; with
  // table 二 and 三 filled in, as a real report has them, so each one's cross-year slice (about a
  // kilobyte) would show here if the run kept it in memory.
  for (let index = 0; index < count; index++) {
    const year = 2022 + (index % 3);
    const report = generatedReport(editionForYear(year) as EditionId, index);
    report.meta.year = year;
    report.meta.agency = { name: `某市第${index}局`, kind: "department" };
    writeReport(directory, `r${String(index).padStart(4, "0")}.json`, report);
  }
  const run = audit([directory], { workers: 2, cwd: directory, out: `${directory}/out` });
  const checkpoints = new Map<number, number>();
  let done = 0;
  for await (const result of run) {
    if (result.kind === "cross-year") continue;
    done++;
    if (done === 80 || done === count) checkpoints.set(done, heapUsed());
  }
  const summary = await run.summary;
  expect(summary.totals).toMatchObject({ files: count, checked: count, failed: 0 });
  const perReport = ((checkpoints.get(count) ?? 0) - (checkpoints.get(80) ?? 0)) / (count - 80);
  // A report as read is over 50 kB, its findings several kB: keeping either would show here. So
  // would the slices in memory: about 3,000 bytes a report with them, about 530 with them on disk.
  expect(perReport).toBeLessThan(1_500);
});
