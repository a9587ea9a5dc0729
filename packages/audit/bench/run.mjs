// The audit bench: the same set of generated portal pages audited with 1 worker and with 2, and
// imported and checked in one process without workers (the baseline); then peak memory for N and
// 4N reports, and the time 100,000 reports would take at the measured rate. Run against the built
// package: npx tsup && node --expose-gc bench/run.mjs [N]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check } from "@gongkai/core";
import { fromHtml } from "@gongkai/from-html";
import { audit } from "../dist/index.js";
import { writeReportSet } from "./report-set.mjs";

const count = Number(process.argv[2] ?? 300);
const root = join(tmpdir(), `gongkai-audit-bench-${process.pid}`);
const small = join(root, "n");
const large = join(root, "4n");
writeReportSet(small, count);
writeReportSet(large, count * 4);

/** Import and check every file in this thread, as `gongkai check` does. */
function checkInProcess(directory) {
  let findings = 0;
  for (const name of readdirSync(directory).sort()) {
    const bytes = readFileSync(join(directory, name));
    const { report, diagnostics } = fromHtml(bytes, { fileName: name });
    findings += diagnostics.length + check(report).length;
  }
  return findings;
}

async function auditWith(directory, workers) {
  const run = audit([directory], { workers });
  let findings = 0;
  for await (const result of run) if (result.kind === "report") findings += result.diagnostics.length;
  const summary = await run.summary;
  if (summary.totals.failed > 0) throw new Error(`${summary.totals.failed} files failed`);
  return findings;
}

async function time(label, task) {
  const started = performance.now();
  const value = await task();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${((count / ms) * 1000).toFixed(1)} reports/s`);
  findingCounts.add(value);
  return ms;
}
/** The findings each way found: all three must agree, or the comparison is not of the same work. */
const findingCounts = new Set();

// Warm up the single-process path (JIT) and the file cache.
checkInProcess(small);
const baseline = await time("check in one process (baseline)", () => checkInProcess(small));
const one = await time("audit, 1 worker", () => auditWith(small, 1));
const two = await time("audit, 2 workers", () => auditWith(small, 2));
if (findingCounts.size !== 1) throw new Error(`the three runs found different findings: ${[...findingCounts]}`);

function peak(directory) {
  const output = execFileSync(
    process.execPath,
    [new URL("./peak-memory.mjs", import.meta.url).pathname, directory, join(root, "out")],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(output);
}
const peakSmall = peak(small);
const peakLarge = peak(large);
rmSync(root, { recursive: true, force: true });

const perReportMs = two / count;
console.log("");
console.log(`speed-up, 2 workers / 1 worker:              ${(one / two).toFixed(2)}x   (aim ≥ 1.8x)`);
console.log(`throughput per core, 2 workers / baseline:   ${(baseline / (2 * two)).toFixed(2)}x   (aim ≥ 0.9x)`);
console.log(`1 worker / baseline:                         ${(baseline / one).toFixed(2)}x`);
console.log(
  `peak RSS with all outputs, N=${count}: ${peakSmall.peakRssMb.toFixed(0)} MB; 4N=${count * 4}: ${peakLarge.peakRssMb.toFixed(0)} MB; ratio ${(peakLarge.peakRssMb / peakSmall.peakRssMb).toFixed(2)}   (aim ≤ 1.10)`,
);
console.log(
  `projected 100,000 reports on 2 workers:      ${((perReportMs * 100_000) / 60_000).toFixed(1)} min   (aim < 5 min)`,
);
