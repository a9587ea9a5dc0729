// Audits a directory with 2 workers, writing every output, and prints the process's peak RSS
// (worker threads included) in MB, the run's time and the process's CPU time. Run by bench/run.mjs in a child process per set.
import { rmSync } from "node:fs";
import { audit } from "../dist/index.js";

const [directory, out] = process.argv.slice(2);
const started = performance.now();
const run = audit([directory], { workers: 2, out });
let results = 0;
for await (const _ of run) results++;
const summary = await run.summary;
const ms = performance.now() - started;
rmSync(out, { recursive: true, force: true });
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    peakRssMb: usage.maxRSS / 1024,
    ms,
    // CPU time of the whole process (worker threads included), start-up included.
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    checked: summary.totals.checked,
    results,
  }),
);
