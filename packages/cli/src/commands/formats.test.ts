import { join } from "node:path";
import { corpusDirectory } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fixturesDir, runCli, temporaryDirectory } from "../test-cli";

const seedJson = join(fixturesDir, "liuzhou-yanghe-2020.json");

async function ruleIds(file: string, cwd: string) {
  const result = await runCli(["check", file, "--format", "json"], { cwd });
  const output = JSON.parse(result.stdout) as { results: Array<{ diagnostics: Array<{ ruleId: string }> }> };
  return { code: result.code, stderr: result.stderr, ids: output.results[0]?.diagnostics.map((d) => d.ruleId) ?? [] };
}

describe("gongkai check reads what gongkai renders", () => {
  it("HTML: the page embeds the report, so the findings are the JSON's", async () => {
    const directory = temporaryDirectory();
    expect((await runCli(["render", seedJson, "--to", "html", "-o", "seed.html"], { cwd: directory })).code).toBe(0);
    const fromJson = await ruleIds(seedJson, directory);
    const fromHtml = await ruleIds("seed.html", directory);
    expect(fromHtml.stderr).toBe("");
    expect(fromHtml.code).toBe(1);
    expect([...fromHtml.ids].sort()).toEqual([...fromJson.ids].sort());
  });

  it("HTML without an extension is sniffed by content, and so is DOCX", async () => {
    const directory = temporaryDirectory();
    await runCli(["render", seedJson, "--to", "html", "-o", "page"], { cwd: directory });
    await runCli(["render", seedJson, "--to", "docx", "-o", "document"], { cwd: directory });
    expect((await ruleIds("page", directory)).code).toBe(1);
    const docx = await ruleIds("document", directory);
    expect(docx.stderr).toBe("");
    expect(docx.code).toBe(1);
    expect(docx.ids).toContain("table3/balance");
  });

  it("DOCX: the tables survive the round trip", async () => {
    const directory = temporaryDirectory();
    await runCli(["render", seedJson, "--to", "docx", "-o", "seed.docx"], { cwd: directory });
    const csv = (await runCli(["import", "seed.docx", "--format", "csv"], { cwd: directory })).stdout.split("\r\n");
    const expected = (await runCli(["import", seedJson, "--format", "csv"], { cwd: directory })).stdout.split("\r\n");
    const values = (lines: string[]) => lines.map((line) => line.split(",").slice(0, 4).join(","));
    expect(values(csv)).toEqual(values(expected));
  });

  it("a .docx that is not a zip exits 2 naming the file", async () => {
    const directory = temporaryDirectory();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(directory, "fake.docx"), "not a zip");
    const { code, stderr } = await runCli(["check", "fake.docx", "--lang", "en"], { cwd: directory });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gongkai: fake\.docx: /);
  });
});

describe("gongkai reads PDF", () => {
  // A real report of the corpus (淮安市人民政府 2024, a WPS export).
  const pdf = join(corpusDirectory, "pdf/huaianshi-2024.pdf");

  it("checks a .pdf, and PDF bytes on stdin, clean of import errors", async () => {
    const { readFileSync } = await import("node:fs");
    const byName = await runCli(["check", pdf, "--format", "json"]);
    expect(byName.stderr).toBe("");
    const output = JSON.parse(byName.stdout) as {
      results: Array<{ diagnostics: Array<{ ruleId: string; severity: string }> }>;
    };
    const diagnostics = output.results[0]?.diagnostics ?? [];
    expect(diagnostics.filter((d) => d.ruleId.startsWith("import/") && d.severity === "error")).toEqual([]);
    const csv = await runCli(["import", "-", "--format", "csv"], { stdin: new Uint8Array(readFileSync(pdf)) });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain("table3,newReceived,total,3119");
  });

  it("a .pdf that is not a PDF exits 2 naming the file", async () => {
    const directory = temporaryDirectory();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(directory, "fake.pdf"), "not a pdf");
    const { code, stderr } = await runCli(["check", "fake.pdf", "--lang", "en"], { cwd: directory });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gongkai: fake\.pdf: /);
  });
});
