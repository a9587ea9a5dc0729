import { mergeConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

// Audits run on worker threads that use every core, so test files run one at a time, and worker
// threads start slowly on a busy machine.
export default mergeConfig(packageTestConfig({ testTimeout: 180_000 }), { test: { fileParallelism: false } });
