import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, temporaryDirectory } from "./test-cli";

// These run the built command (`npm test` builds first): what a user runs, in a folder of their own.
const bin = new URL("../dist/bin.js", import.meta.url).pathname;
const seedJson = "liuzhou-yanghe-2020.json";
const seedText = "liuzhou-yanghe-2020.txt";
// The seed's own faults (柳州市阳和工业新区 2020): 7 errors (4 row totals, the results total, 2
// balances) and 2 warnings (published late for a department, part 四 numbered 五).
const seedRuleIds = [
  "meta/deadline",
  "structure/part-numbering",
  "table3/row-total",
  "table3/results-total",
  "table3/balance",
];

function gongkai(args: readonly string[], options: { cwd: string; env?: Record<string, string>; input?: string }) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    input: options.input ?? "",
    // No LANG, NO_COLOR or FORCE_COLOR from the machine running the tests.
    env: { PATH: process.env.PATH ?? "", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project folder: reports/ with the seed as JSON and text, a draft, and notes that are no report. */
function project(config?: unknown): string {
  const root = temporaryDirectory();
  mkdirSync(join(root, "reports/drafts"), { recursive: true });
  mkdirSync(join(root, "deep/er"), { recursive: true });
  cpSync(join(fixturesDir, seedJson), join(root, "reports/2020.json"));
  cpSync(join(fixturesDir, seedText), join(root, "reports/2020.txt"));
  cpSync(join(fixturesDir, seedJson), join(root, "reports/drafts/2021.json"));
  writeFileSync(join(root, "reports/notes.md"), "# not a report\n");
  if (config !== undefined) writeFileSync(join(root, "gongkai.config.json"), JSON.stringify(config));
  return root;
}

interface JsonOutput {
  results: Array<{
    file: string;
    status: string;
    reason?: string;
    counts: Record<string, number>;
    diagnostics: Array<Record<string, unknown>>;
  }>;
  counts: Record<string, number>;
  files: Record<string, number>;
}

const hasChinese = (text: string) => /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(text);

describe("the built gongkai", { timeout: 60_000 }, () => {
  it("reads the config file found upward from a subfolder: rule levels, ignore patterns", () => {
    const root = project({ rules: { "meta/deadline": "off" }, ignore: ["drafts/"] });
    const { code, stdout } = gongkai(["check", "../../reports", "--format", "json"], { cwd: join(root, "deep/er") });
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.results.map((result) => result.file)).toEqual(
      ["../../reports/2020.json", "../../reports/2020.txt"].map((file) => join(root, "deep/er", file)),
    );
    const ids = output.results.flatMap((result) => result.diagnostics.map((diagnostic) => diagnostic.ruleId));
    expect(ids).not.toContain("meta/deadline");
    expect(ids).toContain("table3/balance");
    // --no-config: the deadline finding is back and the draft is read.
    const plain = JSON.parse(
      gongkai(["check", "reports", "--format", "json", "--no-config"], { cwd: root }).stdout,
    ) as JsonOutput;
    expect(plain.results.map((result) => result.file)).toEqual([
      "reports/2020.json",
      "reports/2020.txt",
      "reports/drafts/2021.json",
    ]);
    expect(plain.results[0]?.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain("meta/deadline");
  });

  it("takes --config, a gongkai key in package.json, and refuses an invalid config in the run's language", () => {
    const root = project();
    writeFileSync(
      join(root, "package.json"),
      JSON.stringify({ name: "site", gongkai: { rules: { "table3/balance": "off" } } }),
    );
    writeFileSync(join(root, "strict.json"), JSON.stringify({ rules: { "meta/deadline": "error" } }));
    const fromPackage = JSON.parse(
      gongkai(["check", "reports/2020.json", "--format", "json"], { cwd: root }).stdout,
    ) as JsonOutput;
    expect(fromPackage.results[0]?.diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain("table3/balance");
    const strict = JSON.parse(
      gongkai(["check", "reports/2020.json", "--format", "json", "--config", "strict.json"], { cwd: root }).stdout,
    ) as JsonOutput;
    expect(strict.results[0]?.diagnostics.find((diagnostic) => diagnostic.ruleId === "meta/deadline")?.severity).toBe(
      "error",
    );
    writeFileSync(join(root, "bad.json"), JSON.stringify({ maxWarnings: "many" }));
    const zh = gongkai(["check", "reports/2020.json", "--config", "bad.json"], { cwd: root });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("/maxWarnings: 无效输入");
    const en = gongkai(["check", "reports/2020.json", "--config", "bad.json", "--lang", "en"], { cwd: root });
    expect(en.stderr).toContain("/maxWarnings: Invalid input");
    expect(hasChinese(en.stderr)).toBe(false);
  });

  it("expands globs itself, reads folders by extension, and applies --ignore-pattern and .gongkaiignore", () => {
    const root = project();
    const files = (args: string[]) =>
      (JSON.parse(gongkai(["check", ...args, "--format", "json"], { cwd: root }).stdout) as JsonOutput).results.map(
        (result) => result.file,
      );
    expect(files(["reports/**/*.json"])).toEqual(["reports/2020.json", "reports/drafts/2021.json"]);
    expect(files(["reports", "--ignore-pattern", "*.txt"])).toEqual(["reports/2020.json", "reports/drafts/2021.json"]);
    writeFileSync(join(root, ".gongkaiignore"), "drafts/\n");
    expect(files(["reports"])).toEqual(["reports/2020.json", "reports/2020.txt"]);
    const none = gongkai(["check", "nothing/*.json", "--format", "json", "--lang", "en"], { cwd: root });
    expect(none.code).toBe(2);
    expect((JSON.parse(none.stdout) as JsonOutput).results[0]).toMatchObject({
      status: "unreadable",
      reason: "nothing/*.json: no report files match",
    });
  });

  it("writes -o on every command", () => {
    const root = project();
    expect(gongkai(["check", "reports/2020.json", "-o", "out/check.txt", "--lang", "en"], { cwd: root })).toMatchObject(
      { code: 1, stdout: "" },
    );
    expect(readFileSync(join(root, "out/check.txt"), "utf8")).toContain(
      "✖ 9 problems (8 causes; 7 errors, 2 warnings, 0 infos)",
    );
    for (const args of [
      ["import", "reports/2020.txt", "-o", "out/import.json"],
      ["render", "reports/2020.json", "--to", "html", "-o", "out/render.html"],
      ["schema", "-o", "out/schema.json"],
      ["init", "--year", "2025", "-o", "out/init.json"],
    ]) {
      const run = gongkai(args, { cwd: root });
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout).toBe("");
      expect(readFileSync(join(root, args.at(-1) as string), "utf8").length).toBeGreaterThan(100);
    }
  });

  it("prints errors only with --quiet", () => {
    const root = project();
    const all = gongkai(["check", "reports/2020.json", "--lang", "en"], { cwd: root }).stdout;
    const quiet = gongkai(["check", "reports/2020.json", "--lang", "en", "--quiet"], { cwd: root });
    expect(quiet.code).toBe(1);
    expect(all).toContain("warning");
    expect(quiet.stdout).not.toContain("warning  ");
    expect(quiet.stdout).toContain("✖ 7 problems (6 causes; 7 errors, 0 warnings, 0 infos)");
  });

  it("colours by FORCE_COLOR, NO_COLOR and --color/--no-color (not a terminal here)", () => {
    const root = project();
    const ansi = "\u001b[";
    const run = (env: Record<string, string>, flags: string[] = []) =>
      gongkai(["check", "reports/2020.json", ...flags], { cwd: root, env }).stdout;
    expect(run({})).not.toContain(ansi);
    expect(run({ FORCE_COLOR: "1" })).toContain(`${ansi}31m`);
    expect(run({ FORCE_COLOR: "0" })).not.toContain(ansi);
    expect(run({ NO_COLOR: "1" }, ["--color"])).toContain(ansi);
    expect(run({ FORCE_COLOR: "1" }, ["--no-color"])).not.toContain(ansi);
  });

  it("writes GitHub workflow annotations with --format github", () => {
    const root = project();
    const { code, stdout } = gongkai(["check", "reports/2020.txt", "--format", "github", "--lang", "en"], {
      cwd: root,
    });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("gongkai: 7 errors, 2 warnings, 0 infos");
    const annotations = lines.slice(0, -1);
    expect(annotations).toHaveLength(9);
    for (const line of annotations) {
      expect(line).toMatch(
        /^::(error|warning|notice) file=reports\/2020\.txt,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=gongkai [a-z0-9-]+\/[a-z0-9-]+::\S/,
      );
    }
    // Seed line 186 is the part printed as 五、政府信息公开行政复议、行政诉讼情况.
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^::warning file=reports\/2020\.txt,line=186,col=1,.*title=gongkai structure\/part-numbering::/,
      ),
    );
  });

  it("gives JSON counts, per-file status, failed files and every field core computes", () => {
    const root = project();
    writeFileSync(
      join(root, "reports/blank.json"),
      gongkai(["init", "--year", "2020", "--kind", "department"], { cwd: root }).stdout,
    );
    const { code, stdout } = gongkai(
      ["check", "reports/2020.json", "missing.json", "--format", "json", "--lang", "en"],
      { cwd: root },
    );
    expect(code).toBe(2);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.counts).toEqual({ error: 7, warning: 2, info: 0 });
    expect(output.files).toEqual({ total: 2, ok: 0, findings: 1, unreadable: 1 });
    expect(output.results[1]).toEqual({
      file: "missing.json",
      status: "unreadable",
      reason: "missing.json: cannot read: no such file",
      counts: { error: 0, warning: 0, info: 0 },
      coverage: null,
      diagnostics: [],
    });
    const rowTotal = output.results[0]?.diagnostics.find((diagnostic) => diagnostic.ruleId === "table3/row-total");
    expect(rowTotal?.url).toMatch(/table3-row-total/);
    expect(rowTotal?.cells).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: "naturalPerson", value: 49 })]),
    );
    expect(rowTotal?.fix).toEqual({ value: 49, message: expect.any(String) });
    expect(new Set(output.results[0]?.diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual(
      new Set(seedRuleIds),
    );
  });

  it("speaks one language per run: --lang en has no Chinese beyond the report's own words, and zh no English prose", () => {
    const root = project();
    const en = gongkai(["check", "reports/2020.txt", "missing.txt", "--lang", "en"], { cwd: root });
    // What the report itself says (quoted labels and part headings) may stay Chinese; strip those quotes.
    // A part's numeral as printed (五) and as the edition has it (四) are the report's words too.
    const unquoted = (text: string) =>
      text.replaceAll(/"[^"]*"|\([^()]*[\u4e00-\u9fff][^()]*\)|(?<=\s)[一二三四五六七八九十]+(?=[\s;,.)])/g, "");
    const enLines = `${en.stdout}${en.stderr}`.split("\n");
    for (const line of enLines) expect(hasChinese(unquoted(line)), line).toBe(false);
    const enHelp = gongkai(["check", "--help"], { cwd: root, env: { LANG: "en_US.UTF-8" } }).stdout;
    expect(enHelp).toMatch(/^Usage: gongkai check/);
    expect(hasChinese(enHelp)).toBe(false);
    const zh = gongkai(["check", "reports/2020.txt", "missing.txt"], { cwd: root, env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.stderr).toBe("gongkai: missing.txt：无法读取：文件不存在\n");
    expect(zh.stdout).toContain("个文件无法检查");
    expect(`${zh.stdout}${zh.stderr}`).not.toMatch(/\b(cannot|error|warning|problems?|should|expected)\b/);
    expect(gongkai(["--help"], { cwd: root }).stdout).toMatch(/^用法：gongkai/);
  });
  it("fixes what is certain with --fix: the seed rendered to JSON, then checked clean of the fixed rules", {
    timeout: 180_000,
  }, () => {
    const root = project();
    cpSync(join(fixturesDir, seedText), join(root, "seed.txt"));
    expect(gongkai(["render", "seed.txt", "--to", "json", "-o", "seed.json"], { cwd: root }).code).toBe(0);
    const fixedRules = ["table3/row-total", "table3/results-total", "table4/group-total"];
    const ids = () =>
      (
        JSON.parse(gongkai(["check", "seed.json", "--format", "json"], { cwd: root }).stdout) as JsonOutput
      ).results[0]?.diagnostics.map((diagnostic) => String(diagnostic.ruleId)) ?? [];
    expect(ids().filter((id) => fixedRules.includes(id))).toHaveLength(5);

    const fixed = gongkai(["check", "seed.json", "--fix", "--lang", "en"], { cwd: root });
    // The balance (1 carried forward against 49 received and 49 processed) stays: no fix is certain.
    expect(fixed.code).toBe(1);
    const lines = fixed.stdout.split("\n");
    expect(lines[0]).toBe("seed.json: fixed 6 cells");
    expect(lines).toContain("  /tables/table3/rows/newReceived/total  blank → 49  Set Total to 49.  table3/row-total");
    const after = ids();
    expect(after.filter((id) => fixedRules.includes(id))).toEqual([]);
    expect(after.filter((id) => id === "table3/balance")).toHaveLength(2);
    // Nothing left to fix: the file is not rewritten and nothing is printed about fixes.
    const again = gongkai(["check", "seed.json", "--fix", "--lang", "en", "--format", "json"], { cwd: root });
    expect(again.stderr).toBe("");

    // Text is not rewritten in place; -o takes the fixed report as JSON.
    const refused = gongkai(["check", "seed.txt", "--fix", "--lang", "en"], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("seed.txt: --fix changes JSON reports in place only (this is text)");
    expect(readFileSync(join(root, "seed.txt"), "utf8")).toBe(readFileSync(join(fixturesDir, seedText), "utf8"));
    const written = gongkai(["check", "seed.txt", "--fix", "-o", "out/fixed.json", "--format", "json"], {
      cwd: root,
    });
    expect(written.stderr).toMatch(/^out\/fixed\.json：已修正 6 个单元格\n/);
    const output = JSON.parse(written.stdout) as JsonOutput;
    expect(output.results[0]?.file).toBe("out/fixed.json");
    expect(output.results[0]?.diagnostics.some((diagnostic) => fixedRules.includes(String(diagnostic.ruleId)))).toBe(
      false,
    );
    expect(
      JSON.parse(readFileSync(join(root, "out/fixed.json"), "utf8")).tables.table3.rows.newReceived.total,
    ).toMatchObject({
      kind: "number",
      value: 49,
    });
    expect(
      gongkai(["check", "-", "--fix"], { cwd: root, input: readFileSync(join(root, "seed.json"), "utf8") }).code,
    ).toBe(2);
  });

  it("does not pass the template gongkai init writes: every table is blank", () => {
    const root = temporaryDirectory();
    expect(gongkai(["init", "--year", "2025", "--kind", "department", "-o", "blank.json"], { cwd: root }).code).toBe(0);
    const { code, stdout } = gongkai(["check", "blank.json", "--lang", "en"], { cwd: root });
    expect(code).toBe(1);
    expect(stdout.match(/structure\/empty-table/g)).toHaveLength(3);
    expect(stdout).toContain("✖ 3 problems (3 errors, 0 warnings, 0 infos)");
  });

  it("writes dates in Chinese sentences as 2021年2月9日", () => {
    const root = project();
    const zh = gongkai(["check", "reports/2020.txt", "--lang", "zh"], { cwd: root }).stdout;
    expect(zh).toContain("报告发布于2021年2月9日");
    expect(zh).not.toContain("2021-02-09");
    const en = gongkai(["check", "reports/2020.txt", "--lang", "en"], { cwd: root }).stdout;
    expect(en).toContain("Published on 2021-02-09");
  });
  it("keeps the report's meta through render and import; meta/deadline fires again after render → docx → check", () => {
    const root = project();
    expect(gongkai(["import", "reports/2020.txt", "-o", "seed.json"], { cwd: root }).code).toBe(0);
    const metaOf = (file: string) => {
      const { meta } = JSON.parse(readFileSync(join(root, file), "utf8"));
      return { agency: meta.agency, year: meta.year, publishedDate: meta.publishedDate, title: meta.title };
    };
    // The seed (柳州市阳和工业新区 2020): its kind is inferred from its name, and it was published
    // 2021-02-09, after a department's deadline.
    expect(metaOf("seed.json").agency).toMatchObject({ kind: "department", kindInferred: true });
    for (const format of ["html", "docx"]) {
      expect(gongkai(["render", "seed.json", "--to", format, "-o", `seed.${format}`], { cwd: root }).code).toBe(0);
      expect(gongkai(["import", `seed.${format}`, "-o", `back-${format}.json`], { cwd: root }).code).toBe(0);
      expect(metaOf(`back-${format}.json`), format).toEqual(metaOf("seed.json"));
    }
    const checked = JSON.parse(
      gongkai(["check", "seed.docx", "--format", "json", "--lang", "en"], { cwd: root }).stdout,
    ) as JsonOutput;
    const deadline = checked.results[0]?.diagnostics.find((diagnostic) => diagnostic.ruleId === "meta/deadline");
    expect(deadline?.message).toMatch(/^Published on 2021-02-09, 9 days after the Article 49 deadline 2021-01-31/);
  });
});
