/** What an audit changes of V8 on one Node version, beside Node's own defaults. */
export interface NodeTuning {
  /** The Node options `gongkai audit` starts Node with (`auditNodeFlags`, where they are measured). */
  readonly nodeFlags: readonly string[];
  /**
   * A worker's young generation in MB when the caller gives none (Node's: 48, three 16 MB
   * semi-spaces): 24, and 48 on Node 24. With 24 and the workers' heap limit (`worker-pool.ts`),
   * the peak RSS of a 2-worker run with all outputs on 500 generated portal pages was 178-187 MB instead of 245-273 MB (6 alternating
   * rounds), and 4N = 2,000 pages peaked at 1.08-1.13x of N (medians of three runs each; 1.14-1.21x
   * before). Its cost, measured again on a quiet machine (stop 11, three alternating rounds of 2,000
   * pages): 24 against 48 read 8-10 % fewer reports a second on one worker and on two, and the
   * peak was about 40 MB lower. Measured again after from-html's state table: 48 took
   * 13 % less CPU time on one worker, with peaks 17-25 MB higher at 2,000 pages that rose 1.14x
   * for each fourfold of pages (500 to 8,000) against 1.00-1.13x with 24, so 24 stays. A caller who
   * would rather spend memory sets `maxWorkerYoungGenerationMb: 48`. 16 MB gave the same memory at
   * the same cost, within noise; 8 MB cost 1.17x. Under `--single-threaded-gc` (as `gongkai audit`
   * ran on Node 20 before its flags left concurrent sweeping on), three alternating runs of 2,000
   * pages on 2 workers: 24 MB took 10.4-11.4 s with peaks of 186-195 MB, 48 MB 11.1-11.4 s with
   * 217-225 MB; in three more, 12 MB took 17.0-18.5 s against 10.6-12.4 s for 24 (a page's tree
   * then outlives the young collections).
   *
   * Node 24 is the exception, with 48. Its V8 spent 23 % of a worker's profile collecting garbage
   * with 24 MB (6-11 % on Node 20), and in five alternating runs of 2,000 pages on 2 workers 48 MB
   * took 7.8-10.7 s against 8.5-13.2 s (faster in four of the five), with peaks of 240-260 MB
   * against 224-249. On Node 26 (three runs each) 48 MB took 9.1-9.3 s against 10.0-10.8 s, with
   * peaks 30-40 MB higher (228-243 MB against 196-206), the trade Node 20 makes; it keeps 24.
   */
  readonly workerYoungGenerationMb: number;
}

/** The tuning of every Node version not in {@link tuningByMajor}: no flags, 24 MB. */
const baseTuning: NodeTuning = Object.freeze({ nodeFlags: Object.freeze([]), workerYoungGenerationMb: 24 });

/**
 * What V8's `--single-threaded-gc` turns off, but concurrent sweeping: the young collections, the
 * marking and the compaction run on the thread that allocated, not on helper threads, while
 * helpers still sweep the old generation after a full collection. Without those helpers a worker's
 * old generation held memory longer between full collections: on Node 20, `--single-threaded-gc`
 * itself, and `--no-concurrent-sweeping` alone, raised the peak of a run of 8,000 pages to 231-245
 * MB, against 209-216 with these flags or none. `--no-cppheap-concurrent-marking` is among them
 * because Node 20's V8 stops with a failed check (in cppgc's marker) when concurrent marking is
 * off and it is not.
 */
const gcOnAllocatingThread: readonly string[] = Object.freeze([
  "--no-parallel-scavenge",
  "--no-concurrent-marking",
  "--no-parallel-marking",
  "--no-parallel-compaction",
  "--no-parallel-pointer-update",
  "--no-cppheap-concurrent-marking",
]);

/**
 * The Node majors measured to want something else (generated portal pages on 2 workers): Node 20
 * and 22 run faster with {@link gcOnAllocatingThread}, at the same peak memory or lower; Node 24
 * gets 48 MB of young generation and no flags (`--single-threaded-gc` raised its peak by half, as
 * on Node 26, and these flags gave it no time back).
 */
const tuningByMajor: Readonly<Record<number, NodeTuning>> = {
  20: { ...baseTuning, nodeFlags: gcOnAllocatingThread },
  22: { ...baseTuning, nodeFlags: gcOnAllocatingThread },
  24: { ...baseTuning, workerYoungGenerationMb: 48 },
};

/** What an audit changes of V8 on the Node of `nodeVersion` (default: this one's). */
export function nodeTuning(nodeVersion: string = process.versions.node): NodeTuning {
  return tuningByMajor[Number.parseInt(nodeVersion, 10)] ?? baseTuning;
}
