import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { AgencyKind, CheckOptions } from "@gongkai/core";
import { expandInputs, type IgnoreSource } from "@gongkai/import/node";
import type { AuditTask, AuditTaskReply } from "./audit-file";
import type { AuditFailure, AuditResult } from "./audit-result";
import { OutputWriter } from "./output-writer";
import { SeriesTracker } from "./series";
import { type AuditSummary, SummaryAggregator } from "./summary";
import { WorkerPool } from "./worker-pool";

/** Options for {@link audit}. */
export interface AuditOptions {
  /** Worker threads. Default: the machine's cores (`os.availableParallelism()`). */
  readonly workers?: number;
  /** The time limit per file in milliseconds; a file past it is recorded as `timeout`. Default 60 000. */
  readonly timeoutMs?: number;
  /**
   * A worker's heap limit in MB; a file that needs more is recorded as `crashed`. Default 1024
   * (a report needs about 15 MB): under a lower limit than Node's own (about 4 GB), V8 lets a
   * worker's heap grow less between collections, so the run's peak memory is lower and steadier
   * (about 30 % lower, with {@link maxWorkerYoungGenerationMb}); 4096 gives Node's limit back.
   */
  readonly maxWorkerMemoryMb?: number;
  /**
   * A worker's young generation in MB (where V8 makes new objects). Default 24, half of Node's 48:
   * with 48, a worker on 2,000 generated portal pages took about 13 % less CPU time (half as many
   * young collections), and the run's peak memory was 17-25 MB higher at 2,000 pages and rose
   * 1.14x for each fourfold of pages (1.00-1.13x with 24). 48 gives Node's behaviour back: faster,
   * for more memory. On Node 24 the default is 48: there 24 cost about a quarter more time at the
   * same peak memory.
   */
  readonly maxWorkerYoungGenerationMb?: number;
  /** The directory relative inputs and `out` are resolved from. Default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * Files to leave out, as well as those a `.gongkaiignore` in `cwd` names: `.gitignore` patterns
   * relative to `cwd` (`drafts/`, `*.htm`), or sets of them each with the folder they are relative
   * to (`{ root, patterns }`, as a config file's are). `node_modules`, dot folders, config files
   * and `package-lock.json` are never read from a folder.
   */
  readonly ignore?: readonly string[] | readonly IgnoreSource[];
  /**
   * Write the outputs here: `index.html`, `summary.json` and `summary.schema.json`,
   * `findings.csv`, `cells.csv`, and a page per report under `reports/`. Default: write nothing.
   */
  readonly out?: string;
  /** Write a page per report (with `out`). Default `true`. */
  readonly pages?: boolean;
  /** Write `cells.csv` (with `out`). Default `true`. */
  readonly cells?: boolean;
  /**
   * Per-rule levels (`off`, `info`, `warning`, `error`) for any registry id: the check's rules and
   * the importer's findings alike, as `check()` and `importFile` apply them.
   */
  readonly rules?: CheckOptions["rules"];
  /** Publication deadlines per agency kind, as for `check()`. */
  readonly deadlines?: Partial<Record<AgencyKind, string | null>>;
  /** Stops the run: no new file is started, and what was written is kept (the summary says `interrupted`). */
  readonly signal?: AbortSignal;
}

/** A running audit: iterate it for the results; the summary resolves when the iteration ends. */
export interface AuditRun extends AsyncIterable<AuditResult> {
  /** The number of files the inputs name (known once they have been expanded). */
  readonly total: Promise<number>;
  /** The summary, once every result has been iterated (or the run was stopped). */
  readonly summary: Promise<AuditSummary>;
}

/** {@link AuditOptions.ignore} as `expandInputs` takes it: bare patterns are relative to `cwd`. */
function ignoreSources(ignore: readonly string[] | readonly IgnoreSource[], cwd: string): IgnoreSource[] {
  const patterns = ignore.filter((entry): entry is string => typeof entry === "string");
  const sources = ignore.filter((entry): entry is IgnoreSource => typeof entry !== "string");
  return [...(patterns.length > 0 ? [{ root: cwd, patterns }] : []), ...sources];
}

function inputFailure(file: string, reason: string): AuditFailure {
  return { kind: "failure", file, failure: "unreadable", reason };
}

function deferred<T>() {
  let resolveValue!: (value: T) => void;
  let rejectValue!: (error: unknown) => void;
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolveValue = resolvePromise;
    rejectValue = rejectPromise;
  });
  promise.catch(() => {});
  return { promise, resolve: resolveValue, reject: rejectValue };
}

/**
 * Audit a set of reports: files, directories (recursively) and globs, read on worker threads.
 * Results stream out as files finish (a `report` per file read, a `failure` per file that could
 * not be, and a `cross-year` result when a report and its predecessor of the same agency have
 * both been read); memory stays flat whatever the number of files. A file that fails, throws or
 * runs past `timeoutMs` is a `failure` result and the run goes on.
 *
 * @example
 * const run = audit(["reports/"], { out: "audit-out", workers: 2 });
 * for await (const result of run) if (result.kind === "failure") console.error(result.file, result.reason);
 * const summary = await run.summary;
 */
