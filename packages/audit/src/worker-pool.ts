import { Worker } from "node:worker_threads";
import type { AuditTask, AuditTaskReply } from "./audit-file";

/** The built worker script: beside the bundle in `dist`, or `dist` itself when run from sources. */
function workerUrl(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("../dist/worker.js", import.meta.url)
    : new URL("./worker.js", import.meta.url);
}

interface Slot {
  worker: Worker | undefined;
  /** Resolves when the worker has loaded its modules (the time limit counts from then). */
  ready: Promise<void> | undefined;
  busy: boolean;
}

/**
 * A fixed number of worker threads, each auditing one file at a time. A task past `timeoutMs`
 * ends its worker (a synchronous import cannot be interrupted otherwise) and resolves as a
 * `timeout` failure; a worker that dies resolves its task as `crashed`. Either way the slot gets
 * a fresh worker for the next task.
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

  /** Run `task` on a free worker (call only when {@link hasFreeSlot}). */
  run(task: AuditTask): Promise<AuditTaskReply> {
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
    return new Promise<AuditTaskReply>((resolve) => {
      const failure = (failure: "timeout" | "crashed", reason: string): AuditTaskReply => ({
        id: task.id,
        result: { kind: "failure", file: task.file, failure, reason },
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (reply: AuditTaskReply, discard: boolean) => {
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
        resolve(reply);
      };
      const onMessage = (reply: AuditTaskReply | "ready") => {
        if (reply !== "ready") finish(reply, false);
      };
      const onError = (error: Error) => finish(failure("crashed", error.message), true);
      const onExit = (code: number) =>
        finish(failure("crashed", this.closed ? "stopped" : `the worker exited (code ${code})`), true);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      void ready.then(() => {
        if (settled) return;
        timer = setTimeout(
          () => finish(failure("timeout", `not done after ${this.timeoutMs} ms`), true),
          this.timeoutMs,
        );
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
