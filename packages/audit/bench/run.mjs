// The audit bench: the same set of generated portal pages audited with 1 worker and with 2, and
// imported and checked in one process without workers (the baseline); then peak memory for N and
// 4N reports, and the time 100,000 reports would take at the measured rate; first, what this
// machine gives two CPU-bound processes at once (parallelCapacity), and what it gives two copies of
// the baseline's own work at once (the ceiling for any 2-worker figure on this machine). Run against the built
// package: npx tsup && node --expose-gc bench/run.mjs [N] [plain|embedded]
//
// The pages are `plain` by default: as an agency's portal publishes them, read through the
// recognizer. `embedded` pages carry their report as JSON (to-html's default), which from-html
// reads without recognizing the tables: the path for re-checking our own output, not for a
// district's reports.
//
// The three ways do the same work: they read the same N files, none writes outputs, and each
// imports a file with @gongkai/import's importFile and checks it with core's checkReport (the
// baseline in one thread, as `gongkai check` does; the audit on its workers); they must find the
// same findings, or the bench stops. Each way runs in a fresh process (bench/measure.mjs), so all
// are measured alike, cold. Every line gives the machine's load average beside its numbers: on a
// shared machine wall-clock ratios say little, so the CPU time each way spends per report (worker
// threads included) is given too, and the steady rate (from the report a quarter of the way in)
// apart from start-up and warm-up. The baseline and the 1-worker audit also run on one core
// (`taskset -c 0`, where there is taskset): alone, a process uses the second core too for V8's
// garbage collection and compilation threads, which two busy workers cannot, so "per core" and
// "2 cores against 1" ratios are given against those runs as well.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { writeReportSet } from "./report-set.mjs";

const count = Number(process.argv[2] ?? 300);
const pages = process.argv[3] ?? "plain";
if (pages !== "plain" && pages !== "embedded") throw new Error(`pages: plain or embedded, not ${pages}`);
const root = join(tmpdir(), `gongkai-audit-bench-${process.pid}`);
const small = join(root, "n");
const large = join(root, "4n");
writeReportSet(small, count, { embedReport: pages === "embedded" });
writeReportSet(large, count * 4, { embedReport: pages === "embedded" });

const load = () => `load ${loadavg()[0].toFixed(1)}`;

/**
 * `taskset` to run a process on one core (Linux), when there is one: a process on its own can use
 * a second core too (V8 collects garbage and compiles on helper threads), so its throughput is
 * not one core's.
 */
const taskset = ["/usr/bin/taskset", "/bin/taskset"].find((path) => existsSync(path));

/**
 * One run in a fresh process (bench/measure.mjs), printed with the load average beside it; with
 * `oneCore`, on one core only (`taskset -c 0`; undefined without taskset).
 */
function measure(label, options, ...args) {
  if (options.oneCore && !taskset) return undefined;
  const run = JSON.parse(execFileSync(...command(options, args), { encoding: "utf8" }));
  return reported(label, run);
}

/** The command and arguments of a run of bench/measure.mjs (see {@link measure}). */
function command(options, args) {
  const script = [new URL("./measure.mjs", import.meta.url).pathname, ...args];
  return options.oneCore ? [taskset, ["-c", "0", process.execPath, ...script]] : [process.execPath, script];
}

/** Print a run of bench/measure.mjs with the load average beside it, and keep its findings. */
function reported(label, run) {
  if (run.reports !== count) throw new Error(`${label}: ${run.reports} of ${count} reports`);
  const { steady } = run;
  console.log(
    `${label.padEnd(34)} ${run.wall.toFixed(0).padStart(6)} ms  ${((count / run.wall) * 1000).toFixed(1).padStart(6)} reports/s  ` +
      `CPU ${(run.cpu / count).toFixed(1)} ms/report;  steady ${((steady.reports / steady.wall) * 1000).toFixed(1)} reports/s, ` +
      `CPU ${(steady.cpu / steady.reports).toFixed(1)} ms/report  (${load()})`,
  );
  findingCounts.add(run.findings);
  return run;
}

/**
 * Two baseline runs at once, each in its own process: what this machine gives two copies of the
 * very work the audit spreads over its workers, with nothing shared between them. Memory-bound
 * work (allocation, garbage collection, large objects) can gain less from a second vCPU than a
 * loop that only computes does; no audit with 2 workers can beat this pair by more than its
 * saved start-up.
 */
async function measurePair(label, ...args) {
  const run = promisify(execFile);
  const outputs = await Promise.all([0, 1].map(() => run(...command({}, args), { encoding: "utf8" })));
  return outputs.map(({ stdout }, index) => reported(`${label} (${index + 1} of 2)`, JSON.parse(stdout)));
}
/** The findings each way found: all must agree, or the comparison is not of the same work. */
const findingCounts = new Set();

