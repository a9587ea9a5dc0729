// The audit bench: the same set of generated portal pages audited with 1 worker and with 2, and
// imported and checked in one process without workers (the baseline), in rounds (each way once a
// round; ratios within a round, then their median and range), and the three ways again over 4N
// reports, whose second halves show the workers warmed up; then peak memory for N and 4N reports
// (several runs of each, alternating: their medians and ranges), and the time 100,000 reports
// would take at the rate of the 2-worker run of 4N; last, the three ways once over a set of 16N
// (LONGEST times N; 0 skips it), whose second half comes after the workers' V8 has compiled the
// code it runs, and two baselines at once over it (what the machine gives two warmed-up
// processes of this work). First, what this machine gives two CPU-bound processes at once
// (parallelCapacity); each round also runs two copies of the baseline's own work at once (what
// the machine gives two fresh processes of this work). Run against the built package:
//   npx tsup && node bench/run.mjs [N] [plain|embedded] [memory rounds] [speed rounds] [LONGEST]
//
// The pages are `plain` by default: as an agency's portal publishes them, read through the
// recognizer. `embedded` pages carry their report as JSON (to-html's default), which from-html
// reads without recognizing the tables: the path for re-checking our own output, not for a
// district's reports.
//
// The audit runs under the Node flags `gongkai audit` starts Node with (`auditNodeFlags()`, for
// this Node), and once a round without them, for what they change; the baseline runs as
// `gongkai check` does.
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
import { auditNodeFlags } from "../dist/node-flags.js";
import { auditWithOutputs, median, megabytes, peakOf } from "./peak-runs.mjs";
import { writeReportSet } from "./report-set.mjs";

const count = Number(process.argv[2] ?? 300);
const pages = process.argv[3] ?? "plain";
/** How many times the peak-memory runs of N and of 4N are each made. */
const memoryRounds = Number(process.argv[4] ?? 3);
/** How many rounds of the speed runs (each way once a round). */
const speedRounds = Number(process.argv[5] ?? 3);
/** How many times N the longest set is, run once each way after the rounds (0: not run). */
const longestFactor = Number(process.argv[6] ?? 16);
if (pages !== "plain" && pages !== "embedded") throw new Error(`pages: plain or embedded, not ${pages}`);
if (!(Number.isInteger(longestFactor) && longestFactor >= 0))
  throw new Error(`longest set: a whole factor, not ${longestFactor}`);
const root = join(tmpdir(), `gongkai-audit-bench-${process.pid}`);
const small = join(root, "n");
const large = join(root, "4n");
const longest = join(root, "longest");
writeReportSet(small, count, { embedReport: pages === "embedded" });
writeReportSet(large, count * 4, { embedReport: pages === "embedded" });

const load = () => `load ${loadavg()[0].toFixed(1)}`;
/** The Node flags `gongkai audit` runs under on this Node (none on some versions). */
const nodeFlags = auditNodeFlags();

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
  return reported(label, run, options.reports);
}

/** A run's line: its label, wall time, reports a second and CPU time a report. */
function rateLine(label, reports, wallMs, cpuMs) {
  return `${label.padEnd(34)} ${wallMs.toFixed(0).padStart(6)} ms  ${((reports / wallMs) * 1000).toFixed(1).padStart(6)} reports/s  CPU ${(cpuMs / reports).toFixed(1)} ms/report`;
}

/** Print the line of a run's second half (`late`, from bench/measure.mjs). */
function printSecondHalf(label, { late }) {
  console.log(rateLine(label, late.reports, late.wall, late.cpu));
}

/** `execFile` as a promise: for processes run at once. */
const execFileAsync = promisify(execFile);

/**
 * The command and arguments of a run of bench/measure.mjs (see {@link measure}). An audit runs
 * under the Node flags `gongkai audit` runs under (`auditNodeFlags()`), unless `options.plainNode`;
 * the baseline as `gongkai check` runs, without them.
 */
