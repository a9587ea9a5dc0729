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
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeReportSet } from "./report-set.mjs";

const from = Number(process.argv[2] ?? 500);
const to = Number(process.argv[3] ?? 8000);
const runs = Number(process.argv[4] ?? 3);
if (!(from > 0 && to >= from && runs > 0)) throw new Error("usage: memory-curve.mjs [FROM > 0] [TO ≥ FROM] [RUNS > 0]");
const sizes = [];
for (let size = from; size <= to; size *= 4) sizes.push(size);
const root = join(tmpdir(), `gongkai-audit-memory-curve-${process.pid}`);

/** The middle value (the lower middle of an even count). */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

try {
  for (const size of sizes) writeReportSet(join(root, String(size)), size);
  const peaks = new Map(sizes.map((size) => [size, []]));
  for (let round = 0; round < runs; round++) {
    // Alternate the order, so that no size always runs on a machine warmed by the one before.
    for (const size of round % 2 ? [...sizes].reverse() : sizes) {
      const output = execFileSync(
        process.execPath,
        [new URL("./peak-memory.mjs", import.meta.url).pathname, join(root, String(size)), join(root, "out")],
        { encoding: "utf8" },
      );
      const run = JSON.parse(output);
      peaks.get(size).push(run.peakRssMb);
      console.log(
        `${String(size).padStart(7)} reports: peak RSS ${run.peakRssMb.toFixed(0)} MB, ${(run.ms / 1000).toFixed(1)} s  (load ${loadavg()[0].toFixed(1)})`,
      );
    }
  }
  console.log("");
  console.log(`peak RSS with all outputs, median of ${runs} (range); each size against the one before (aim ≤ 1.10x):`);
  let before;
  for (const size of sizes) {
    const values = peaks.get(size);
    const middle = median(values);
    const step = before === undefined ? "" : `   ${(middle / before).toFixed(2)}x`;
    console.log(
      `${String(size).padStart(7)} reports: ${middle.toFixed(0)} MB (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})${step}`,
    );
    before = middle;
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
