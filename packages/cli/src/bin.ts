#!/usr/bin/env node
import { constants } from "node:os";
import { nodeIo } from "./node-io";
import { relaunch } from "./relaunch";
import { run, withCommandFirst } from "./run";

// A reader that closes the pipe early (`gongkai schema | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);

/** Node's exit code for an option it does not know. */
const badNodeOption = 9;

/**
 * `gongkai audit` runs in a Node started with the audit's own flags (`auditNodeFlags()`, none on
 * some Node versions): this process starts it and waits. Not when Node was given options of its
 * own (an inspector, say, which two processes cannot share); and in this process when the new one
 * cannot be started, or its Node does not know one of the flags.
 */
async function main(): Promise<number> {
  const script = process.argv[1];
  const ownOptions = process.execArgv.length > 0 || /--inspect/.test(process.env.NODE_OPTIONS ?? "");
  if (withCommandFirst(argv)[0] === "audit" && !ownOptions && script) {
    const { auditNodeFlags } = await import("@gongkai/audit/node-flags");
    const flags = auditNodeFlags();
    const ended = flags.length > 0 ? await relaunch(script, flags, argv) : undefined;
    if (ended && "signal" in ended) {
      // End as it ended, for the shell to see the same signal (a signal Node ignores, SIGPIPE,
      // leaves the shell's code for it).
      process.kill(process.pid, ended.signal);
      return 128 + (constants.signals[ended.signal] ?? 0);
    }
    // 9: this Node does not know a flag (`node: bad option`, before any of ours runs); the audit
    // then runs here, as it would in a Node without them.
    if (ended && ended.code !== badNodeOption) return ended.code;
  }
  return run(argv, nodeIo());
}

process.exitCode = await main();