function command(options, args) {
  const flags = args[0] === "audit" && !options.plainNode ? nodeFlags : [];
  const script = [...flags, new URL("./measure.mjs", import.meta.url).pathname, ...args];
  return options.oneCore ? [taskset, ["-c", "0", process.execPath, ...script]] : [process.execPath, script];
}

/**
 * Print a run of bench/measure.mjs of `reports` reports (the N set's or the 4N set's) with the
 * load average beside it, and keep its findings: all ways must find the same in a set.
 */
function reported(label, run, reports = count) {
  if (run.reports !== reports) throw new Error(`${label}: ${run.reports} of ${reports} reports`);
  const { steady } = run;
  console.log(
    `${rateLine(label, reports, run.wall, run.cpu)};  steady ${((steady.reports / steady.wall) * 1000).toFixed(1)} reports/s, ` +
      `CPU ${(steady.cpu / steady.reports).toFixed(1)} ms/report  (${load()})`,
  );
  if (!findingCounts.has(reports)) findingCounts.set(reports, new Set());
  findingCounts.get(reports).add(run.findings);
  return run;
}

/**
 * Two baseline runs at once, each in its own process: what this machine gives two fresh copies
 * of the very work the audit spreads over its workers, with nothing shared between them. They gain
 * less from a second vCPU than a loop that only computes does, chiefly while V8 compiles their
 * code on its helper threads, which then take turns with the other process (warmed up, two copies
 * each ran at 0.89-0.96x of one alone's rate); an audit of N with 2 workers, which compiles the
 * same code in each worker, can beat this pair by little more than its saved start-up.
 */
async function measurePair(label, reports, ...args) {
  const outputs = await Promise.all([0, 1].map(() => execFileAsync(...command({}, args), { encoding: "utf8" })));
  return outputs.map(({ stdout }, index) => reported(`${label} (${index + 1} of 2)`, JSON.parse(stdout), reports));
}
/**
 * The findings each way found, by the number of reports in the set: all must agree, or the
 * comparison is not of the same work.
 */
const findingCounts = new Map();

/**
 * What this machine gives two CPU-bound processes at once: the rate of two copies of a fixed
 * loop run together over the rate of one alone (2.00x on two free cores). A virtual machine's two
 * vCPUs may share one physical core, or the host may be busy: then no program's 2-worker
 * speed-up can exceed this, and the speed-up below is also given against it. Median of 3 rounds.
 */
async function parallelCapacity() {
  const loop = "let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0; if (x === 1) console.log(x);";
  const timed = async (copies) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: copies }, () => execFileAsync(process.execPath, ["-e", loop])));
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

/**
 * A run of the 4N set, for the speed of a large run and the projection to 100,000 reports: each
 * worker's V8 compiles the hot code of the import and the check anew, and much of it is called once
 * a report, so it is optimized only after hundreds of reports (in one process, V8 optimized some
 * 390 functions over the first 3,000 reports, four fifths of that compile time in the first 500).
 * A run of N reports is still paying for that in its steady part; the second half of this longer
 * run is nearer what the rest of a large run costs.
 */
function measureLong(label, ...args) {
  return measureWithHalf(label, count * 4, ...args);
}

/** A run of `reports` reports (a set longer than N) with its second half's rate. */
function measureWithHalf(label, reports, ...args) {
  const run = measure(label, { reports }, ...args);
  printSecondHalf("  its second half", run);
  return run;
}

