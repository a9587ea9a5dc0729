import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { relaunch } from "./relaunch";
import { temporaryDirectory } from "./test-cli";

/** A script that writes its Node flags and arguments to the file named first, then does `then`. */
function script(then: string): { path: string; written: string } {
  const dir = temporaryDirectory();
  const path = join(dir, "script.mjs");
  const written = join(dir, "written.json");
  writeFileSync(
    path,
    `import { writeFileSync } from "node:fs";
writeFileSync(process.argv[2], JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(3) }));
${then}`,
  );
  return { path, written };
}

describe("relaunch", () => {
  it("starts the script under the flags with the arguments, and resolves with its exit code", async () => {
    const { path, written } = script("process.exitCode = 3;");
    const ended = await relaunch(path, ["--single-threaded-gc"], [written, "audit", "x y", "--lang", "en"]);
    expect(ended).toEqual({ code: 3 });
    expect(JSON.parse(readFileSync(written, "utf8"))).toEqual({
      execArgv: ["--single-threaded-gc"],
      argv: ["audit", "x y", "--lang", "en"],
    });
  });

  it("resolves with code 9 when Node does not know a flag (the bin then runs in its own process)", async () => {
    const { path, written } = script("");
    expect(await relaunch(path, ["--no-such-flag-of-gongkai"], [written])).toEqual({ code: 9 });
  });

  it("resolves with the signal that ended it", async () => {
    const { path, written } = script('process.kill(process.pid, "SIGTERM");');
    expect(await relaunch(path, [], [written])).toEqual({ signal: "SIGTERM" });
  });

  it("resolves with undefined when Node cannot be started, and leaves no signal handler behind", async () => {
    const { path, written } = script("");
    const before = ["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => process.listenerCount(signal));
    expect(await relaunch(path, [], [written], join(temporaryDirectory(), "no-such-node"))).toBeUndefined();
    expect(["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => process.listenerCount(signal))).toEqual(before);
  });
});
