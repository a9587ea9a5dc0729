import { packageTestConfig } from "../../vitest.shared.ts";

// The limit tests read 10 MB and 100 000-element pages; on a loaded CI runner that takes seconds.
export default packageTestConfig({ testTimeout: 120_000 });
