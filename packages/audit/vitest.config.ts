import { packageTestConfig } from "../../vitest.shared.ts";

// Audits run on worker threads, which start slowly on a busy machine.
export default packageTestConfig({ testTimeout: 180_000 });
