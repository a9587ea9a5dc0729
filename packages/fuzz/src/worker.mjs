// Runs fuzz cases for the runner, one at a time, in a worker thread whose heap is capped by the
// runner's memory budget. Reports each case's time, heap growth, and any failure.
import { parentPort } from "node:worker_threads";
import { isTyped, targets } from "./targets.mjs";

const byName = new Map(targets.map((target) => [target.name, target]));

function describe(error) {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  } catch {
    return "unprintable error";
  }
}

parentPort.on("message", async ({ id, target: name, input }) => {
  const target = byName.get(name);
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  let failure;
  try {
    const result = await target.run(input);
    failure = target.verify(result, input);
  } catch (error) {
    if (!isTyped(error)) failure = `untyped error: ${describe(error)}`;
  }
  const milliseconds = performance.now() - start;
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  parentPort.postMessage({ id, milliseconds, heapGrowth, failure });
});

parentPort.postMessage({ ready: true });
