import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fixturesDir, runCli, seedCopies, temporaryDirectory } from "../test-cli";
import { progressLine } from "./audit";

describe("gongkai audit", () => {
  it("streams one JSON line per result and says what it did on stderr", async () => {
    const result = await runCli([
      "audit",
      "liuzhou-yanghe-2020.txt",
      "missing.txt",
      "--format",
      "jsonl",
      "--workers",
      "1",
      "--lang",
      "en",
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.kind, line.file])).toEqual([
      ["report", "liuzhou-yanghe-2020.txt"],
      ["failure", "missing.txt"],
    ]);
    // The seed report: 7 errors and 2 warnings, as `gongkai check` finds them.
    expect(lines[0].counts).toEqual({ error: 7, warning: 2, info: 0 });
    expect(lines[0].agency).toEqual({ name: "柳州市阳和工业新区(北部生态新区)", kind: "department" });
    expect(lines[0].daysLate).toBe(9);
    expect(lines[1].failure).toBe("unreadable");
    expect(result.stderr).toContain("2/2 files: 1 checked, 1 failed");
  });

  it("waits for standard output to drain after each JSON line: a slow reader holds the run back", async () => {
    const dir = seedCopies(12);
    let lines = 0;
    let waits = 0;
    let release: (() => void) | undefined;
    const running = runCli(["audit", ".", "--format", "jsonl", "--workers", "1"], {
      cwd: dir,
      stdoutDrained: () => {
        waits++;
        // The first line's reader is slow: nothing more is asked for until it has drained.
        return waits === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    }).then((result) => {
      lines = result.stdout.trimEnd().split("\n").length;
      return result;
    });
    await vi.waitFor(() => expect(release).toBeDefined(), { timeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waits).toBe(1);
    release?.();
    const result = await running;
    expect(result.code).toBe(0);
    expect(lines).toBe(12);
    expect(waits).toBe(12);
  });

  it("writes the outputs to --out and prints the totals", async () => {
    const out = join(temporaryDirectory(), "out");
    const result = await runCli(["audit", fixturesDir, "--out", out, "--workers", "2", "--no-pages", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("files:");
    expect(result.stderr).toBe("");
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.totals.files).toBe(2); // the seed as text and as JSON
    expect(summary.series).toHaveLength(1);
    expect(summary.series[0].years).toEqual([
      expect.objectContaining({ year: 2020, files: ["liuzhou-yanghe-2020.json", "liuzhou-yanghe-2020.txt"] }),
    ]);
  });

  it("prints its totals in the run's language", async () => {
    const result = await runCli(["audit", "liuzhou-yanghe-2020.txt", "missing.txt", "--workers", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2/2 个文件：1 个已检查，1 个失败");
    expect(result.stdout).toContain("9 个发现：7 个错误，2 个警告，0 个提示");
    expect(result.stdout).toContain("  失败：missing.txt：unreadable：");
    const quiet = await runCli(["audit", "liuzhou-yanghe-2020.txt", "missing.txt", "--workers", "1", "--quiet"]);
    expect(quiet.stdout.trimEnd().split("\n")).toEqual([expect.stringMatching(/^ {2}失败：missing.txt：unreadable：/)]);
  });

  it("applies the config file's rule levels and deadlines, then --rule", async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, "2020.txt"), readFileSync(join(fixturesDir, "liuzhou-yanghe-2020.txt")));
    const counts = async (...flags: string[]) => {
      const result = await runCli(["audit", ".", "--format", "jsonl", "--workers", "1", ...flags], { cwd: dir });
      expect(result.code).toBe(0);
      const line = JSON.parse(result.stdout.trimEnd());
      return { counts: line.counts, daysLate: line.daysLate };
    };
    // Without a config: 4 row-total errors among 7, the meta/deadline warning, 9 days late.
    expect(await counts()).toEqual({ counts: { error: 7, warning: 2, info: 0 }, daysLate: 9 });
    writeFileSync(
      join(dir, "gongkai.config.json"),
      JSON.stringify({ rules: { "table3/row-total": "off" }, deadlines: { department: "02-28" } }),
    );
    expect(await counts()).toEqual({ counts: { error: 3, warning: 1, info: 0 }, daysLate: 0 });
    expect(await counts("--rule", "table3/balance=warning")).toEqual({
      counts: { error: 1, warning: 3, info: 0 },
      daysLate: 0,
    });
    expect(await counts("--no-config")).toEqual({ counts: { error: 7, warning: 2, info: 0 }, daysLate: 9 });
  });

  it("leaves out what the config's ignore patterns name, relative to the config's folder", async () => {
    const dir = temporaryDirectory();
    const seed = readFileSync(join(fixturesDir, "liuzhou-yanghe-2020.txt"));
    mkdirSync(join(dir, "reports/drafts"), { recursive: true });
    writeFileSync(join(dir, "reports/2020.txt"), seed);
    writeFileSync(join(dir, "reports/drafts/2021.txt"), seed);
    const files = async () => {
      const result = await runCli(["audit", ".", "--format", "jsonl", "--workers", "1"], { cwd: join(dir, "reports") });
      expect(result.code).toBe(0);
      return result.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).file);
    };
    expect(await files()).toEqual(["2020.txt", "drafts/2021.txt"]);
    // Found upward from reports/, the config's pattern is relative to its own folder.
    writeFileSync(join(dir, "gongkai.config.json"), JSON.stringify({ ignore: ["reports/drafts/"] }));
    expect(await files()).toEqual(["2020.txt"]);
  });

  it("rejects a wrong command line", async () => {
    expect((await runCli(["audit"])).code).toBe(2);
    expect((await runCli(["audit", ".", "--workers", "0"])).stderr).toContain("--workers 须为大于 0 的数");
    const withOutput = await runCli(["audit", ".", "-o", "out.txt", "--lang", "en"]);
    expect(withOutput.code).toBe(2);
    expect(withOutput.stderr).toContain("audit takes no -o");
    expect((await runCli(["audit", ".", "--rule", "nope=off"])).code).toBe(2);
  });

  it("shows done/total, rate, time left and failures in its progress line", () => {
    expect(progressLine(50, 200, 2, 10_000)).toBe("50/200  5.0/s  30s left  2 failed");
    expect(progressLine(10, 1000, 0, 1_000)).toBe("10/1000  10.0/s  1m39s left  0 failed");
  });
});
