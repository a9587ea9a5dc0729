import { packageTestConfig } from "../../vitest.shared.ts";

// pdf.js loads its parser and worker code on the first read: generous on a loaded machine.
export default packageTestConfig({ testTimeout: 60_000 });
