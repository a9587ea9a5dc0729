/**
 * What a command may touch besides the file system: its output streams, its standard input, the
 * directory relative paths are resolved from, and the environment. `bin.ts` passes the
 * process's; tests pass their own to capture output.
 */
export interface CliIo {
  /** Write to standard output (text, or bytes for binary output). */
  readonly stdout: (chunk: string | Uint8Array) => void;
  /**
   * Resolves once standard output has taken what was written so far (a pipe's reader has kept
   * up), or it has closed. Commands that stream (`audit --format jsonl`) wait on it, so a slow
   * reader slows the run instead of output piling up in memory. Absent: resolves at once.
   */
  readonly stdoutDrained?: () => Promise<void>;
  /** Write to standard error. */
  readonly stderr: (chunk: string) => void;
  /** Read all of standard input (for the `-` file argument). */
  readonly readStdin: () => Promise<Uint8Array>;
  /** The directory relative paths are resolved from and reported relative to. */
  readonly cwd: string;
  /** Whether standard output is a terminal (binary output is refused there; colour is on). Defaults to false. */
  readonly stdoutIsTTY?: boolean;
  /** Whether standard error is a terminal (progress lines are shown there only). Defaults to false. */
  readonly stderrIsTTY?: boolean;
  /** Environment variables: `LANG` (the default language), `NO_COLOR`, `FORCE_COLOR`. Defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
