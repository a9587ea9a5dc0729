/**
 * The Node options `gongkai audit` runs under: the CLI starts Node again with them when Node runs
 * with no options of its own. A caller of `audit()` gets the same by starting Node with them
 * (`node --single-threaded-gc server.js`); they are V8's, so they apply to the whole process and
 * cannot be set for the audit's worker threads alone, nor at run time.
 *
 * `--single-threaded-gc`: V8 collects garbage on the thread that allocated, without helper
 * threads. An audit keeps every core busy with its workers, and the helpers' collections then only
 * take turns with them. On 2,000 generated portal pages on two cores (three alternating runs
 * each): 10 % less wall time with 2 workers (11.0 s against 12.2), 8-14 % with 1, the peak memory
 * the same (186-195 MB against 185-195). V8's helper threads took 3.6-4.0 s of CPU time instead
 * of 5.5-5.9 s (what is left is optimizing compiles).
 *
 * Imported on its own as `@gongkai/audit/node-flags`, which loads nothing else.
 */
export const auditNodeFlags: readonly string[] = Object.freeze(["--single-threaded-gc"]);
