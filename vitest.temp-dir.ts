import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest's global setup in every config: a run's temporary files (the tests' folders, the CLI's and
 * the browsers' they start, the audit's spill files) go in one folder of its own, removed when the
 * run ends, pass or fail. Node's `os.tmpdir()` reads `TMPDIR` (`TEMP` and `TMP` on Windows) at each
 * call, and vitest's workers and the processes the tests start inherit them from here.
 */
/** The variables `os.tmpdir()` reads: `TMPDIR` on POSIX, `TEMP` and `TMP` on Windows. */
export const temporaryDirectoryVariables = ["TMPDIR", "TEMP", "TMP"] as const;

/** Make the run's folder and point {@link temporaryDirectoryVariables} at it; the teardown removes it. */
export function setup(): () => void {
  const directory = mkdtempSync(join(tmpdir(), "gongkai-test-"));
  for (const name of temporaryDirectoryVariables) process.env[name] = directory;
  return () => rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
}
