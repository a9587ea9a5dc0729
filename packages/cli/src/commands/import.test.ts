import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createReport, setCell } from "@gongkai/core";
import { corpusFile } from "@gongkai/test-reports";
import { csvField, parseJson, toJson } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { fixturesDir, runCli, temporaryDirectory } from "../test-cli";

const seedJsonText = readFileSync(join(fixturesDir, "liuzhou-yanghe-2020.json"), "utf8");

describe("gongkai import", () => {
  it("writes the seed text as canonical JSON with its source positions", async () => {
    const { code, stdout } = await runCli(["import", "liuzhou-yanghe-2020.txt"]);
    expect(code).toBe(0);
    const report = parseJson(stdout);
    expect(toJson(report)).toBe(stdout);
    expect(report.edition).toBe("2019");
    expect(report.meta.year).toBe(2020);
    const rows = report.edition === "2019" ? report.tables.table3?.rows : undefined;
    // Seed line 105 holds 49, the 自然人 cell of 一、本年新收政府信息公开申请数量.
    expect(rows?.newReceived.naturalPerson).toMatchObject({
      kind: "number",
      value: 49,
      raw: "49",
      source: { line: 105, column: 1 },
    });
  });

  it("writes one CSV line per cell, in edition order, with RFC 4180 line ends", async () => {
    const { code, stdout } = await runCli(["import", "liuzhou-yanghe-2020.json", "--format", "csv"]);
    expect(code).toBe(0);
    const lines = stdout.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("table,row,column,value,raw,source,state");
    // Table 二: 3+3 (一) + 3+3 (五) + 3+3 (六) + 2 (八) + 2 (九) cells; 23 table 三 rows × 7; 3 table 四 groups × 5.
    expect(lines.length - 2).toBe(22 + 23 * 7 + 15);
    expect(lines).toContain("table2,art20_1.regulations,newlyMade,,,,blank");
    expect(lines).toContain("table2,art20_5.licensing,changeThisYear,3,+3,,number");
    expect(lines).toContain("table2,art20_9.centralProcurement,procurementAmount,287.36,287.36万元,,number");
    expect(lines).toContain("table3,results.totalProcessed,total,,,,blank");
    expect(lines).toContain("table4,litigationDirect,unfinished,2,2,,number");
  });

  it("agrees cell by cell with the hand transcription of the seed, and gives text positions", async () => {
    const fromText = (await runCli(["import", "liuzhou-yanghe-2020.txt", "--format", "csv"])).stdout.split("\r\n");
    const byHand = (await runCli(["import", "liuzhou-yanghe-2020.json", "--format", "csv"])).stdout.split("\r\n");
    const withoutSource = (line: string) => line.split(",").slice(0, 5).join(",");
    expect(fromText.map(withoutSource)).toEqual(byHand.map(withoutSource));
    expect(fromText).toContain("table2,art20_9.centralProcurement,procurementAmount,287.36,287.36万元,88:1,number");
    expect(fromText).toContain("table4,litigationDirect,total,2,2,219:1,number");
  });

  it("quotes fields with commas, quotes and line breaks, and writes n/a for not applicable", async () => {
    const report = createReport({ edition: "2021", year: 2025 });
    setCell(
      report,
      { table: "table2", row: "art20_1.regulations", column: "made" },
      { kind: "number", value: 1, raw: '1,"件"\n' },
    );
    setCell(report, { table: "table2", row: "art20_1.regulations", column: "repealed" }, "n/a");
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "report.json"), toJson(report));
    const { stdout } = await runCli(["import", "report.json", "--format", "csv", "-o", "cells.csv"], {
      cwd: directory,
    });
    expect(stdout).toBe("");
    const csv = readFileSync(join(directory, "cells.csv"), "utf8");
    expect(csv).toContain('\r\ntable2,art20_1.regulations,made,1,"1,""件""\n",,number\r\n');
    expect(csv).toContain("\r\ntable2,art20_1.regulations,repealed,n/a,/,,notApplicable\r\n");
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("reads standard input and writes -o", async () => {
    const directory = temporaryDirectory();
    const text = readFileSync(join(fixturesDir, "liuzhou-yanghe-2020.txt"));
    const { code } = await runCli(["import", "-", "-o", "out/seed.json"], {
      cwd: directory,
      stdin: new Uint8Array(text),
    });
    expect(code).toBe(0);
    const written = readFileSync(join(directory, "out/seed.json"), "utf8");
    expect(parseJson(written).meta.agency.name).toBe("柳州市阳和工业新区(北部生态新区)");
  });

  it("normalises report JSON to canonical JSON", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "compact.json"), JSON.stringify(JSON.parse(seedJsonText)));
    expect((await runCli(["import", "compact.json"], { cwd: directory })).stdout).toBe(seedJsonText);
  });

  it("applies the config file's rule levels to the importer's findings", async () => {
    const dir = temporaryDirectory();
    // Excerpt 013 is cut off inside its tables: its import says so (import/truncated).
    writeFileSync(join(dir, "013.txt"), corpusFile("excerpts/013.txt"));
    const before = await runCli(["import", "013.txt", "--lang", "en"], { cwd: dir });
    expect(before.code).toBe(0);
    expect(before.stderr).toContain("import/truncated");
    writeFileSync(join(dir, "gongkai.config.json"), JSON.stringify({ rules: { "import/truncated": "off" } }));
    const after = await runCli(["import", "013.txt", "--lang", "en"], { cwd: dir });
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain("import/truncated");
    expect(after.stdout).toBe(before.stdout);
  });

  it("exits 2 for an unreadable input or a wrong command line", async () => {
    expect(await runCli(["import", "missing.txt", "--lang", "en"])).toMatchObject({
      code: 2,
      stderr: "gongkai: missing.txt: cannot read: no such file\n",
    });
    expect((await runCli(["import"])).code).toBe(2);
    expect((await runCli(["import", "a.txt", "b.txt"])).code).toBe(2);
    expect((await runCli(["import", "liuzhou-yanghe-2020.txt", "--format", "xlsx"])).code).toBe(2);
  });
});