console.log(`N = ${count} generated portal pages (${pages}); ${availableParallelism()} cores; node ${process.version}`);
console.log(
  `this machine: two CPU-bound processes at once run at ${capacity.toFixed(2)}x the rate of one (2.00x on two free cores)  (${load()})`,
);
console.log("Each run in a fresh process, timed from its start; steady: from the report N/4 in to the last.");
// This VM's speed drifts by a third within minutes, so each way runs once a round, in the same
// order, `speedRounds` times; every ratio is worked out within a round (runs a minute apart) and
// given as the median of the rounds with their range.
const rounds = [];
for (let round = 1; round <= speedRounds; round++) {
  console.log(`round ${round} of ${speedRounds}`);
  rounds.push({
    baseline: measure("check in one process (baseline)", {}, "check", small),
    pair: await measurePair("two baselines at once", count, "check", small),
    baselineOneCore: measure("the same on one core (taskset)", { oneCore: true }, "check", small),
    one: measure("audit, 1 worker", {}, "audit", small, "1"),
    oneOneCore: measure("audit, 1 worker on one core", { oneCore: true }, "audit", small, "1"),
    two: measure("audit, 2 workers", {}, "audit", small, "2"),
    ...(nodeFlags.length > 0
      ? { twoPlain: measure("audit, 2 workers, no Node flags", { plainNode: true }, "audit", small, "2") }
      : {}),
    longBaseline: measureLong("check in one process, the 4N set", "check", large),
    longOne: measureLong("audit, 1 worker, the 4N set", "audit", large, "1"),
    long: measureLong("audit, 2 workers, the 4N set", "audit", large, "2"),
  });
}
// The longest set, once each way: the workers' compiles (above) are done within its first half,
// so its second half is what the rest of a district's thousands of reports costs; two baselines at
// once over it, whose second halves show what the machine gives two warmed-up processes of this
// work (the ceiling of a 2-worker speed-up there, as the pair of fresh ones is for a run of N);
// and once with every output, for its peak memory against 4N's (a rise that starts past 4N shows
// only here).
const longestRuns =
  longestFactor > 0
    ? await (async () => {
        const reports = count * longestFactor;
        writeReportSet(longest, reports, { embedReport: pages === "embedded" });
        console.log(`the ${longestFactor}N set (${reports} reports), once each way`);
        const runs = {
          baseline: measureWithHalf(`check in one process, ${longestFactor}N`, reports, "check", longest),
          one: measureWithHalf(`audit, 1 worker, ${longestFactor}N`, reports, "audit", longest, "1"),
          two: measureWithHalf(`audit, 2 workers, ${longestFactor}N`, reports, "audit", longest, "2"),
          pair: await measurePair(`two baselines at once, ${longestFactor}N`, reports, "check", longest),
          // Its peak memory with every output, once: what a run keeps past 4N shows here.
          peak: auditWithOutputs(longest, join(root, "out")),
        };
        for (const [index, run] of runs.pair.entries()) printSecondHalf(`  ${index + 1} of 2, its second half`, run);
        console.log(
          `${rateLine(`audit, 2 workers, all outputs, ${longestFactor}N:`, reports, runs.peak.ms, runs.peak.cpuMs)}, peak RSS ${runs.peak.peakRssMb.toFixed(0)} MB  (${load()})`,
        );
        rmSync(longest, { recursive: true, force: true });
        return runs;
      })()
    : undefined;
for (const [reports, counts] of findingCounts) {
  if (counts.size !== 1) throw new Error(`the runs of ${reports} reports found different findings: ${[...counts]}`);
}

// A run's peak RSS moves by 10-25 % from one run to the next (when each isolate's garbage
// collections fall), so one run of N against one of 4N says little: N and 4N run `memoryRounds`
// times each, alternating (N, 4N, then 4N, N, ...), and the medians are compared, with the spread.
const peaks = { small: [], large: [] };
for (let round = 0; round < memoryRounds; round++) {
  for (const size of round % 2 ? ["large", "small"] : ["small", "large"]) {
    const reports = size === "small" ? count : count * 4;
    const run = auditWithOutputs(size === "small" ? small : large, join(root, "out"));
    peaks[size].push(run);
    console.log(
      `${rateLine(`audit, 2 workers, all outputs, ${size === "small" ? "N" : "4N"}:`, reports, run.ms, run.cpuMs)}, peak RSS ${run.peakRssMb.toFixed(0)} MB  (${load()})`,
    );
  }
}
rmSync(root, { recursive: true, force: true });

