import { parentPort } from "node:worker_threads";
import { type AuditTask, auditFile } from "./audit-file";

// A worker thread of `audit()`: says it is ready (its modules loaded), then audits one file per
// message and posts the reply.
parentPort?.on("message", (task: AuditTask) => {
  parentPort?.postMessage(auditFile(task));
});
parentPort?.postMessage("ready");
