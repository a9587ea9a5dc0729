// Peak memory against the number of reports: the audit (2 workers, every output) of N generated
// portal pages for N = FROM, 4 FROM, 16 FROM, ... up to TO (default 500 to 8,000), each RUNS times
// (default 3, so that the median is one run's), alternating, in a fresh process each
// (bench/peak-memory.mjs); then each size's median peak RSS against the size before it.
// `npm run bench` compares one N with 4N; this shows where the peak stops rising. A run's first
// few thousand reports warm V8's heap up (the main thread's young generation widens once, and its
// old generation grows to the size it then holds), so a comparison that starts at a few hundred
// reports measures that warming as well as what the run keeps. Run against the built package:
//   npx tsup && node bench/memory-curve.mjs [FROM] [TO] [RUNS]
// The pages take about 90 kB each on disk (2,000 pages: 180 MB; 32,000: 2.8 GB), in the OS
// temporary directory, removed at the end.
import { rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { auditWithOutputs, megabytes, peakOf } from "./peak-runs.mjs";
import { writeReportSet } from "./report-set.mjs";

const from = Number(process.argv[2] ?? 500);
const to = Number(process.argv[3] ?? 8000);
const runs = Number(process.argv[4] ?? 3);
if (!(from > 0 && to >= from && runs > 0)) throw new Error("usage: memory-curve.mjs [FROM > 0] [TO ≥ FROM] [RUNS > 0]");
const sizes = [];
for (let size = from; size <= to; size *= 4) sizes.push(size);
const root = join(tmpdir(), `gongkai-audit-memory-curve-${process.pid}`);

try {
  for (const size of sizes) writeReportSet(join(root, String(size)), size);
  const peaks = new Map(sizes.map((size) => [size, []]));
  for (let round = 0; round < runs; round++) {
    // Alternate the order, so that no size always runs on a machine warmed by the one before.
    for (const size of round % 2 ? [...sizes].reverse() : sizes) {
      const run = auditWithOutputs(join(root, String(size)), join(root, "out"));
      peaks.get(size).push(run);
      console.log(
        `${String(size).padStart(7)} reports: peak RSS ${run.peakRssMb.toFixed(0)} MB, ${(run.ms / 1000).toFixed(1)} s  (load ${loadavg()[0].toFixed(1)})`,
      );
    }
  }
  console.log("");
  console.log(`peak RSS with all outputs, median of ${runs} (range); each size against the one before (aim ≤ 1.10x):`);
  let before;
  for (const size of sizes) {
    const peak = peakOf(peaks.get(size));
    const step = before === undefined ? "" : `   ${(peak.median / before).toFixed(2)}x`;
    console.log(`${String(size).padStart(7)} reports: ${megabytes(peak)}${step}`);
    before = peak.median;
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
