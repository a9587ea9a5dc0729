import { Worker } from "node:worker_threads";
import type { Diagnostic } from "@gongkai/core";
import type { AuditTask, AuditTaskReply, CrossYearForPage, PageWritten, TaskReplyMessage } from "./audit-file";

/** The built worker bundle: in `worker/` beside the library in `dist`, or in `dist` when run from sources. */
function workerUrl(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("../dist/worker/worker.js", import.meta.url)
    : new URL("./worker/worker.js", import.meta.url);
}

interface Slot {
  worker: Worker | undefined;
  /** Resolves when the worker has loaded its modules (the time limit counts from then). */
  ready: Promise<void> | undefined;
  busy: boolean;
}

/**
 * A fixed number of worker threads, each auditing one file at a time. A task past `timeoutMs`
 * ends its worker (a synchronous import cannot be interrupted otherwise) and its result is a
 * `timeout` failure; a worker that dies makes it `crashed`. Either way the slot gets a fresh
 * worker for the next task. A task's result goes to `onReply` as soon as it is known; a task with
 * a page to write then gets the cross-year findings `onReply` returns and holds its worker until
 * the page is written.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private closed = false;

  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly maxMemoryMb: number | undefined,
  ) {
    this.slots = Array.from({ length: size }, () => ({ worker: undefined, ready: undefined, busy: false }));
  }

  /** Whether a worker is free. */
  get hasFreeSlot(): boolean {
    return this.slots.some((slot) => !slot.busy);
  }

  /**
   * Run `task` on a free worker (call only when {@link hasFreeSlot}). `onReply` gets its result
   * (once; never for a `pageOnly` task); the promise resolves when the task is done, with why its
   * page could not be written, if it could not.
   */
  run(task: AuditTask, onReply: (reply: AuditTaskReply) => readonly Diagnostic[]): Promise<{ pageError?: string }> {
    const slot = this.slots.find((candidate) => !candidate.busy);
    if (!slot) throw new Error("no free worker");
    slot.busy = true;
    if (!slot.worker) {
      const worker = new Worker(workerUrl(), {
        ...(this.maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb } } : {}),
      });
      worker.unref();
      slot.worker = worker;
      slot.ready = new Promise<void>((resolveReady) => {
        const onReady = (message: unknown) => {
          if (message !== "ready") return;
          worker.off("message", onReady);
          resolveReady();
        };
        worker.on("message", onReady);
        // A worker that dies while starting is reported by the task's own listeners.
        worker.once("exit", () => resolveReady());
      });
    }
    const worker = slot.worker;
    const ready = slot.ready ?? Promise.resolve();
    // An idle worker does not keep the process alive; one at work does.
    worker.ref();
    return new Promise<{ pageError?: string }>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      let replied = task.pageOnly !== undefined;
      const reply = (message: AuditTaskReply): readonly Diagnostic[] => {
        replied = true;
        return onReply(message);
      };
      const finish = (outcome: { pageError?: string }, discard: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        worker.unref();
        if (discard) {
          if (slot.worker === worker) {
            slot.worker = undefined;
            slot.ready = undefined;
          }
          void worker.terminate();
        }
        slot.busy = false;
        resolve(outcome);
      };
      /** The task could not finish: its result is a failure, or (when it was out already) its page is missing. */
      const failure = (kind: "timeout" | "crashed", reason: string) => {
        if (settled) return;
        if (replied) return finish({ pageError: `${task.page?.path ?? task.file}: ${reason}` }, true);
        reply({ id: task.id, result: { kind: "failure", file: task.file, failure: kind, reason } });
        finish({}, true);
      };
      const onMessage = (message: TaskReplyMessage | PageWritten | "ready") => {
        if (message === "ready") return;
        if (message.kind === "page")
          return finish(message.error === undefined ? {} : { pageError: message.error }, false);
        const crossYear = reply(message.reply);
        if (task.page === undefined || message.reply.result.kind !== "report") return finish({}, false);
        worker.postMessage({ kind: "cross-year", id: task.id, diagnostics: crossYear } satisfies CrossYearForPage);
      };
      const onError = (error: Error) => failure("crashed", error.message);
      const onExit = (code: number) => failure("crashed", this.closed ? "stopped" : `the worker exited (code ${code})`);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      void ready.then(() => {
        if (settled) return;
        timer = setTimeout(() => failure("timeout", `not done after ${this.timeoutMs} ms`), this.timeoutMs);
        worker.postMessage(task);
      });
    });
  }

  /** End every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = undefined;
        slot.ready = undefined;
        if (worker) await worker.terminate();
      }),
    );
  }
}
