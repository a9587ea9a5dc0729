// One timed run in a fresh process, so that every way is measured alike: cold (modules loaded,
// code not yet optimized) from the process's start. Prints JSON: wall and CPU time (worker threads
// included) of the whole run, of its steady part (from the report a quarter of the way in to the
// last) and of its second half (from the report half way in). Run by bench/run.mjs:
//   node bench/measure.mjs check DIR        import and check every file in this thread (baseline)
//   node bench/measure.mjs audit DIR N      audit with N workers
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [mode, directory, workers] = process.argv.slice(2);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const names = readdirSync(directory).sort();
const steadyFrom = Math.ceil(names.length / 4);
const lateFrom = Math.ceil(names.length / 2);
let reports = 0;
let findings = 0;
let steady;
let late;
/** Count a report done; mark where the steady part and the second half start. */
function done(found) {
  findings += found;
  reports++;
  if (reports === steadyFrom) steady = { wall: performance.now(), cpu: cpuMs() };
  if (reports === lateFrom) late = { wall: performance.now(), cpu: cpuMs() };
}

if (mode === "check") {
  // What `gongkai check` does per file, and what an audit worker does: `@gongkai/import`'s
  // importFile (format sniffing, the importer) and core's checkReport (findings and coverage).
  const { checkReport } = await import("@gongkai/core");
  const { importFile } = await import("@gongkai/import");
  for (const name of names) {
    const { report, diagnostics } = await importFile(readFileSync(join(directory, name)), { name });
    done(diagnostics.length + checkReport(report).diagnostics.length);
  }
} else {
  const { audit } = await import("../dist/index.js");
  const run = audit([directory], { workers: Number(workers) });
  // Per-report findings only: the cross-year ones come on top, and the baseline has none.
  for await (const result of run) if (result.kind === "report") done(result.diagnostics.length);
  const summary = await run.summary;
  if (summary.totals.failed > 0) throw new Error(`${summary.totals.failed} files failed`);
}
const wall = performance.now();
const cpu = cpuMs();
console.log(
  JSON.stringify({
    reports,
    findings,
    wall,
    cpu,
    steady: { reports: reports - steadyFrom, wall: wall - steady.wall, cpu: cpu - steady.cpu },
    late: { reports: reports - lateFrom, wall: wall - late.wall, cpu: cpu - late.cpu },
  }),
);
