import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-cli";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("gongkai", () => {
  it("prints its version", async () => {
    for (const flag of ["--version", "-v"])
      expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("prints help listing every command and the exit codes", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const { code, stdout } = await runCli(args, { env: { LANG: "en_US.UTF-8" } });
      expect(code).toBe(0);
      for (const command of ["check", "import", "render", "schema", "init"])
        expect(stdout).toMatch(new RegExp(`^  ${command} `, "m"));
      expect(stdout).toContain("Exit codes:");
    }
    expect((await runCli(["help", "render", "--lang", "en"])).stdout).toMatch(
      /^Usage: gongkai render FILE --to html\|docx\|json/,
    );
  });

  it("prints each command's help with -h and --help", async () => {
    for (const command of ["check", "import", "render", "schema", "init"]) {
      for (const flag of ["-h", "--help"]) {
        const { code, stdout } = await runCli([command, flag, "--lang", "en"]);
        expect(code).toBe(0);
        expect(stdout).toMatch(new RegExp(`^Usage: gongkai ${command}`));
        expect(stdout).toContain("Exit codes");
      }
    }
  });

  it("exits 2 with usage on no command, an unknown command or an unknown flag", async () => {
    const english = { env: { LANG: "en_US.UTF-8" } };
    const none = await runCli([], english);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: gongkai <command>/);
    const unknown = await runCli(["lint"], english);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^gongkai: unknown command 'lint'\n\nUsage:/);
    const flag = await runCli(["--verbose"], english);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^gongkai: unknown option '--verbose'/);
    for (const command of ["check", "import", "render", "schema", "init"]) {
      const result = await runCli([command, "--frobnicate"], english);
      expect(result.code, command).toBe(2);
      expect(result.stderr).toMatch(/^gongkai: unknown option '--frobnicate'\n\nUsage: gongkai /);
      expect(result.stdout).toBe("");
    }
  });
});
