#!/usr/bin/env node
// gongkai's fuzzer: fast-check makes mutated inputs for every target (src/targets.mjs) from the
// real corpus and our renderers' output. A pool of worker threads runs the cases: the runner hands
// each free worker the next case number, the worker makes that case from the run's seed and the
// number (so a case is the same whichever worker runs it, in whatever order) and runs it under a
// time budget (the runner terminates the worker past the budget, and runs the case once more in a
// fresh worker, its budget stretched by the machine's load, before calling it a failure) and a
// memory budget (each worker's heap is capped, so a case that needs more dies with
// ERR_WORKER_OUT_OF_MEMORY). Any untyped error, case over budget, or wrong result (an importer
// report parseReport refuses, a finding with an unknown severity, an unescaped payload in HTML) is
// a failure; its input is written to .fuzz-failures/ and the command that runs that case alone is
// printed.
//
//   node src/run.mjs [--cases 3000] [--seed 13] [--targets from-text,from-html] [--workers N]
//                    [--time-budget-ms 10000] [--time-per-kb-ms 20] [--memory-mb 768]
//                    [--max-minutes M]   (stop after M minutes, reporting the cases run so far)
//                    [--case I]          (run case I of this seed and target list only)
//
// Prints the cases run, the failures, the rate and the slowest cases, then
// `fuzz: N passed, M failed`; exits 1 when anything failed.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { sizeOf } from "./mutate.mjs";

const usage = `Usage: npm run fuzz -- [options]   (or: node packages/fuzz/src/run.mjs [options])

  --cases N            cases to run (default 3000)
  --seed S             the run's seed: the same seed and case number make the same input (default 13)
  --targets A,B        only these targets (from-text, from-html, from-docx, from-pdf, parseJson,
                       check, to-html, to-docx); default all
  --workers N          worker threads (default: the machine's cores)
  --time-budget-ms N   a case's time budget (default 10000), plus --time-per-kb-ms N (default 20)
  --memory-mb N        each worker's heap cap (default 768)
  --max-minutes M      stop after M minutes, reporting the cases run so far (default 0: no limit)
  --case I             run case I of this seed and target list only
  --help               this text

Exit code 0 when every case passed, 1 when any failed, 2 for a usage error.`;

/** The run's options from the command line; throws a TypeError (a usage error) on a bad one. */
function parseArguments(argv) {
  const numbers = {
    cases: 3000,
    seed: 13,
    workers: availableParallelism(),
    "time-budget-ms": 10000,
    "time-per-kb-ms": 20,
    "memory-mb": 768,
    "max-minutes": 0,
    case: undefined,
  };
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.keys(numbers).map((name) => [name, { type: "string" }])),
      targets: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true };
  const number = (name) => {
    const text = values[name];
    if (text === undefined) return numbers[name];
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new TypeError(`--${name} needs a whole number, got ${text}`);
    return value;
  };
  return {
    cases: number("cases"),
    seed: number("seed"),
    targets: values.targets === undefined ? undefined : values.targets.split(","),
    workers: Math.max(1, number("workers")),
    timeBudgetMs: number("time-budget-ms"),
    timePerKbMs: number("time-per-kb-ms"),
    memoryMb: number("memory-mb"),
    maxMinutes: number("max-minutes"),
    case: number("case"),
  };
}

let options;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  // parseArgs's own errors (an unknown option, a missing value) and ours are usage errors.
  process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
// The targets' names and time scales, as the first worker reports them: the runner itself does
// not load the packages under test (only to write a failing case's input), so the pool starts sooner.
const byName = new Map();
const first = options.case ?? 0;
const end = options.case === undefined ? options.cases : options.case + 1;
const reproduce = (index) =>
  `npm run fuzz -- --seed ${options.seed}${options.targets ? ` --targets ${options.targets.join(",")}` : ""} --case ${index}`;

/** A worker that could not start (an unknown target name, a package not built): nothing was run. */
class StartError extends Error {
  constructor(cause) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** One worker of the pool, started again after a case kills it (time or memory budget). */
class Slot {
  #worker;
  #listener;
  restarts = 0;

