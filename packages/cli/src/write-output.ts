import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { text } from "./language";

/**
 * Write `content` to `out` (relative to the working directory; parent folders are created), or
 * to standard output when `out` is undefined or `-`.
 *
 * @throws {CliError} when the file cannot be written.
 */
export async function writeOutput(io: CliIo, out: string | undefined, content: string | Uint8Array): Promise<void> {
  if (out === undefined || out === "-") {
    io.stdout(content);
    return;
  }
  const target = resolve(io.cwd, out);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(text(`${out}：无法写入：${message}`, `${out}: cannot write: ${message}`));
  }
}
