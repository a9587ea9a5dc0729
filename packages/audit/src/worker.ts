import { parentPort } from "node:worker_threads";
import { type AuditTask, auditFile } from "./audit-file";

// A worker thread of `audit()`: audits one file per message and posts the reply.
parentPort?.on("message", (task: AuditTask) => {
  parentPort?.postMessage(auditFile(task));
});