  /** Start a worker and wait until it has built its seeds (not counted in any budget). */
  async #start() {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: { runSeed: options.seed, targetNames: options.targets },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 64 },
    });
    // Events of a worker already replaced (terminated after a case) are not the current case's.
    worker.on("message", (message) => worker === this.#worker && this.#listener?.(message));
    worker.on("error", (error) => worker === this.#worker && this.#listener?.({ died: error }));
    worker.on("exit", (code) => worker === this.#worker && this.#listener?.({ died: new Error(`exit ${code}`) }));
    const { chosen } = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", (error) => reject(new StartError(error)));
    });
    for (const target of chosen) byName.set(target.name, target);
    this.#worker = worker;
  }

  #drop() {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#listener = undefined;
    this.restarts += 1;
    return worker?.terminate();
  }

  /**
   * Run case `index` once, its time budget multiplied by `stretch`: `{ target, size, milliseconds,
   * heapGrowth, failure, overTime }`.
   */
  async #attempt(index, stretch = 1) {
    if (!this.#worker) await this.#start();
    return new Promise((resolve) => {
      let started = { target: undefined, size: 0 };
      // Until the worker says which case it made, the budget is the base one (making a case is quick).
      const base = Math.ceil(options.timeBudgetMs * stretch);
      let timer = setTimeout(() => over(base), base);
      const over = (budget) => {
        this.#drop();
        const load = stretch > 1 ? `, stretched ${stretch.toFixed(1)}× for the machine's load` : "";
        resolve({
          ...started,
          milliseconds: budget,
          overTime: true,
          failure: `over the time budget (${budget} ms${load})`,
        });
      };
      this.#listener = (message) => {
        if (message.started === index) {
          started = { target: message.target, size: message.size };
          const target = byName.get(message.target);
          const budget = Math.ceil(
            stretch *
              (target.timeScale ?? 1) *
              (options.timeBudgetMs + Math.ceil((message.size / 1024) * options.timePerKbMs)),
          );
          clearTimeout(timer);
          timer = setTimeout(() => over(budget), budget);
        } else if (message.done === index) {
          clearTimeout(timer);
          this.#listener = undefined;
          resolve({ ...started, ...message });
        } else if (message.died) {
          clearTimeout(timer);
          this.#drop();
          const outOfMemory = message.died.code === "ERR_WORKER_OUT_OF_MEMORY";
          resolve({
            ...started,
            milliseconds: Number.NaN,
            failure: outOfMemory ? `over the memory budget (${options.memoryMb} MB heap)` : String(message.died),
          });
        }
      };
      this.#worker.postMessage({ index });
    });
  }

  /**
   * Run case `index`. A shared machine can stall any case: a case over its time budget runs once
   * more (in a fresh worker), its budget stretched by the machine's load (the 1-minute load
   * average per core, when over 1: a case gets about that share of a core), and fails only if it
   * is over again. A real blow-up is over both times: the stretch gives back the CPU time the load
   * took, not the hundredfold a quadratic path needs.
   */
  async run(index) {
    const result = await this.#attempt(index);
    if (!result.overTime) return result;
    return this.#attempt(index, Math.max(1, loadavg()[0] / availableParallelism()));
  }

  close() {
    return this.#worker?.terminate();
  }
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const deadline = options.maxMinutes > 0 ? started + options.maxMinutes * 60_000 : Number.POSITIVE_INFINITY;
const perTarget = new Map();
const failures = [];
const slowest = [];
let cases = 0;
let next = first;
let lastProgress = started;
let makeCase;

