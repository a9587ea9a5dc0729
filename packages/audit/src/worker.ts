import { parentPort } from "node:worker_threads";
import type { Diagnostic } from "@gongkai/core";
import { type AuditTask, auditFile, type CrossYearForPage, type TaskReplyMessage } from "./audit-file";

// A worker thread of `audit()`: says it is ready (its modules loaded), then audits one file per
// task. It posts the result; with a page to write, it waits for the cross-year findings the main
// thread answers with, writes the page and posts that it did.
const waiting = new Map<number, (diagnostics: readonly Diagnostic[]) => void>();

parentPort?.on("message", async (message: AuditTask | CrossYearForPage) => {
  if ("kind" in message) {
    waiting.get(message.id)?.(message.diagnostics);
    waiting.delete(message.id);
    return;
  }
  const done = await auditFile(message, (reply) => {
    const answer = new Promise<readonly Diagnostic[]>((resolve) => waiting.set(message.id, resolve));
    parentPort?.postMessage({ kind: "reply", reply } satisfies TaskReplyMessage);
    return answer;
  });
  parentPort?.postMessage(
    "reply" in done ? ({ kind: "reply", reply: done.reply } satisfies TaskReplyMessage) : done.page,
  );
});
parentPort?.postMessage("ready");
