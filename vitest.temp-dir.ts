import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest's global setup in every config: a run's temporary files (the tests' folders, the CLI's and
 * the browsers' they start, the audit's spill files) go in one folder of its own, removed when the
 * run ends, pass or fail. Node's `os.tmpdir()` reads `TMPDIR` (`TEMP` and `TMP` on Windows) at each
 * call, and vitest's workers and the processes the tests start inherit them from here.
 */
export function setup(): () => void {
  const directory = mkdtempSync(join(tmpdir(), "gongkai-test-"));
  for (const name of ["TMPDIR", "TEMP", "TMP"]) process.env[name] = directory;
  return () => rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
}
