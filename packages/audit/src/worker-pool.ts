import { Worker } from "node:worker_threads";
import type { Diagnostic } from "@gongkai/core";
import type { AuditTask, AuditTaskReply, CrossYearForPage, PageWritten, TaskReplyMessage } from "./audit-file";
import { nodeTuning } from "./node-tuning";

/** From a worker: it starts a piece of a task's work (its import and check, or its page). */
export interface WorkStarted {
  readonly kind: "started";
  readonly id: number;
}

/**
 * Files given to a worker to read at once: one at work and one waiting, so it goes on to the next
 * file while the main thread takes a result.
 */
const readsPerWorker = 2;

/**
 * Tasks a worker holds at most: the files it reads, and reports read whose page waits for its
 * cross-year findings. A page is answered once every file given before it has been read (its
 * predecessor, in a set named in year order, among them), so that it is written once and not again
 * when a predecessor read later brings findings. A worker holding this many, all waiting (nothing
 * else to do), has its oldest answered at once.
 */
const tasksPerWorker = 4;

/**
 * A worker's heap limit in MB when the caller gives none (Node's own is about 4 GB on a 64-bit
 * machine with memory to spare). Under a lower limit V8 lets a heap grow less past what it holds
 * before it collects. A report needs about 15 MB.
 */
const defaultWorkerHeapMb = 1024;

/**
 * A worker's heap limits, as `new Worker` takes them (defaulting as above, and the young
 * generation as `nodeTuning()` says for this Node).
 */
export interface WorkerHeapLimits {
  readonly maxOldGenerationSizeMb?: number;
  readonly maxYoungGenerationSizeMb?: number;
}

/** Files given to a slot's worker not yet read. */
function reads(slot: Slot): number {
  return slot.entries.filter((entry) => !entry.replied).length;
}

/** Whether a slot's worker can take another task: a file to read, and room to hold it. */
function canTake(slot: Slot): boolean {
  return reads(slot) < readsPerWorker && slot.entries.length < tasksPerWorker;
}

/** The built worker bundle: in `worker/` beside the library in `dist`, or in `dist` when run from sources. */
function workerUrl(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("../dist/worker/worker.js", import.meta.url)
    : new URL("./worker/worker.js", import.meta.url);
}

/** A task given to a worker, until it is done. */
interface Entry {
  task: AuditTask;
  readonly onReply: (reply: AuditTaskReply) => void;
  readonly resolve: (outcome: { pageError?: string }) => void;
  /** Its result is out (from the start for a `pageOnly` task). */
  replied: boolean;
  /** Its result is out and its page waits for the cross-year findings ({@link WorkerPool.addToPage}). */
  awaiting: boolean;
  /** The cross-year findings for its page: gathered while it waits, then those it was answered with. */
  readonly crossYear: Diagnostic[];
  /** The time its worker spent on it so far, in milliseconds. */
  spentMs: number;
}

interface Slot {
  worker: Worker | undefined;
  /** Its tasks in the order given: at most {@link tasksPerWorker}, of them at most {@link readsPerWorker} not yet replied. */
  entries: Entry[];
  /** The task its worker is at, since when, and the timer of its time limit. */
  current: { entry: Entry; since: number; timer: ReturnType<typeof setTimeout> } | undefined;
}

