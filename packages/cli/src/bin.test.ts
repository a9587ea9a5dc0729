import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { auditNodeFlags } from "@gongkai/audit/node-flags";
import { describe, expect, it } from "vitest";
import { seedCopies } from "./test-cli";

const bin = new URL("../dist/bin.js", import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The processes whose parent is `pid` (Linux: from /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …: the command may hold spaces and brackets, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

describe.runIf(existsSync(bin))("the built bin", () => {
  it("runs under node and prints the version", () => {
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" })).toBe(`${version}\n`);
  });

  it("keeps its shebang and is executable", () => {
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  // Linux only: the new process's command line is read from /proc, and the group signalled as a
  // terminal's Ctrl-C signals it. Only on a Node the audit has flags for.
  it.runIf(process.platform === "linux" && auditNodeFlags().length > 0)(
    "runs audit in a Node started with the audit's flags, which stops cleanly on Ctrl-C to the group",
    async () => {
      const files = 600;
      const dir = seedCopies(files);
      // Its own process group, as a terminal's foreground job is.
      const child = spawn(
        process.execPath,
        [bin, "audit", ".", "--format", "jsonl", "--workers", "1", "--lang", "en"],
        {
          cwd: dir,
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      const firstLine = new Promise<void>((resolve) => {
        child.stdout.on("data", (chunk) => {
          stdout += chunk;
          if (stdout.includes("\n")) resolve();
        });
      });
      const ended = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      await firstLine;
      const relaunched = childrenOf(child.pid as number);
      expect(relaunched).toHaveLength(1);
      const commandLine = readFileSync(`/proc/${relaunched[0]}/cmdline`, "utf8").split("\0");
      const flags = auditNodeFlags();
      expect(commandLine.slice(1, flags.length + 3)).toEqual([...flags, bin, "audit"]);
      process.kill(-(child.pid as number), "SIGINT");
      expect(await ended).toBe(130);
      expect(stderr).toMatch(/^interrupted: \d+\/600 files/m);
      expect(stdout.trimEnd().split("\n").length).toBeLessThan(files);
    },
    60_000,
  );
});
