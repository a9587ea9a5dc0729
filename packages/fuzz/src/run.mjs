#!/usr/bin/env node
// gongkai's fuzzer: fast-check generates mutated inputs for every target (src/targets.mjs) from
// the real corpus and our renderers' output; a worker thread runs each under a time budget (the
// runner terminates it past the budget, and runs the case once more before calling it a failure) and a memory budget (the worker's heap is capped, so a
// case that needs more dies with ERR_WORKER_OUT_OF_MEMORY). Any untyped error, case over budget,
// or wrong result (an importer report parseReport refuses, a finding with an unknown severity, an
// unescaped payload in HTML) is a failure; its input is written to .fuzz-failures/.
//
//   node src/run.mjs [--cases 3000] [--seed 13] [--targets from-text,from-html]
//                    [--time-budget-ms 10000] [--time-per-kb-ms 20] [--memory-mb 768]
//                    [--max-minutes M]   (stop after M minutes, reporting the cases run so far)
//
// Prints the cases run, the failures, the rate and the slowest cases, then
// `fuzz: N passed, M failed`; exits 1 when anything failed.
import { mkdirSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { buildSeeds, targets } from "./targets.mjs";

function parseArguments(argv) {
  const options = {
    cases: 3000,
    seed: 13,
    targets: undefined,
    timeBudgetMs: 10000,
    timePerKbMs: 20,
    memoryMb: 768,
    maxMinutes: 0,
  };
  const names = {
    "--cases": "cases",
    "--seed": "seed",
    "--time-budget-ms": "timeBudgetMs",
    "--time-per-kb-ms": "timePerKbMs",
    "--memory-mb": "memoryMb",
    "--max-minutes": "maxMinutes",
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === "--targets") options.targets = String(value).split(",");
    else if (flag in names) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0) throw new Error(`${flag} needs a whole number, got ${value}`);
      options[names[flag]] = number;
    } else throw new Error(`unknown option ${flag}`);
    index += 1;
  }
  return options;
}

const options = parseArguments(process.argv.slice(2));
const chosen = options.targets ? targets.filter((target) => options.targets.includes(target.name)) : targets;
if (chosen.length === 0) throw new Error(`no such targets: ${options.targets}; known: ${targets.map((t) => t.name)}`);

const sizeOf = (input) =>
  typeof input === "string" ? input.length : input instanceof Uint8Array ? input.length : JSON.stringify(input).length;

/** A worker, restarted after a case kills it (time or memory budget). */
class Runner {
  #worker;
  #pending;
  #id = 0;

  /** Start a worker and wait until it has loaded every target (not counted in any budget). */
  async #start() {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 64 },
    });
    // Events of a worker already replaced (terminated after a case) are not the current case's.
    worker.on("message", (message) => worker === this.#worker && this.#pending?.resolve(message));
    worker.on("error", (error) => worker === this.#worker && this.#pending?.resolve({ died: error }));
    worker.on("exit", (code) => worker === this.#worker && this.#pending?.resolve({ died: new Error(`exit ${code}`) }));
    await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    this.#worker = worker;
  }

  /** Run one case; `budget` in milliseconds. */
  async run(target, input, budget) {
    if (!this.#worker) await this.#start();
    const id = ++this.#id;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending = undefined;
        const worker = this.#worker;
        this.#worker = undefined;
        worker.terminate();
        resolve({ id, milliseconds: budget, failure: `over the time budget (${budget} ms)` });
      }, budget);
      this.#pending = {
        resolve: (message) => {
          clearTimeout(timer);
          this.#pending = undefined;
          if (message.died) {
            const worker = this.#worker;
            this.#worker = undefined;
            worker?.terminate();
            const outOfMemory = message.died.code === "ERR_WORKER_OUT_OF_MEMORY";
            resolve({
              id,
              milliseconds: Number.NaN,
              failure: outOfMemory ? `over the memory budget (${options.memoryMb} MB heap)` : String(message.died),
            });
          } else resolve(message);
        },
      };
      this.#worker.postMessage({ id, target: target.name, input });
    });
  }

  close() {
    return this.#worker?.terminate();
  }
}

