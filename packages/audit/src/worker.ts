import { parentPort } from "node:worker_threads";
import { type AuditTask, auditFile } from "./audit-file";

// A worker thread of `audit()`: says it is ready (its modules loaded), then audits one file per
// message and posts the reply.
parentPort?.on("message", async (task: AuditTask) => {
  parentPort?.postMessage(await auditFile(task));
});
parentPort?.postMessage("ready");
