import { nodeConfig } from "../../tsup.shared.ts";

// Node only: the worker threads need `node:worker_threads`, and the worker is its own entry.
export default nodeConfig(["src/worker.ts"]);
