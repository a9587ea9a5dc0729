// What V8's young collections moved to the old generation while a function ran, for core's bench
// (bench/run.mjs) and its test (src/check-memory.test.ts).
import v8 from "node:v8";

const oldSpaceUsed = (heap) =>
  heap.heapSpaceStatistics.find((space) => space.spaceName === "old_space")?.spaceUsedSize ?? 0;

/**
 * Bytes moved to the old generation by the young collections (scavenges) while `run` ran: what
 * it kept reachable past a collection or two, garbage there until V8's next full collection.
 */
export function movedToOldGeneration(run) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  run();
  let moved = 0;
  for (const collection of profiler.stop()?.statistics ?? []) {
    if (collection.gcType === "Scavenge") moved += oldSpaceUsed(collection.afterGC) - oldSpaceUsed(collection.beforeGC);
  }
  return Math.max(0, moved);
}
