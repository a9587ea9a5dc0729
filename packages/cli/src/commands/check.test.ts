import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { getRules } from "@gongkai/core";
import { importRuleIds } from "@gongkai/recognize";
import { toJson } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { fixturesDir, runCli, temporaryDirectory } from "../test-cli";

const seedJson = "liuzhou-yanghe-2020.json";
const seedText = "liuzhou-yanghe-2020.txt";
const seedJsonText = readFileSync(join(fixturesDir, seedJson), "utf8");

interface JsonResult {
  file: string;
  status: "ok" | "findings" | "unreadable";
  reason?: string;
  report: { agency: string; year: number; edition: string };
  diagnostics: Array<{
    ruleId: string;
    severity: string;
    message: string;
    location: {
      table: string | null;
      row: string | null;
      column: string | null;
      pointer: string;
      source: { line: number; column: number } | null;
    };
    expected?: number | string;
    actual?: number | string | null;
  }>;
}

async function checkJson(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const result = await runCli(["check", ...args, "--format", "json"], options);
  return { ...result, results: (JSON.parse(result.stdout) as { results: JsonResult[] }).results };
}

// The seed (柳州市阳和工业新区 2020) leaves every 总计 of table 三 blank, carries 1 request forward
// without it appearing in any outcome, numbers part 四 as 五, and was published 2021-02-09 by a
// 管理委员会 (a department: deadline 01-31).
const seedFindings = [
  "meta/deadline",
  "structure/part-numbering",
  "table3/row-total",
  "table3/row-total",
  "table3/row-total",
  "table3/row-total",
  "table3/results-total",
  "table3/balance",
  "table3/balance",
];