export function audit(inputs: readonly string[], options: AuditOptions = {}): AuditRun {
  const total = deferred<number>();
  const summary = deferred<AuditSummary>();
  async function* run(): AsyncGenerator<AuditResult> {
    const cwd = resolve(options.cwd ?? process.cwd());
    // The inputs expand as for `gongkai check`; an input that matches nothing, and standard input
    // (workers read files), fail as a file would.
    const expanded = await expandInputs(inputs, {
      cwd,
      ...(options.ignore ? { ignore: ignoreSources(options.ignore, cwd) } : {}),
    });
    const files = expanded.files.filter((file) => file !== "-").map((file) => ({ file, path: resolve(cwd, file) }));
    const unreadable: AuditFailure[] = [
      ...expanded.unmatched.map((file) => inputFailure(file, "no report files match")),
      ...(expanded.files.includes("-") ? [inputFailure("-", "standard input is not read: name files")] : []),
    ];
    total.resolve(files.length + unreadable.length);
    const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    const writer = options.out
      ? new OutputWriter(resolve(cwd, options.out), options.pages ?? true, options.cells ?? true)
      : undefined;
    const aggregator = new SummaryAggregator();
    aggregator.setFiles(files.length + unreadable.length);
    const tracker = new SeriesTracker();
    const pool = new WorkerPool(workers, options.timeoutMs ?? 60_000, {
      ...(options.maxWorkerMemoryMb === undefined ? {} : { maxOldGenerationSizeMb: options.maxWorkerMemoryMb }),
      ...(options.maxWorkerYoungGenerationMb === undefined
        ? {}
        : { maxYoungGenerationSizeMb: options.maxWorkerYoungGenerationMb }),
    });
    const ready: AuditResult[] = [];
    for (const failure of unreadable) {
      aggregator.add(failure);
      ready.push(failure);
    }
    let inFlight = 0;
    let next = 0;
    let stopped = options.signal?.aborted ?? false;
    let wake: (() => void) | undefined;
    const notify = () => {
      const waiting = wake;
      wake = undefined;
      waiting?.();
    };
    const onAbort = () => {
      stopped = true;
      notify();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });

    /** Pages to write again with the cross-year findings of a predecessor read after them. */
    const pagesToRewrite: AuditTask[] = [];
    let pageError: string | undefined;

    const taskFor = (id: number): AuditTask => {
      const input = files[id] as (typeof files)[number];
      const page = writer?.pageFor(id + 1, input.file);
      return {
        id,
        path: input.path,
        file: input.file,
        ...(page ? { page } : {}),
        cells: writer?.writesCells ?? false,
        findings: writer !== undefined,
        ...(options.rules ? { rules: options.rules } : {}),
        ...(options.deadlines ? { deadlines: options.deadlines } : {}),
      };
    };

    /** Take a task's result (a report's page then waits for its cross-year findings). */
    const receive = (reply: AuditTaskReply): void => {
      if (stopped) return;
      const { result } = reply;
      aggregator.add(result);
      writer?.write(result, reply);
      ready.push(result);
      if (result.kind === "report" && result.series !== "" && reply.slice !== undefined) {
        for (const { result: crossYear, later } of tracker.add({
          id: reply.id,
          file: result.file,
          series: result.series,
          agency: result.agency.name,
          year: result.year,
          slice: reply.slice,
          errors: result.counts.error,
          warnings: result.counts.warning,
        })) {
          aggregator.add(crossYear);
          writer?.write(crossYear);
          ready.push(crossYear);
          if (pool.addToPage(later, crossYear.diagnostics)) continue;
          if (writer?.pages && crossYear.diagnostics.length > 0) {
            // Its successor's page is written already: write it again with these findings.
            pagesToRewrite.push({
              ...taskFor(later),
              cells: false,
              findings: false,
              pageOnly: { crossYear: crossYear.diagnostics },
            });
          }
        }
      }
      notify();
    };
    /** Tasks whose page is being written: a page is written again only after it was first. */
    const writing = new Set<number>();
    const nextTask = (): AuditTask | undefined => {
      const rewrite = pagesToRewrite.findIndex((task) => !writing.has(task.id));
      if (rewrite >= 0) return pagesToRewrite.splice(rewrite, 1)[0];
      return next < files.length ? taskFor(next++) : undefined;
    };
    const settle = (id: number, outcome: { pageError?: string }) => {
      inFlight--;
      writing.delete(id);
      // A page cut short by stopping is no error: the run says it was interrupted.
      if (!stopped) pageError ??= outcome.pageError;
      notify();
    };

    let completed = false;
    let writeFailure: unknown;
    try {
      while (true) {
        // Start files while a worker can take one and results are being taken (a slow reader holds the run back).
        while (!stopped && pool.hasRoom && ready.length < workers * 4) {
          const task = nextTask();
          if (!task) break;
          inFlight++;
          if (task.page) writing.add(task.id);
          void pool.run(task, receive).then((outcome) => settle(task.id, outcome));
        }
        const result = ready.shift();
        if (result) {
          yield result;
          continue;
        }
        if (stopped || (inFlight === 0 && next >= files.length && pagesToRewrite.length === 0)) break;
        await new Promise<void>((resolveWait) => {
          wake = resolveWait;
        });
      }
      completed = !stopped;
    } finally {
      options.signal?.removeEventListener("abort", onAbort);
      await pool.close();
      tracker.close();
      const result = aggregator.summary(tracker.series, !completed);
      try {
        writer?.finish(result);
        summary.resolve(result);
      } catch (error) {
        summary.reject(error);
        writeFailure = error;
      }
    }
    if (writeFailure !== undefined) throw writeFailure;
    if (pageError !== undefined) throw new Error(`a report's page could not be written: ${pageError}`);
  }
  const iterable = run();
  return {
    total: total.promise,
    summary: summary.promise,
    [Symbol.asyncIterator]: () => iterable,
  };
}