const ratio = (value) => `${value.toFixed(2)}x`;
/** Wall and CPU ms per report of a run's steady part. */
const wallPer = (run) => run.steady.wall / run.steady.reports;
const cpuPer = (run) => run.steady.cpu / run.steady.reports;
/** A ratio worked out in each round: its median, and its range over the rounds. */
const acrossRounds = (ratioOf) => {
  const values = rounds.map(ratioOf);
  if (values.some((value) => value === undefined)) return "n/a";
  return `${ratio(median(values))} (${ratio(Math.min(...values))}-${ratio(Math.max(...values))})`;
};
/** Both sets of the pair done: its two processes do not keep step (one may finish first). */
const pairWall = ({ pair }) => Math.max(pair[0].wall, pair[1].wall);
console.log("");
console.log(`Ratios: the median of the ${speedRounds} rounds (the range over them).`);
console.log(
  `speed-up, 2 workers / 1 worker:            ${acrossRounds(({ one, two }) => one.wall / two.wall)} whole run, ${acrossRounds(({ one, two }) => wallPer(one) / wallPer(two))} steady   (aim ≥ 1.8x)`,
);
console.log(
  `  the same over the machine's own ${capacity.toFixed(2)}x:     ${acrossRounds(({ one, two }) => one.wall / two.wall / capacity)} whole run   (1.00x: all the machine gives)`,
);
console.log(
  `  two baselines at once / one alone:       ${acrossRounds((round) => (2 * round.baseline.wall) / pairWall(round))} whole run   (what the machine gives two fresh processes of this work, their compiles included)`,
);
console.log(
  `  the speed-up over that:                  ${acrossRounds((round) => round.one.wall / round.two.wall / ((2 * round.baseline.wall) / pairWall(round)))} whole run   (1.00x: as much as two fresh processes gain)`,
);
console.log(
  `  2 workers on 2 cores / 1 worker on 1:    ${acrossRounds(({ oneOneCore, two }) => oneOneCore && oneOneCore.wall / two.wall)} whole run, ${acrossRounds(({ oneOneCore, two }) => oneOneCore && wallPer(oneOneCore) / wallPer(two))} steady`,
);
console.log(
  `throughput per core, 2 workers / baseline: ${acrossRounds(({ baseline, two }) => baseline.wall / (2 * two.wall))} whole run, ${acrossRounds(({ baseline, two }) => wallPer(baseline) / (2 * wallPer(two)))} steady   (aim ≥ 0.9x; the baseline uses more than one core)`,
);
console.log(
  `  against two baselines at once:           ${acrossRounds((round) => pairWall(round) / (2 * round.two.wall))} whole run   (1.00x: 2 workers do as well as two separate processes)`,
);
console.log(
  `  against the baseline on one core:        ${acrossRounds(({ baselineOneCore, two }) => baselineOneCore && baselineOneCore.wall / (2 * two.wall))} whole run, ${acrossRounds(({ baselineOneCore, two }) => baselineOneCore && wallPer(baselineOneCore) / (2 * wallPer(two)))} steady   (aim ≥ 0.9x)`,
);
/** Wall ms per report of the second half of a run of the 4N set. */
const latePer = (run) => run.late.wall / run.late.reports;
console.log(
  `the second half of the 4N set: speed-up, 2 workers / 1 worker ${acrossRounds(({ longOne, long }) => latePer(longOne) / latePer(long))}; throughput per core, 2 workers / baseline ${acrossRounds(({ longBaseline, long }) => latePer(longBaseline) / (2 * latePer(long)))}`,
);
if (longestRuns) {
  const { baseline, one, two: twoLongest, pair } = longestRuns;
  // The pair's rate: both processes' reports a millisecond over their second halves, which overlap
  // while the two keep step.
  const warmPair = latePer(baseline) * pair.reduce((sum, run) => sum + 1 / latePer(run), 0);
  const speedUp = latePer(one) / latePer(twoLongest);
  console.log(
    `the ${longestFactor}N set (one run each): speed-up, 2 workers / 1 worker ${ratio(one.wall / twoLongest.wall)} whole run, ${ratio(speedUp)} second half   (aim ≥ 1.8x); throughput per core, 2 workers / baseline ${ratio(baseline.wall / (2 * twoLongest.wall))} whole run, ${ratio(latePer(baseline) / (2 * latePer(twoLongest)))} second half   (aim ≥ 0.9x); CPU per report, baseline / 2 workers, second half ${ratio(baseline.late.cpu / baseline.late.reports / (twoLongest.late.cpu / twoLongest.late.reports))}`,
  );
  console.log(
    `  two baselines at once / one alone, second halves: ${ratio(warmPair)}   (what the machine gives two warmed-up processes of this work); the 2-worker speed-up over that: ${ratio(speedUp / warmPair)}   (1.00x: as much as two separate processes gain)`,
  );
}
console.log(
  nodeFlags.length > 0
    ? `Node flags (auditNodeFlags(), ${nodeFlags.length}), 2 workers:  ${acrossRounds(({ two, twoPlain }) => twoPlain.wall / two.wall)} as fast as without (whole run), CPU time ${acrossRounds(({ two, twoPlain }) => two.cpu / twoPlain.cpu)} of without   (the audit's runs above run under them, as gongkai audit does)`
    : `no Node flags on Node ${process.versions.node}: the audit runs as gongkai audit runs it there, without`,
);
console.log(
  `CPU per report, baseline / audit (steady): ${acrossRounds(({ baseline, one }) => cpuPer(baseline) / cpuPer(one))} 1 worker, ${acrossRounds(({ baseline, two }) => cpuPer(baseline) / cpuPer(two))} 2 workers   (1.00x: no work wasted)`,
);
const [peakSmall, peakLarge] = [peakOf(peaks.small), peakOf(peaks.large)];
console.log(
  `peak RSS with all outputs, median (range) of ${memoryRounds}: N ${megabytes(peakSmall)}, 4N ${megabytes(peakLarge)}`,
);
console.log(
  `peak RSS, 4N / N with all outputs:         ${ratio(peakLarge.median / peakSmall.median)} of the medians, ${ratio(peakLarge.low / peakSmall.high)}-${ratio(peakLarge.high / peakSmall.low)} from the ranges   (aim ≤ 1.10x)`,
);
if (longestRuns) {
  console.log(
    `${`peak RSS, ${longestFactor}N (one run) / 4N:`.padEnd(43)}${ratio(longestRuns.peak.peakRssMb / peakLarge.median)} of the 4N median   (a run's peak should stop rising past 4N)`,
  );
}
/** The 4N run with all outputs of median time, for the projections. */
const outputsRun = peaks.large.find((run) => run.ms === median(peaks.large.map((each) => each.ms)));
/** Of the rounds' runs of one way, the run of median speed, for the projections. */
const medianRun = (runs) => runs.find((run) => run.wall === median(runs.map((each) => each.wall)));
const long = medianRun(rounds.map((round) => round.long));
const two = medianRun(rounds.map((round) => round.two));
// The 4N run as it went, then the rest at the rate of its second half. With all outputs, the rate
// of the whole 4N run (its halves are not timed apart).
const minutes = (ms) => (ms / 60_000).toFixed(1);
const checking = long.wall + (100_000 - count * 4) * latePer(long);
console.log(
  `projected 100,000 reports on 2 workers:    ${minutes(checking)} min checking, ${minutes((outputsRun.ms / (count * 4)) * 100_000)} min with all outputs   (aim < 5 min)`,
);
/** Minutes 100,000 reports take at `cpuPerReport` ms of CPU each, on 2 cores given to the run. */
const cpuMinutes = (cpuPerReport) => minutes((cpuPerReport * 100_000) / 2);
console.log(
  `the same from CPU time, 2 free cores:      ${cpuMinutes(long.late.cpu / long.late.reports)} min checking, ${cpuMinutes(outputsRun.cpuMs / (count * 4))} min with all outputs   (load-independent)`,
);
console.log(
  `  from the N set's steady part instead:    ${minutes(two.wall - wallPer(two) * count + wallPer(two) * 100_000)} min checking, ${cpuMinutes(cpuPer(two))} min from CPU time   (workers still warming up)`,
);
console.log(`(${load()} at the end)`);