async function record(index, result) {
  cases += 1;
  let input;
  if (result.failure !== undefined) {
    // The runner makes the case again from the seed and its number to write its input (and to
    // name its target when the worker died before saying).
    if (!makeCase) {
      const { caseMaker, targets } = await import("./targets.mjs");
      makeCase = await caseMaker(targets.filter((target) => byName.has(target.name)));
    }
    ({ target: result.target, input } = makeCase(options.seed, index));
    result.size = sizeOf(input);
  }
  if (result.target !== undefined && !perTarget.has(result.target))
    perTarget.set(result.target, { cases: 0, failures: 0, milliseconds: 0 });
  const stats = perTarget.get(result.target);
  if (stats) {
    stats.cases += 1;
    stats.milliseconds += Number.isNaN(result.milliseconds) ? 0 : result.milliseconds;
  }
  if (slowest.length < 5 || result.milliseconds > slowest[slowest.length - 1].milliseconds) {
    slowest.push({
      target: result.target,
      index,
      size: result.size,
      milliseconds: result.milliseconds,
      heap: result.heapGrowth,
    });
    slowest.sort((a, b) => b.milliseconds - a.milliseconds);
    slowest.length = Math.min(slowest.length, 5);
  }
  if (result.failure !== undefined) {
    if (stats) stats.failures += 1;
    const target = result.target;
    const extension = typeof input === "string" ? "txt" : input instanceof Uint8Array ? "bin" : "json";
    const file = `.fuzz-failures/${target}-seed${options.seed}-case${index}.${extension}`;
    mkdirSync(".fuzz-failures", { recursive: true });
    writeFileSync(file, typeof input === "string" || input instanceof Uint8Array ? input : JSON.stringify(input));
    failures.push({ target, index, size: result.size, failure: result.failure.slice(0, 600), file });
    console.log(`FAIL ${target} case ${index} (${result.size} bytes): ${result.failure.split("\n")[0]} → ${file}`);
    console.log(`  again: ${reproduce(index)}`);
  }
  const now = performance.now();
  if (now - lastProgress > 60_000) {
    lastProgress = now;
    console.log(
      `… ${cases} cases, ${failures.length} failures, ${(cases / ((now - started) / 1000)).toFixed(1)} cases/s`,
    );
  }
}

const pool = Array.from({ length: Math.min(options.workers, end - first) }, () => new Slot());
try {
  await Promise.all(
    pool.map(async (slot) => {
      while (next < end && performance.now() < deadline) {
        const index = next;
        next += 1;
        await record(index, await slot.run(index));
      }
      await slot.close();
    }),
  );
} catch (error) {
  if (!(error instanceof StartError)) throw error;
  process.stderr.write(`fuzz: ${error.message}\n`);
  process.exit(2);
}

const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (cases < end - first)
  console.log(`\nstopped after --max-minutes ${options.maxMinutes}: ${cases} of ${end - first} cases run`);
console.log(
  `\nfuzz seed ${options.seed}: ${cases} cases in ${seconds.toFixed(1)} s (${(cases / seconds).toFixed(1)} cases/s, ${pool.length} workers, ${pool.reduce((sum, slot) => sum + slot.restarts, 0)} restarts); CPU ${cpuSeconds.toFixed(0)} s, ${((1000 * cpuSeconds) / Math.max(1, cases)).toFixed(2)} ms a case`,
);
for (const [name, stats] of [...perTarget].sort(
  ([a], [b]) => [...byName.keys()].indexOf(a) - [...byName.keys()].indexOf(b),
)) {
  console.log(
    `  ${name.padEnd(10)} ${String(stats.cases).padStart(8)} cases  ${String(stats.failures).padStart(4)} failed  mean ${(stats.milliseconds / Math.max(1, stats.cases)).toFixed(1)} ms`,
  );
}
console.log("slowest cases:");
for (const entry of slowest) {
  console.log(
    `  ${entry.target} case ${entry.index}: ${entry.milliseconds.toFixed(0)} ms, ${entry.size} bytes in, heap +${((entry.heap ?? 0) / 1e6).toFixed(1)} MB`,
  );
}
for (const failure of failures.slice(0, 20))
  console.log(
    `failure: ${failure.target} case ${failure.index}: ${failure.failure}\n  again: ${reproduce(failure.index)}`,
  );
console.log(`fuzz: ${cases - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