/**
 * A fixed number of worker threads, each given up to two files to read at once (one at work, one
 * waiting), so that no worker waits for the main thread. A task whose worker has spent more than
 * `timeoutMs` on it ends its worker (a synchronous import cannot be interrupted otherwise) and its
 * result is a `timeout` failure; a worker that dies makes the task it was at `crashed`. Either way
 * the slot gets a fresh worker, and the worker's other tasks run again on it: one not yet done
 * from the start, one whose result is out only for its page (`pageOnly`). A task's result goes to
 * `onReply` as soon as it is known; a task with a page to write then waits for the cross-year
 * findings given to {@link WorkerPool.addToPage}, until every task given before it has its result
 * (or its worker holds {@link tasksPerWorker} tasks, all waiting).
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private closed = false;

  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly heapLimits: WorkerHeapLimits = {},
  ) {
    this.slots = Array.from({ length: size }, () => ({ worker: undefined, entries: [], current: undefined }));
  }

  /** Whether a worker can take another task. */
  get hasRoom(): boolean {
    return this.slots.some(canTake);
  }

  /**
   * Give `task` to the worker with the fewest files to read (call only when {@link hasRoom}).
   * `onReply` gets its result (once; never for a `pageOnly` task); the promise resolves when the
   * task is done, with why its page could not be written, if it could not.
   */
  run(task: AuditTask, onReply: (reply: AuditTaskReply) => void): Promise<{ pageError?: string }> {
    const slot = this.slots
      .filter(canTake)
      .reduce<Slot | undefined>(
        (least, candidate) => (least && reads(least) <= reads(candidate) ? least : candidate),
        undefined,
      );
    if (!slot) throw new Error("no worker can take a task");
    return new Promise((resolve) => {
      const entry: Entry = {
        task,
        onReply,
        resolve,
        replied: task.pageOnly !== undefined,
        awaiting: false,
        crossYear: [],
        spentMs: 0,
      };
      slot.entries.push(entry);
      this.post(slot, entry);
    });
  }

  /** Send a task to its slot's worker, starting one if there is none. */
  private post(slot: Slot, entry: Entry): void {
    if (!slot.worker) {
      // Started by importing the bundle from evaluated code, not from its file: a worker inherits
      // the process's options, and Node refuses a worker's file under `--input-type` (as in
      // `node --input-type=module -e "…"`), not evaluated code. Passing `execArgv` without it
      // instead would refuse V8 options such as `--max-old-space-size`.
      const worker = new Worker(`import(${JSON.stringify(workerUrl().href)});`, {
        eval: true,
        resourceLimits: {
          maxOldGenerationSizeMb: this.heapLimits.maxOldGenerationSizeMb ?? defaultWorkerHeapMb,
          maxYoungGenerationSizeMb: this.heapLimits.maxYoungGenerationSizeMb ?? nodeTuning().workerYoungGenerationMb,
        },
      });
      slot.worker = worker;
      worker.on("message", (message: WorkStarted | TaskReplyMessage | PageWritten) => {
        if (slot.worker === worker) this.receive(slot, message);
      });
      worker.on("error", (error: Error) => this.end(slot, worker, "crashed", error.message));
      worker.on("exit", (code: number) => this.end(slot, worker, "crashed", `the worker exited (code ${code})`));
    }
    // An idle worker does not keep the process alive; one at work does.
    slot.worker.ref();
    slot.worker.postMessage(entry.task);
  }

  private receive(slot: Slot, message: WorkStarted | TaskReplyMessage | PageWritten): void {
    if (message.kind === "started") {
      const entry = slot.entries.find((candidate) => candidate.task.id === message.id);
      if (!entry) return;
      const worker = slot.worker as Worker;
      const timer = setTimeout(
        () => this.end(slot, worker, "timeout", `not done after ${this.timeoutMs} ms`),
        Math.max(0, this.timeoutMs - entry.spentMs),
      );
      slot.current = { entry, since: performance.now(), timer };
      return;
    }
    const id = message.kind === "reply" ? message.reply.id : message.id;
    const entry = slot.entries.find((candidate) => candidate.task.id === id);
    if (!entry) return;
    if (slot.current?.entry === entry) {
      clearTimeout(slot.current.timer);
      entry.spentMs += performance.now() - slot.current.since;
      slot.current = undefined;
    }
    if (message.kind === "page") {
      this.done(slot, entry, message.error === undefined ? {} : { pageError: message.error });
      return;
    }
    entry.replied = true;
    // Waiting before `onReply` is told: the result may complete a pair with this report the later.
    const waits = entry.task.page !== undefined && message.reply.result.kind === "report";
    entry.awaiting = waits;
    entry.onReply(message.reply);
    if (!waits) this.done(slot, entry, {});
    this.answerPages();
  }

  /**
   * Add cross-year findings to the page of task `id` if it still waits for them; whether it did
   * (if not, its page is written, or being written, without them).
   */
  addToPage(id: number, diagnostics: readonly Diagnostic[]): boolean {
    for (const slot of this.slots) {
      const entry = slot.entries.find((candidate) => candidate.task.id === id && candidate.awaiting);
      if (entry) {
        entry.crossYear.push(...diagnostics);
        return true;
      }
    }
    return false;
  }

  /**
   * Answer the pages whose turn it is: each waiting report given before every task still being
   * read, and the oldest of a worker that holds nothing else and can take no more (so that it
   * goes on).
   */
  private answerPages(): void {
    let firstUnread = Number.POSITIVE_INFINITY;
    for (const slot of this.slots) {
      for (const entry of slot.entries) if (!entry.replied) firstUnread = Math.min(firstUnread, entry.task.id);
    }
    for (const slot of this.slots) {
      const waiting = slot.entries.filter((entry) => entry.awaiting);
      const idle = waiting.length === slot.entries.length && !canTake(slot);
      waiting.forEach((entry, index) => {
        if (entry.task.id < firstUnread || (index === 0 && idle)) {
          entry.awaiting = false;
          slot.worker?.postMessage({
            kind: "cross-year",
            id: entry.task.id,
            diagnostics: entry.crossYear,
          } satisfies CrossYearForPage);
        }
      });
    }
  }

  private done(slot: Slot, entry: Entry, outcome: { pageError?: string }): void {
    slot.entries = slot.entries.filter((candidate) => candidate !== entry);
    if (slot.entries.length === 0) slot.worker?.unref();
    entry.resolve(outcome);
  }

  /** A task could not finish: its result is a failure, or (when it was out already) its page is missing. */
  private fail(slot: Slot, entry: Entry, kind: "timeout" | "crashed", reason: string): void {
    const { task } = entry;
    if (entry.replied) {
      this.done(slot, entry, { pageError: `${task.page?.path ?? task.file}: ${reason}` });
      return;
    }
    entry.replied = true;
    entry.onReply({ id: task.id, result: { kind: "failure", file: task.file, failure: kind, reason } });
    this.done(slot, entry, {});
  }

  /**
   * End a slot's worker: the task it was at (or, if it was at none, its first) fails with
   * `reason`; its other tasks run again on a fresh worker, or fail as `stopped` once the pool is
   * closed.
   */
  private end(slot: Slot, worker: Worker, kind: "timeout" | "crashed", reason: string): Promise<number> | undefined {
    if (slot.worker !== worker) return undefined;
    if (slot.current) clearTimeout(slot.current.timer);
    const culprit = slot.current?.entry ?? slot.entries[0];
    const others = slot.entries.filter((entry) => entry !== culprit);
    slot.worker = undefined;
    slot.current = undefined;
    const ended = worker.terminate();
    if (this.closed) {
      for (const entry of [...slot.entries]) this.fail(slot, entry, "crashed", "stopped");
      return ended;
    }
    if (culprit) this.fail(slot, culprit, kind, reason);
    for (const entry of others) {
      // A task whose result is out runs again for its page only, with the findings it has (a page
      // still waiting no longer waits: its report is gone with the worker).
      if (entry.replied && entry.task.pageOnly === undefined) {
        entry.awaiting = false;
        entry.task = { ...entry.task, cells: false, findings: false, pageOnly: { crossYear: entry.crossYear } };
      }
      entry.spentMs = 0;
      this.post(slot, entry);
    }
    this.answerPages();
    return ended;
  }

  /** End every worker; the tasks they had fail as `stopped`. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map((slot) => (slot.worker ? this.end(slot, slot.worker, "crashed", "stopped") : undefined)),
    );
  }
}
