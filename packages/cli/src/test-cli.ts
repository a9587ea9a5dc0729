import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturesDirectory } from "@gongkai/test-reports";
import type { CliIo } from "./cli-io";
import { run } from "./run";

/** What one in-process run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Standard output as bytes (for binary output). */
  readonly stdoutBytes: Uint8Array;
}

/** The shared fixtures folder (`@gongkai/test-reports`' `fixtures/`: the seed as text and JSON), as an absolute path. */
export const fixturesDir = fixturesDirectory;

/** A fresh temporary directory. */
export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), "gongkai-cli-"));
}

/** A fresh temporary directory of `count` copies of the seed report as text, `report-0.txt` on. */
export function seedCopies(count: number): string {
  const dir = temporaryDirectory();
  const seed = readFileSync(join(fixturesDir, "liuzhou-yanghe-2020.txt"));
  for (let index = 0; index < count; index++) writeFileSync(join(dir, `report-${index}.txt`), seed);
  return dir;
}

/** Run `gongkai` in-process with captured output. */
export async function runCli(
  argv: readonly string[],
  options: {
    cwd?: string;
    stdin?: Uint8Array | string;
    stdoutIsTTY?: boolean;
    env?: Readonly<Record<string, string | undefined>>;
    stdoutDrained?: () => Promise<void>;
  } = {},
): Promise<CliRun> {
  const out: Uint8Array[] = [];
  const err: string[] = [];
  const encoder = new TextEncoder();
  const io: CliIo = {
    stdout: (chunk) => out.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk),
    stderr: (chunk) => err.push(chunk),
    readStdin: async () =>
      typeof options.stdin === "string" ? encoder.encode(options.stdin) : (options.stdin ?? new Uint8Array()),
    cwd: options.cwd ?? fixturesDir,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    env: options.env ?? {},
    ...(options.stdoutDrained ? { stdoutDrained: options.stdoutDrained } : {}),
  };
  const code = await run(argv, io);
  const total = out.reduce((sum, chunk) => sum + chunk.length, 0);
  const stdoutBytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of out) {
    stdoutBytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { code, stdout: new TextDecoder().decode(stdoutBytes), stderr: err.join(""), stdoutBytes };
}

/** The built command (`npm test` builds first). */
export const builtBin = new URL("../dist/bin.js", import.meta.url).pathname;

/** Run the built `gongkai` in `cwd`, with no LANG, NO_COLOR or FORCE_COLOR from the machine running the tests. */
export function runBuiltCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [builtBin, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    input: "",
    env: { PATH: process.env.PATH ?? "", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
