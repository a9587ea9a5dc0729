import { nodeTuning } from "./node-tuning";

/**
 * The Node options `gongkai audit` runs under on the Node of `nodeVersion` (default: this one's):
 * the CLI starts Node again with them when there are any and Node runs with no options of its
 * own. A caller of `audit()` gets the same by starting Node with them (`node --single-threaded-gc
 * server.js`); they are V8's, so they apply to the whole process and cannot be set for the audit's
 * worker threads alone, nor at run time.
 *
 * `--single-threaded-gc`, on Node 20 and 22: V8 collects garbage on the thread that allocated,
 * without helper threads. An audit keeps every core busy with its workers, and the helpers'
 * collections then only take turns with them. On 2,000 generated portal pages on two cores:
 * - Node 20 (three alternating runs each): 10 % less wall time with 2 workers (11.0 s against
 *   12.2), 8-14 % with 1, the peak memory the same (186-195 MB against 185-195). V8's helper
 *   threads took 3.6-4.0 s of CPU time instead of 5.5-5.9 s (what is left is optimizing compiles).
 * - Node 22 (four alternating runs each): 11.1-13.1 s against 12.2-14.0, peaks of 168-169 MB
 *   against 186-208.
 * - Not on Node 24 and later: there the flag raised the peak to 373-392 MB against 240-244 on
 *   Node 24 (four runs each; 13.7-17.2 s against 14.3-17.8), and to 261-300 MB against 207-214
 *   on Node 26 (two runs each; 7-10 % faster), so they get none.
 *
 * Imported on its own as `@gongkai/audit/node-flags`, which loads nothing else.
 */
export function auditNodeFlags(nodeVersion: string = process.versions.node): readonly string[] {
  return nodeTuning(nodeVersion).nodeFlags;
}
