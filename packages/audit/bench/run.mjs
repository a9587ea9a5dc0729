// The audit bench: the same set of generated portal pages audited with 1 worker and with 2, and
// imported and checked in one process without workers (the baseline); then peak memory for N and
// 4N reports, and the time 100,000 reports would take at the measured rate. Run against the built
// package: npx tsup && node --expose-gc bench/run.mjs [N]
//
// Each way runs in a fresh process (bench/measure.mjs), so all are measured alike, cold. Every line
// gives the machine's load average beside its numbers: on a shared machine wall-clock ratios say
// little, so the CPU time each way spends per report (worker threads included) is given too, and
// the steady rate (from the report a quarter of the way in) apart from start-up and warm-up.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeReportSet } from "./report-set.mjs";

const count = Number(process.argv[2] ?? 300);
const root = join(tmpdir(), `gongkai-audit-bench-${process.pid}`);
const small = join(root, "n");
const large = join(root, "4n");
writeReportSet(small, count);
writeReportSet(large, count * 4);

const load = () => `load ${loadavg()[0].toFixed(1)}`;

/** One run in a fresh process (bench/measure.mjs), printed with the load average beside it. */
function measure(label, ...args) {
  const run = JSON.parse(
    execFileSync(process.execPath, [new URL("./measure.mjs", import.meta.url).pathname, ...args], {
      encoding: "utf8",
    }),
  );
  if (run.reports !== count) throw new Error(`${label}: ${run.reports} of ${count} reports`);
  const { steady } = run;
  console.log(
    `${label.padEnd(32)} ${run.wall.toFixed(0).padStart(6)} ms  ${((count / run.wall) * 1000).toFixed(1).padStart(6)} reports/s  ` +
      `CPU ${(run.cpu / count).toFixed(1)} ms/report;  steady ${((steady.reports / steady.wall) * 1000).toFixed(1)} reports/s, ` +
      `CPU ${(steady.cpu / steady.reports).toFixed(1)} ms/report  (${load()})`,
  );
  findingCounts.add(run.findings);
  return run;
}
/** The findings each way found: all three must agree, or the comparison is not of the same work. */
const findingCounts = new Set();

console.log(`N = ${count} generated portal pages; ${availableParallelism()} cores; node ${process.version}`);
console.log("Each run in a fresh process, timed from its start; steady: from the report N/4 in to the last.");
const baseline = measure("check in one process (baseline)", "check", small);
const one = measure("audit, 1 worker", "audit", small, "1");
const two = measure("audit, 2 workers", "audit", small, "2");
if (findingCounts.size !== 1) throw new Error(`the three runs found different findings: ${[...findingCounts]}`);

/** Audit with 2 workers and every output in a child process: its peak RSS and its time. */
function withOutputs(directory) {
  const output = execFileSync(
    process.execPath,
    [new URL("./peak-memory.mjs", import.meta.url).pathname, directory, join(root, "out")],
    { encoding: "utf8" },
  );
  return JSON.parse(output);
}
const peakSmall = withOutputs(small);
console.log(
  `audit, 2 workers, all outputs:   ${peakSmall.ms.toFixed(0).padStart(6)} ms  ${((count / peakSmall.ms) * 1000).toFixed(1).padStart(6)} reports/s, peak RSS ${peakSmall.peakRssMb.toFixed(0)} MB  (${load()})`,
);
const peakLarge = withOutputs(large);
console.log(
  `the same, 4N = ${count * 4}:${" ".repeat(Math.max(0, 18 - String(count * 4).length))}${peakLarge.ms.toFixed(0).padStart(6)} ms  ${(((count * 4) / peakLarge.ms) * 1000).toFixed(1).padStart(6)} reports/s, peak RSS ${peakLarge.peakRssMb.toFixed(0)} MB  (${load()})`,
);
rmSync(root, { recursive: true, force: true });

const ratio = (value) => `${value.toFixed(2)}x`;
/** Wall and CPU ms per report of a run's steady part. */
const wallPer = (run) => run.steady.wall / run.steady.reports;
const cpuPer = (run) => run.steady.cpu / run.steady.reports;
console.log("");
console.log(
  `speed-up, 2 workers / 1 worker:            ${ratio(one.wall / two.wall)} whole run, ${ratio(wallPer(one) / wallPer(two))} steady   (aim ≥ 1.8x)`,
);
console.log(
  `throughput per core, 2 workers / baseline: ${ratio(baseline.wall / (2 * two.wall))} whole run, ${ratio(wallPer(baseline) / (2 * wallPer(two)))} steady   (aim ≥ 0.9x)`,
);
console.log(
  `CPU per report, baseline / audit (steady): ${ratio(cpuPer(baseline) / cpuPer(one))} 1 worker, ${ratio(cpuPer(baseline) / cpuPer(two))} 2 workers   (1.00x: no work wasted; load-independent)`,
);
console.log(
  `peak RSS, 4N / N with all outputs:         ${ratio(peakLarge.peakRssMb / peakSmall.peakRssMb)}   (aim ≤ 1.10x)`,
);
const startUp = two.wall - wallPer(two) * count;
console.log(
  `projected 100,000 reports on 2 workers:    ${((startUp + wallPer(two) * 100_000) / 60_000).toFixed(1)} min checking, ${(((peakLarge.ms / (count * 4)) * 100_000) / 60_000).toFixed(1)} min with all outputs   (aim < 5 min)`,
);
console.log(`(${load()} at the end)`);