describe("gongkai check on the seed transcribed as JSON", () => {
  it("exits 1 and reports exactly the seed's faults, located in the JSON text", async () => {
    const { code, results, stderr } = await checkJson([seedJson]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result?.file).toBe(seedJson);
    expect(result?.report).toEqual({ agency: "柳州市阳和工业新区(北部生态新区)", year: 2020, edition: "2019" });
    expect(result?.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(seedFindings);
    const lines = seedJsonText.split("\n");
    for (const diagnostic of result?.diagnostics ?? []) {
      const { source, pointer } = diagnostic.location;
      if (!source) throw new Error(`no source for ${pointer}`);
      const key = pointer.split("/").pop() ?? "";
      // The position is the member's key: the pointer's last segment is printed there.
      expect(lines[source.line - 1]?.slice(source.column - 1).startsWith(`"${key}"`) || /^\d+$/.test(key)).toBe(true);
    }
    const rowTotal = result?.diagnostics.find((diagnostic) => diagnostic.ruleId === "table3/row-total");
    expect(rowTotal).toMatchObject({
      severity: "error",
      location: {
        table: "table3",
        row: "newReceived",
        column: "total",
        pointer: "/tables/table3/rows/newReceived/total",
      },
      expected: 49,
      actual: null,
    });
    expect(rowTotal?.message).toMatch(/[一-龥]/);
  });

  it("writes messages in English with --lang en", async () => {
    const zh = await checkJson([seedJson]);
    const en = await checkJson([seedJson, "--lang", "en"]);
    const messages = en.results[0]?.diagnostics.map((diagnostic) => diagnostic.message) ?? [];
    expect(messages.length).toBe(seedFindings.length);
    expect(messages.every((message) => !/[，。；]/.test(message))).toBe(true);
    expect(messages).not.toEqual(zh.results[0]?.diagnostics.map((diagnostic) => diagnostic.message));
  });

  it("prints stylish output grouped by file with a summary", async () => {
    const { code, stdout } = await runCli(["check", seedJson, "--lang", "en"]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(seedJson);
    // Nine findings, eight causes: the 总计 column's imbalance only echoes 自然人's.
    expect(lines.at(-1)).toBe("✖ 9 problems (8 causes; 7 errors, 2 warnings, 0 infos)");
    const findingLines = lines.slice(1, -3);
    expect(findingLines).toHaveLength(9);
    for (const line of findingLines)
      expect(line).toMatch(/^ {2}(↳ )?\d+:\d+ +(error|warning|info) {2,}\S.*\S {2}[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(findingLines.map((line) => line.split(" ").pop())).toEqual(seedFindings);
    // The echo is folded under the finding it follows from, right after it.
    const folded = findingLines.findIndex((line) => line.startsWith("  ↳ "));
    expect(findingLines[folded]).toMatch(/Column Total does not balance/);
    expect(findingLines[folded - 1]).toMatch(/Column Natural persons does not balance/);
    expect(findingLines.filter((line) => line.startsWith("  ↳ "))).toHaveLength(1);
    // Every relation of the transcribed seed was read: the coverage line names no unverifiable one.
    expect(lines.at(-3)).toMatch(/^ {2}verified \d+ sum relations$/);
    const zh = await runCli(["check", seedJson]);
    const zhLines = zh.stdout.trimEnd().split("\n");
    expect(zhLines.at(-1)).toBe("✖ 共 9 个问题（8 个原因；7 个错误，2 个警告，0 个提示）");
    expect(zhLines.at(-3)).toMatch(/^ {2}已核对 \d+ 项勾稽关系$/);
  });

  it("reads standard input for -", async () => {
    const { code, results } = await checkJson(["-"], { stdin: seedJsonText });
    expect(code).toBe(1);
    expect(results[0]?.file).toBe("<stdin>");
    expect(results[0]?.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(seedFindings);
  });

  it("changes severities with --rule, and --max-warnings fails on too many warnings", async () => {
    const errorsOff = ["table3/row-total", "table3/results-total", "table3/balance"].flatMap((id) => [
      "--rule",
      `${id}=off`,
    ]);
    const warningsOnly = await checkJson([seedJson, ...errorsOff]);
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.results[0]?.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([
      "warning",
      "warning",
    ]);
    expect((await runCli(["check", seedJson, ...errorsOff, "--max-warnings", "2"])).code).toBe(0);
    const over = await runCli(["check", seedJson, ...errorsOff, "--max-warnings", "1", "--lang", "en"]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain("2 warnings exceed --max-warnings 1");
    const promoted = await checkJson([seedJson, ...errorsOff, "--rule", "meta/deadline=error"]);
    expect(promoted.code).toBe(1);
    expect(promoted.results[0]?.diagnostics[0]).toMatchObject({ ruleId: "meta/deadline", severity: "error" });
  });

  it("passes --prior to the cross-year rules", async () => {
    const directory = temporaryDirectory();
    const prior = JSON.parse(seedJsonText);
    prior.meta.year = 2019;
    prior.tables.table3.rows.carriedForward.naturalPerson = { kind: "number", value: 3, raw: "3" };
    writeFileSync(join(directory, "prior.json"), JSON.stringify(prior));
    writeFileSync(join(directory, "report.json"), seedJsonText);
    const without = await checkJson(["report.json"], { cwd: directory });
    const withPrior = await checkJson(["report.json", "--prior", "prior.json"], { cwd: directory });
    const ids = (run: typeof without) => run.results[0]?.diagnostics.map((diagnostic) => diagnostic.ruleId) ?? [];
    expect(ids(without)).not.toContain("cross-year/carry-over");
    expect(ids(withPrior)).toContain("cross-year/carry-over");
  });
});

describe("gongkai check on the seed text", () => {
  it("imports the text and points each finding at its line in the text", async () => {
    const { code, results } = await checkJson([seedText]);
    expect(code).toBe(1);
    const diagnostics = results[0]?.diagnostics ?? [];
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(
      expect.arrayContaining(["table3/balance", "table3/row-total", "structure/part-numbering"]),
    );
    const text = readFileSync(join(fixturesDir, seedText), "utf8").split("\n");
    const numbering = diagnostics.find((diagnostic) => diagnostic.ruleId === "structure/part-numbering");
    // Seed line 186 is the part printed as 五、政府信息公开行政复议、行政诉讼情况.
    expect(numbering?.location.source?.line).toBe(186);
    expect(text[185]).toBe("五、政府信息公开行政复议、行政诉讼情况");
    for (const diagnostic of diagnostics) {
      expect(diagnostic.location.source?.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.location.source?.line).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("gongkai check: importer findings", () => {
  // The seed with its 行政许可 上一年项目数量 (line 44, "154") garbled to "15四".
  function garbledSeed(): string {
    const directory = temporaryDirectory();
    const text = readFileSync(join(fixturesDir, seedText), "utf8").replace("\n154 |\n", "\n15四 |\n");
    writeFileSync(join(directory, "garbled.txt"), text);
    return directory;
  }

  it("are listed with check's findings in line order, and --rule changes or silences them", async () => {
    const directory = garbledSeed();
    const { results } = await checkJson(["garbled.txt"], { cwd: directory });
    const diagnostics = results[0]?.diagnostics ?? [];
    const lines = diagnostics.map((diagnostic) => diagnostic.location.source?.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // The late published date is read on line 3, before the unreadable cell on line 44.
    expect(diagnostics[0]).toMatchObject({ ruleId: "meta/deadline", location: { source: { line: 3 } } });
    const unreadable = diagnostics.find((diagnostic) => diagnostic.ruleId === "import/unreadable-value");
    expect(unreadable).toMatchObject({
      ruleId: "import/unreadable-value",
      severity: "warning",
      location: { source: { line: 44, column: 1 } },
    });
    const promoted = await checkJson(["garbled.txt", "--rule", "import/unreadable-value=error"], { cwd: directory });
    expect(
      promoted.results[0]?.diagnostics.find((diagnostic) => diagnostic.ruleId === "import/unreadable-value"),
    ).toMatchObject({ severity: "error" });
    const silenced = await checkJson(["garbled.txt", "--rule", "import/unreadable-value=off"], { cwd: directory });
    expect(silenced.results[0]?.diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain(
      "import/unreadable-value",
    );
  });

  it("go to standard error on import, which still exits 0", async () => {
    const directory = garbledSeed();
    const { code, stderr, stdout } = await runCli(["import", "garbled.txt", "--lang", "en"], { cwd: directory });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^garbled\.txt\n {2}44:1 {2}warning {2}The text "15四" .* {2}import\/unreadable-value\n/);
    // Not a value: imported as unread (illegible), keeping the text, never as a blank (issue 7).
    expect(JSON.parse(stdout).tables.table2.rows["art20_5.licensing"].prevYearItems).toMatchObject({
      kind: "unread",
      reason: "illegible",
      raw: "15四",
    });
  });
});

describe("gongkai check --format sarif", () => {
  type SarifLog = {
    $schema: string;
    version: string;
    runs: Array<{
      tool: {
        driver: {
          name: string;
          informationUri: string;
          version: string;
          rules: Array<{
            id: string;
            name: string;
            shortDescription: { text: string };
            fullDescription: { text: string };
            helpUri: string;
            defaultConfiguration: { level: string };
          }>;
        };
      };
      results: Array<{
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: Array<{
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
        }>;
        partialFingerprints: Record<string, string>;
      }>;
    }>;
  };

  async function sarif(args: string[], cwd = fixturesDir): Promise<{ code: number; log: SarifLog }> {
    const result = await runCli(["check", ...args, "--format", "sarif"], { cwd });
    return { code: result.code, log: JSON.parse(result.stdout) as SarifLog };
  }

  /** The fields SARIF 2.1.0 requires and GitHub code scanning reads. */
  function assertValidSarif(log: SarifLog): void {
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    const driver = run?.tool.driver;
    expect(driver?.name).toBe("gongkai");
    expect(() => new URL(driver?.informationUri ?? "")).not.toThrow();
    expect(driver?.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = driver?.rules.map((rule) => rule.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of driver?.rules ?? []) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(() => new URL(rule.helpUri)).not.toThrow();
      expect(["none", "note", "warning", "error"]).toContain(rule.defaultConfiguration.level);
    }
    const fingerprints = new Set<string>();
    for (const result of run?.results ?? []) {
      expect(driver?.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(["note", "warning", "error"]).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const location = result.locations[0]?.physicalLocation;
      expect(location?.artifactLocation.uri).toMatch(/^[^/\\][^\\]*$/);
      expect(Number.isInteger(location?.region.startLine) && (location?.region.startLine ?? 0) >= 1).toBe(true);
      expect(Number.isInteger(location?.region.startColumn) && (location?.region.startColumn ?? 0) >= 1).toBe(true);
      const values = Object.values(result.partialFingerprints);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        expect(fingerprints.has(value)).toBe(false);
        fingerprints.add(value);
      }
    }
  }

  it("is valid SARIF listing every check and import rule, for JSON and text inputs", async () => {
    const { code, log } = await sarif([seedJson, seedText]);
    expect(code).toBe(1);
    assertValidSarif(log);
    const ids = log.runs[0]?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(getRules().length).toBeGreaterThan(0);
    expect(ids).toEqual(expect.arrayContaining([...getRules().map((rule) => rule.id), ...importRuleIds]));
    const results = log.runs[0]?.results ?? [];
    expect(
      results.filter((result) => result.locations[0]?.physicalLocation.artifactLocation.uri === seedJson),
    ).toHaveLength(9);
    expect(results.some((result) => result.locations[0]?.physicalLocation.artifactLocation.uri === seedText)).toBe(
      true,
    );
    const deadline = results.find((result) => result.ruleId === "meta/deadline");
    expect(deadline?.level).toBe("warning");
  });

  it("records unreadable inputs as an unsuccessful invocation", async () => {
    const result = await runCli(["check", seedJson, "missing.json", "--format", "sarif", "--lang", "en"]);
    expect(result.code).toBe(2);
    const log = JSON.parse(result.stdout) as SarifLog & {
      runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }> }>;
    };
    assertValidSarif(log);
    expect(log.runs[0]?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: "error", message: { text: "missing.json: cannot read: no such file" } }],
      },
    ]);
  });

  it("uses paths relative to the working directory with forward slashes, file: URLs outside it", async () => {
    const folder = basename(fixturesDir);
    const { log } = await sarif([`${folder}/${seedJson}`], join(fixturesDir, ".."));
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(`${folder}/${seedJson}`);
    const outside = await sarif([join(fixturesDir, seedJson)], temporaryDirectory());
    expect(outside.log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      pathToFileURL(join(fixturesDir, seedJson)).href,
    );
  });

  it("keeps fingerprints when lines move, and changes them when the file does", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "a.json"), seedJsonText);
    writeFileSync(join(directory, "b.json"), JSON.stringify(JSON.parse(seedJsonText)));
    const { log } = await sarif(["a.json", "b.json"], directory);
    assertValidSarif(log);
    const results = log.runs[0]?.results ?? [];
    const byFile = (uri: string) =>
      results.filter((result) => result.locations[0]?.physicalLocation.artifactLocation.uri === uri);
    const [a, b] = [byFile("a.json"), byFile("b.json")];
    expect(a.map((result) => result.locations[0]?.physicalLocation.region.startLine)).not.toEqual(
      b.map((result) => result.locations[0]?.physicalLocation.region.startLine),
    );
    expect(b.every((result) => result.locations[0]?.physicalLocation.region.startLine === 1)).toBe(true);
    writeFileSync(join(directory, "b.json"), toJson(JSON.parse(seedJsonText)).replaceAll("\n", "\n\n"));
    const moved = (await sarif(["a.json"], directory)).log.runs[0]?.results ?? [];
    const movedB = (await sarif(["b.json"], directory)).log.runs[0]?.results ?? [];
    const prints = (list: typeof results) => list.map((result) => Object.values(result.partialFingerprints)[0]);
    expect(prints(moved)).toEqual(prints(a));
    expect(prints(movedB)).not.toEqual(prints(a));
  });
});

describe("gongkai check: inputs that are not reports exit 2", () => {
  it("names a missing file", async () => {
    const { code, stderr, stdout } = await runCli(["check", "missing.json"]);
    expect(code).toBe(2);
    // One language per run: the reason is in Chinese too.
    expect(stderr).toBe("gongkai: missing.json：无法读取：文件不存在\n");
    expect(stdout).toBe("✖ 1 个文件无法检查\n");
    const en = await runCli(["check", "missing.json", "--lang", "en"]);
    expect(en.stderr).toBe("gongkai: missing.json: cannot read: no such file\n");
    expect(en.stdout).toBe("✖ 1 file could not be checked\n");
  });

  it("gives the line and column of a JSON syntax error", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "broken.json"), '{\n  "edition": "2019"\n  "meta": {}\n}\n');
    const { code, stderr } = await runCli(["check", "broken.json", "--lang", "en"], { cwd: directory });
    expect(code).toBe(2);
    expect(stderr).toBe("gongkai: broken.json: not valid JSON: Expected ',' or '}', found '\"' at line 3, column 3\n");
  });

  it("lists each problem of JSON that is not a report with its pointer and position", async () => {
    const directory = temporaryDirectory();
    const report = JSON.parse(seedJsonText);
    report.meta.year = "2020";
    report.tables.table3.rows.newReceived.total = { kind: "number", value: "49" };
    const text = JSON.stringify(report, null, 2);
    writeFileSync(join(directory, "bad.json"), text);
    const { code, stderr } = await runCli(["check", "bad.json", "--lang", "en"], { cwd: directory });
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("gongkai: bad.json: not a report (2 problems):");
    // Each problem is placed at the key of the offending member in the file.
    const textLines = text.split("\n");
    const lineOf = (needle: string) => textLines.findIndex((line) => line.includes(needle)) + 1;
    const columnOf = (needle: string) => (textLines[lineOf(needle) - 1]?.indexOf(needle) ?? 0) + 1;
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual([
      [`${lineOf('"year": "2020"')}:${columnOf('"year": "2020"')}`, "/meta/year:"],
      [`${lineOf('"value": "49"')}:${columnOf('"value": "49"')}`, "/tables/table3/rows/newReceived/total/value:"],
    ]);
    expect(lineOf('"value": "49"')).toBeGreaterThan(lineOf('"year": "2020"'));
  });

  it("refuses a binary file and a file that holds no report", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "image.bin"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    writeFileSync(join(directory, "notes.txt"), "买菜\n做饭\n");
    const binary = await runCli(["check", "image.bin", "--lang", "en"], { cwd: directory });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^gongkai: image\.bin: not a report: /);
    const notes = await runCli(["check", "notes.txt", "--lang", "en"], { cwd: directory });
    expect(notes.code).toBe(2);
    expect(notes.stderr).toMatch(/^gongkai: notes\.txt: not a report: /);
  });

  it("counts unreadable inputs in the stylish summary", async () => {
    const { code, stdout } = await runCli(["check", seedJson, "missing.json", "--lang", "en"]);
    expect(code).toBe(2);
    expect(stdout.trimEnd().split("\n").slice(-2)).toEqual([
      "✖ 9 problems (8 causes; 7 errors, 2 warnings, 0 infos)",
      "✖ 1 file could not be checked",
    ]);
  });

  it("still checks the readable inputs, and exits 2", async () => {
    const { code, results } = await checkJson([seedJson, "missing.json", "--lang", "en"]);
    expect(code).toBe(2);
    expect(results.map((result) => [result.file, result.status])).toEqual([
      [seedJson, "findings"],
      ["missing.json", "unreadable"],
    ]);
    expect(results[1]?.reason).toBe("missing.json: cannot read: no such file");
  });

  it("rejects bad flags with usage", async () => {
    for (const args of [
      ["check"],
      ["check", seedJson, "--nope"],
      ["check", seedJson, "--format", "xml"],
      ["check", seedJson, "--lang", "fr"],
      ["check", seedJson, "--rule", "table3/balance"],
      ["check", seedJson, "--rule", "no/such-rule=off"],
      ["check", seedJson, "--max-warnings", "-2"],
      ["check", seedJson, "--max-warnings", "1.5"],
    ]) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(/^gongkai: /);
    }
    expect((await runCli(["check", "--help", "--lang", "en"])).stdout).toContain("Exit codes:");
    expect((await runCli(["check", "--help"])).stdout).toContain("退出码：");
  });
});
