// What the audit bench (run.mjs) and the memory curve (memory-curve.mjs) share: the audit with
// every output run in a child process for its peak memory, and the median of such runs.
import { execFileSync } from "node:child_process";
import { auditNodeFlags } from "../dist/node-flags.js";

/** The middle value (the lower middle of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/**
 * Audit `directory` with 2 workers and every output (into `out`, removed after) in a child
 * process (bench/peak-memory.mjs), started with the Node flags `gongkai audit` runs under: its
 * peak RSS in MB, wall and CPU time, reports checked.
 */
export function auditWithOutputs(directory, out) {
  const output = execFileSync(
    process.execPath,
    [...auditNodeFlags(), new URL("./peak-memory.mjs", import.meta.url).pathname, directory, out],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(output);
}

/** The median peak RSS of a set of such runs, and the lowest and highest peak. */
export function peakOf(runs) {
  const values = runs.map((run) => run.peakRssMb);
  return { median: median(values), low: Math.min(...values), high: Math.max(...values) };
}

/** A {@link peakOf} as `median MB (low-high)`. */
export const megabytes = ({ median: middle, low, high }) =>
  `${middle.toFixed(0)} MB (${low.toFixed(0)}-${high.toFixed(0)})`;
