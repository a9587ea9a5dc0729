import { spawn } from "node:child_process";

/** How a relaunched process ended: its exit code, or the signal that ended it. */
export type Relaunched = { readonly code: number } | { readonly signal: NodeJS.Signals };

/**
 * Run `script` again in a new Node process, started with `nodeFlags`, given `argv`, and sharing
 * this process's standard streams; resolves with how it ended, or with `undefined` when it could
 * not be started (the caller then runs in this process).
 *
 * Signals while it runs: SIGINT is left to it. Ctrl-C in a terminal reaches every process of the
 * foreground group, the new one too, which stops cleanly on the first and at once on a second; one
 * passed on from here would be that second. SIGTERM and SIGHUP are passed on (they end it either
 * way). This process stays until it has ended.
 */
export function relaunch(
  script: string,
  nodeFlags: readonly string[],
  argv: readonly string[],
  execPath: string = process.execPath,
): Promise<Relaunched | undefined> {
  return new Promise((resolve) => {
    const child = spawn(execPath, [...nodeFlags, script, ...argv], { stdio: "inherit" });
    const leaveToChild = () => {};
    const passOn = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    process.on("SIGINT", leaveToChild);
    process.on("SIGTERM", passOn);
    process.on("SIGHUP", passOn);
    const settle = (ended: Relaunched | undefined) => {
      process.off("SIGINT", leaveToChild);
      process.off("SIGTERM", passOn);
      process.off("SIGHUP", passOn);
      resolve(ended);
    };
    child.once("error", () => settle(undefined));
    child.once("exit", (code, signal) => settle(signal ? { signal } : { code: code ?? 1 }));
  });
}