const started = performance.now();
const seeds = await buildSeeds();
const runner = new Runner();
const perTarget = new Map(chosen.map((target) => [target.name, { cases: 0, failures: 0, milliseconds: 0 }]));
const failures = [];
const slowest = [];
let cases = 0;

// Each target is drawn in proportion to its weight (default 4): slow ones (from-pdf) less often.
const arbitrary = fc.oneof(
  ...chosen.map((target) => ({
    weight: target.weight ?? 4,
    arbitrary: target.arbitrary(seeds).map((input) => ({ target, input })),
  })),
);
const property = fc.asyncProperty(arbitrary, async ({ target, input }) => {
  const size = sizeOf(input);
  const budget = (target.timeScale ?? 1) * (options.timeBudgetMs + Math.ceil((size / 1024) * options.timePerKbMs));
  let result = await runner.run(target, input, budget);
  // A shared machine can stall any case for a moment: a case over its time budget runs once more
  // (in a fresh worker) and fails only if it is over again. A real blow-up is over both times.
  if (result.failure?.startsWith("over the time budget")) result = await runner.run(target, input, budget);
  cases += 1;
  const stats = perTarget.get(target.name);
  stats.cases += 1;
  stats.milliseconds += Number.isNaN(result.milliseconds) ? 0 : result.milliseconds;
  slowest.push({ target: target.name, case: cases, size, milliseconds: result.milliseconds, heap: result.heapGrowth });
  slowest.sort((a, b) => b.milliseconds - a.milliseconds);
  slowest.length = Math.min(slowest.length, 5);
  if (result.failure !== undefined) {
    stats.failures += 1;
    mkdirSync(".fuzz-failures", { recursive: true });
    const file = `.fuzz-failures/${target.name}-seed${options.seed}-case${cases}.${typeof input === "string" ? "txt" : input instanceof Uint8Array ? "bin" : "json"}`;
    writeFileSync(file, typeof input === "string" || input instanceof Uint8Array ? input : JSON.stringify(input));
    failures.push({ target: target.name, case: cases, size, failure: result.failure.slice(0, 600), file });
    console.log(`FAIL ${target.name} case ${cases} (${size} bytes): ${result.failure.split("\n")[0]} → ${file}`);
  }
  if (cases % 1000 === 0) {
    const seconds = (performance.now() - started) / 1000;
    console.log(`… ${cases} cases, ${failures.length} failures, ${(cases / seconds).toFixed(1)} cases/s`);
  }
  return true;
});
await fc.check(property, {
  seed: options.seed,
  numRuns: options.cases,
  ...(options.maxMinutes > 0
    ? { interruptAfterTimeLimit: options.maxMinutes * 60_000, markInterruptAsFailure: false }
    : {}),
});
await runner.close();

const seconds = (performance.now() - started) / 1000;
if (cases < options.cases)
  console.log(`\nstopped after --max-minutes ${options.maxMinutes}: ${cases} of ${options.cases} cases run`);
console.log(
  `\nfuzz seed ${options.seed}: ${cases} cases in ${seconds.toFixed(1)} s (${(cases / seconds).toFixed(1)} cases/s)`,
);
for (const [name, stats] of perTarget) {
  console.log(
    `  ${name.padEnd(10)} ${String(stats.cases).padStart(8)} cases  ${String(stats.failures).padStart(4)} failed  mean ${(stats.milliseconds / Math.max(1, stats.cases)).toFixed(1)} ms`,
  );
}
console.log("slowest cases:");
for (const entry of slowest) {
  console.log(
    `  ${entry.target} case ${entry.case}: ${entry.milliseconds.toFixed(0)} ms, ${entry.size} bytes in, heap +${((entry.heap ?? 0) / 1e6).toFixed(1)} MB`,
  );
}
for (const failure of failures.slice(0, 20))
  console.log(`failure: ${failure.target} case ${failure.case}: ${failure.failure}`);
console.log(`fuzz: ${cases - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