/**
 * What this machine gives two CPU-bound processes at once: the rate of two copies of a fixed
 * loop run together over the rate of one alone (2.00x on two free cores). A virtual machine's two
 * vCPUs may share one physical core, or the host may be busy: then no program's 2-worker
 * speed-up can exceed this, and the speed-up below is also given against it. Median of 3 rounds.
 */
async function parallelCapacity() {
  const loop = "let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0; if (x === 1) console.log(x);";
  const run = promisify(execFile);
  const timed = async (copies) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: copies }, () => run(process.execPath, ["-e", loop])));
    return performance.now() - started;
  };
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const one = await timed(1);
    const two = await timed(2);
    rounds.push((2 * one) / two);
  }
  return rounds.sort((a, b) => a - b)[1];
}
const capacity = await parallelCapacity();

console.log(`N = ${count} generated portal pages (${pages}); ${availableParallelism()} cores; node ${process.version}`);
console.log(
  `this machine: two CPU-bound processes at once run at ${capacity.toFixed(2)}x the rate of one (2.00x on two free cores)  (${load()})`,
);
console.log("Each run in a fresh process, timed from its start; steady: from the report N/4 in to the last.");
const baseline = measure("check in one process (baseline)", {}, "check", small);
const pair = await measurePair("two baselines at once", "check", small);
const baselineOneCore = measure("the same on one core (taskset)", { oneCore: true }, "check", small);
const one = measure("audit, 1 worker", {}, "audit", small, "1");
const oneOneCore = measure("audit, 1 worker on one core", { oneCore: true }, "audit", small, "1");
const two = measure("audit, 2 workers", {}, "audit", small, "2");
if (findingCounts.size !== 1) throw new Error(`the runs found different findings: ${[...findingCounts]}`);

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
  `audit, 2 workers, all outputs:   ${peakSmall.ms.toFixed(0).padStart(6)} ms  ${((count / peakSmall.ms) * 1000).toFixed(1).padStart(6)} reports/s  CPU ${(peakSmall.cpuMs / count).toFixed(1)} ms/report, peak RSS ${peakSmall.peakRssMb.toFixed(0)} MB  (${load()})`,
);
const peakLarge = withOutputs(large);
console.log(
  `the same, 4N = ${count * 4}:${" ".repeat(Math.max(0, 18 - String(count * 4).length))}${peakLarge.ms.toFixed(0).padStart(6)} ms  ${(((count * 4) / peakLarge.ms) * 1000).toFixed(1).padStart(6)} reports/s  CPU ${(peakLarge.cpuMs / (count * 4)).toFixed(1)} ms/report, peak RSS ${peakLarge.peakRssMb.toFixed(0)} MB  (${load()})`,
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
  `  the same over the machine's own ${capacity.toFixed(2)}x:     ${ratio(one.wall / two.wall / capacity)} whole run, ${ratio(wallPer(one) / wallPer(two) / capacity)} steady   (1.00x: all the machine gives)`,
);
// The pair's two processes do not keep step (one may finish first), so it is compared whole run:
// both sets done, start-up included, as a 2-worker audit's whole run is.
const pairWall = Math.max(pair[0].wall, pair[1].wall);
/** Two baselines at once: their rate over one baseline's alone. */
const workCapacity = (2 * baseline.wall) / pairWall;
console.log(
  `  the same over the ${workCapacity.toFixed(2)}x two baselines get: ${ratio(one.wall / two.wall / workCapacity)} whole run   (1.00x: all the machine gives this work)`,
);
if (oneOneCore) {
  console.log(
    `  2 workers on 2 cores / 1 worker on 1:    ${ratio(oneOneCore.wall / two.wall)} whole run, ${ratio(wallPer(oneOneCore) / wallPer(two))} steady`,
  );
}
console.log(
  `throughput per core, 2 workers / baseline: ${ratio(baseline.wall / (2 * two.wall))} whole run, ${ratio(wallPer(baseline) / (2 * wallPer(two)))} steady   (aim ≥ 0.9x; the baseline uses more than one core)`,
);
console.log(
  `  against two baselines at once:           ${ratio(pairWall / (2 * two.wall))} whole run   (1.00x: 2 workers do as well as two separate processes)`,
);
if (baselineOneCore) {
  console.log(
    `  against the baseline on one core:        ${ratio(baselineOneCore.wall / (2 * two.wall))} whole run, ${ratio(wallPer(baselineOneCore) / (2 * wallPer(two)))} steady   (aim ≥ 0.9x)`,
  );
}
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
/** Minutes 100,000 reports take at `cpuPerReport` ms of CPU each, on 2 cores given to the run. */
const cpuMinutes = (cpuPerReport) => ((cpuPerReport * 100_000) / 2 / 60_000).toFixed(1);
console.log(
  `the same from CPU time, 2 free cores:      ${cpuMinutes(cpuPer(two))} min checking, ${cpuMinutes(peakLarge.cpuMs / (count * 4))} min with all outputs   (load-independent)`,
);
console.log(`(${load()} at the end)`);
