// A fuzz worker: makes case `index` of the run itself (fast-check, from the run's seed and the
// index: nothing but the index crosses the thread boundary), tells the runner its target and size
// so the runner can time it against its budget, runs it, and reports its time, heap growth and any
// failure. Its heap is capped by the runner's memory budget.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { sizeOf } from "./mutate.mjs";
import { caseMaker, isTyped, targets } from "./targets.mjs";

const { runSeed, targetNames } = workerData;
const byName = new Map(targets.map((target) => [target.name, target]));
const unknown = targetNames?.filter((name) => !byName.has(name)) ?? [];
if (unknown.length > 0) throw new Error(`no such targets: ${unknown}; known: ${[...byName.keys()]}`);
const chosen = targetNames ? targets.filter((target) => targetNames.includes(target.name)) : targets;
const make = await caseMaker(chosen);

function describe(error) {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  } catch {
    return "unprintable error";
  }
}

/** The target's own copy of the input: seeds are shared by every case, and a target may write to what it is given. */
const copy = (input) =>
  typeof input === "string" ? input : input instanceof Uint8Array ? input.slice() : structuredClone(input);

parentPort.on("message", async ({ index }) => {
  let failure;
  let milliseconds = 0;
  let heapGrowth = 0;
  let name;
  try {
    const { target: targetName, input } = make(runSeed, index);
    name = targetName;
    parentPort.postMessage({ started: index, target: name, size: sizeOf(input) });
    const target = byName.get(name);
    // v8's heap statistics, not process.memoryUsage(): that one reads the resident set from /proc each call.
    const heapBefore = getHeapStatistics().used_heap_size;
    const start = performance.now();
    try {
      const result = await target.run(copy(input));
      failure = target.verify(result, input);
    } catch (error) {
      if (!isTyped(error)) failure = `untyped error: ${describe(error)}`;
    }
    milliseconds = performance.now() - start;
    heapGrowth = getHeapStatistics().used_heap_size - heapBefore;
  } catch (error) {
    failure = `the fuzzer could not make case ${index}: ${describe(error)}`;
  }
  parentPort.postMessage({ done: index, target: name, milliseconds, heapGrowth, failure });
});

parentPort.postMessage({ chosen: chosen.map(({ name, timeScale }) => ({ name, timeScale })) });
