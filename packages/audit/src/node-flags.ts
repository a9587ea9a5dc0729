import { nodeTuning } from "./node-tuning";

/**
 * The Node options `gongkai audit` runs under on the Node of `nodeVersion` (default: this one's):
 * the CLI starts Node again with them when there are any and Node runs with no options of its
 * own. A caller of `audit()` gets the same by starting Node with them
 * (`spawn(process.execPath, [...auditNodeFlags(), "server.js"])`); they are V8's, so they apply to
 * the whole process and cannot be set for the audit's worker threads alone, nor at run time.
 *
 * On Node 20 and 22, V8's garbage collection on the thread that allocated, but for sweeping:
 * `--no-parallel-scavenge --no-concurrent-marking --no-parallel-marking --no-parallel-compaction
 * --no-parallel-pointer-update --no-cppheap-concurrent-marking`, what `--single-threaded-gc` turns
 * off but concurrent sweeping. An audit keeps every core busy with its workers, and V8's helper
 * threads then only take turns with them. Generated portal pages on two cores, 2 workers:
 * - Node 20, 8,000 pages with every output (two alternating runs each): 25.3-26.3 s with these
 *   flags, 29.1-30.6 s without, the peak memory the same (212.6-212.7 MB against 212.5-213.7).
 *   `--single-threaded-gc`, which turns sweeping off too and which the CLI used before, was as
 *   fast (25.4-26.8 s) but raised the peak to 232.8-236.1 MB, a worker's old generation holding
 *   its garbage longer; on 2,000 pages it had taken 10 % less time than no flags (11.0 s against
 *   12.2, three runs each) at the same peak.
 * - Node 22, 8,000 pages (two runs each): 24.6-27.5 s against 26.2-30.6 s, peaks of 220.6-224.1
 *   MB against 223.8-230.2.
 * - Not on Node 24 and later: there `--single-threaded-gc` raised the peak to 373-392 MB against
 *   240-244 on Node 24 (four runs each; 13.7-17.2 s against 14.3-17.8), and to 261-300 MB against
 *   207-214 on Node 26 (two runs each; 7-10 % faster); with Node 24's 48 MB young generation these
 *   flags gave no time back either (2,000 pages: 7.3-7.5 s against 7.7, peaks 321-364 MB against
 *   290-310), so they get none.
 *
 * Imported on its own as `@gongkai/audit/node-flags`, which loads nothing else.
 */
export function auditNodeFlags(nodeVersion: string = process.versions.node): readonly string[] {
  return nodeTuning(nodeVersion).nodeFlags;
}
