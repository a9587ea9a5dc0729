import { packageTestConfig } from "../../vitest.shared.ts";

// The hostile-file tests read tables of 100,000 and 450,000 rows: 10-17 s in CI beside the other
// packages' tests on two cores, near the default 20 s.
export default packageTestConfig({ testTimeout: 60_000 });
