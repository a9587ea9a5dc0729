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
    this.slots = Array.from({ length: size }, () => ({ worker: undefined, busy: false }));
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
      slot.worker = new Worker(workerUrl(), {
        ...(this.maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb } } : {}),
      });
      slot.worker.unref();
    }
    const worker = slot.worker;
    return new Promise<AuditTaskReply>((resolve) => {
      const failure = (failure: "timeout" | "crashed", reason: string): AuditTaskReply => ({
        id: task.id,
        result: { kind: "failure", file: task.file, failure, reason },
      });
      const finish = (reply: AuditTaskReply, discard: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (discard) {
          slot.worker = undefined;
          void worker.terminate();
        }
        slot.busy = false;
        resolve(reply);
      };
      const onMessage = (reply: AuditTaskReply) => finish(reply, false);
      const onError = (error: Error) => finish(failure("crashed", error.message), true);
      const onExit = (code: number) =>
        finish(failure("crashed", this.closed ? "stopped" : `the worker exited (code ${code})`), true);
      const timer = setTimeout(
        () => finish(failure("timeout", `not done after ${this.timeoutMs} ms`), true),
        this.timeoutMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(task);
    });
  }

  /** End every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = undefined;
        if (worker) await worker.terminate();
      }),
    );
  }
}
