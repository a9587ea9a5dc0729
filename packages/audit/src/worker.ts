import { parentPort } from "node:worker_threads";
import type { Diagnostic } from "@gongkai/core";
import {
  type AuditTask,
  auditFile,
  type CrossYearForPage,
  type PageWritten,
  type TaskReplyMessage,
} from "./audit-file";
import type { WorkStarted } from "./worker-pool";

// A worker thread of `audit()`. The main thread keeps a few tasks queued here, so the worker
// never waits for it: it does one piece of work at a time, and says which before it starts (the
// time limit is the main thread's to keep). A piece is a task's import and check, ending with its
// result; or, for a task with a page, the page, once the main thread has answered the result with
// the cross-year findings. Queued files come first: a page waits while the worker has a file to
// read, so the main thread's answer is never waited for while there is other work.

/** Tasks received and not yet started. */
const tasks: AuditTask[] = [];
/** Cross-year findings received for tasks whose page is still to be written. */
const answers: CrossYearForPage[] = [];
/** For each task waiting for its cross-year findings: hands them over, and the task's end. */
const waiting = new Map<number, { answer: (diagnostics: readonly Diagnostic[]) => void; done: Promise<void> }>();
let working = false;

function post(message: WorkStarted | TaskReplyMessage | PageWritten): void {
  parentPort?.postMessage(message);
}

/** Start a task: resolves when its result is out (the task may go on to its page later). */
function start(task: AuditTask): Promise<void> {
  post({ kind: "started", id: task.id });
  return new Promise<void>((resultOut) => {
    let answer: ((diagnostics: readonly Diagnostic[]) => void) | undefined;
    const answered = new Promise<readonly Diagnostic[]>((resolve) => {
      answer = resolve;
    });
    const done = auditFile(task, (reply) => {
      waiting.set(task.id, { answer: answer as (diagnostics: readonly Diagnostic[]) => void, done });
      post({ kind: "reply", reply });
      resultOut();
      return answered;
    }).then((finished) => {
      post("reply" in finished ? { kind: "reply", reply: finished.reply } : finished.page);
      resultOut();
    });
  });
}

/** Start the next piece of work, if there is one and none is running. */
function next(): void {
  while (!working) {
    const task = tasks.shift();
    const answer = task ? undefined : answers.shift();
    if (!task && !answer) return;
    const piece = task ? start(task) : writePage(answer as CrossYearForPage);
    if (!piece) continue;
    working = true;
    void piece.then(() => {
      working = false;
      // Let messages that came meanwhile in first (tasks and answers), then go on.
      setImmediate(next);
    });
  }
}

/** Write a page with the cross-year findings the main thread answered with. */
function writePage(answer: CrossYearForPage): Promise<void> | undefined {
  const task = waiting.get(answer.id);
  if (!task) return undefined;
  waiting.delete(answer.id);
  post({ kind: "started", id: answer.id });
  task.answer(answer.diagnostics);
  return task.done;
}

parentPort?.on("message", (message: AuditTask | CrossYearForPage) => {
  if ("kind" in message) answers.push(message);
  else tasks.push(message);
  next();
});
