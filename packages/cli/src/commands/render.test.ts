import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, runCli, temporaryDirectory } from "../test-cli";

describe("gongkai render", () => {
  it("renders the seed as a standalone HTML page that embeds the report", async () => {
    const { code, stdout } = await runCli(["render", "liuzhou-yanghe-2020.json", "--to", "html"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(stdout).toContain("data-gongkai-report");
    expect(stdout).toContain("柳州市阳和工业新区(北部生态新区)");
  });

  it("renders DOCX bytes to -o, and to a pipe but not to a terminal", async () => {
    const directory = temporaryDirectory();
    const seed = join(fixturesDir, "liuzhou-yanghe-2020.json");
    const written = await runCli(["render", seed, "--to", "docx", "-o", "seed.docx"], { cwd: directory });
    expect(written.code).toBe(0);
    const bytes = readFileSync(join(directory, "seed.docx"));
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const piped = await runCli(["render", seed, "--to", "docx"], { cwd: directory });
    expect(piped.code).toBe(0);
    expect([...piped.stdoutBytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const terminal = await runCli(["render", seed, "--to", "docx", "--lang", "en"], {
      cwd: directory,
      stdoutIsTTY: true,
    });
    expect(terminal.code).toBe(2);
    expect(terminal.stdoutBytes.length).toBe(0);
    expect(terminal.stderr).toMatch(/^gongkai: refusing to write a DOCX \(binary\) to the terminal/);
  });

  it("renders canonical JSON, the same as import", async () => {
    const rendered = await runCli(["render", "liuzhou-yanghe-2020.txt", "--to", "json"]);
    const imported = await runCli(["import", "liuzhou-yanghe-2020.txt"]);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(imported.stdout);
  });

  it("requires --to and one FILE", async () => {
    for (const args of [
      ["render", "liuzhou-yanghe-2020.json"],
      ["render", "liuzhou-yanghe-2020.json", "--to", "pdf"],
      ["render", "--to", "html"],
      ["render", "missing.json", "--to", "html"],
    ]) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(/^gongkai: /);
    }
  });
});
