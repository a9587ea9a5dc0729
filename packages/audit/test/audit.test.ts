import { execFileSync } from "node:child_process";
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkReport } from "@gongkai/core";
import { fixturesDirectory, generatedReport, hostileReport } from "@gongkai/test-reports";
import { toJson } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { findingsCsv } from "../src/csv";
import { type AuditOptions, type AuditResult, audit, auditSummarySchema, auditSummarySchemaUrl } from "../src/index";
import { seriesReport, temporaryDirectory, writeReport } from "./report-files";

/** A named pipe in `directory`: reading it blocks until something writes to it. */
function namedPipe(directory: string, name: string): string {
  const path = join(directory, name);
  execFileSync("mkfifo", [path]);
  return path;
}

/** Let a read of an abandoned pipe finish, so its thread can end (no reader left: nothing to do). */
function releasePipe(path: string): void {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {}
}

/** Each result as its file and its kind, or for a failure the kind of failure. */
function outcomes(results: readonly AuditResult[]): string[][] {
  return results.map((result) => [result.file, result.kind === "failure" ? result.failure : result.kind]);
}

/** The page written for the report result of `file`. */
function pageOf(results: readonly AuditResult[], out: string, file: string): string {
  const result = results.find((item) => item.kind === "report" && item.file === file);
  return readFileSync(join(out, (result as { page: string }).page), "utf8");
}

async function collect(run: AsyncIterable<AuditResult>): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  for await (const result of run) results.push(result);
  return results;
}

describe("audit: series", () => {
  it("checks each report against its predecessor, whatever the name variant, and keeps similar agencies apart", async () => {
    const directory = temporaryDirectory();
    // 2022 carries 4 forward; 2023 (named differently) says 3 were carried over: one finding.
    writeReport(directory, "a-2022.json", seriesReport("某市财政局", 2022, { carriedOver: 1, carriedForward: 4 }));
    writeReport(
      directory,
      "a-2023.html",
      seriesReport("某市财政局（本级）", 2023, { carriedOver: 3, carriedForward: 2 }),
    );
    writeReport(
      directory,
      "a-2024.json",
      seriesReport("关于某市财政局的", 2024, { carriedOver: 2, carriedForward: 0 }),
    );
    // A county's bureau of the same name: its 2023 must not be compared with the city's 2022.
    writeReport(directory, "b-2023.json", seriesReport("某县财政局", 2023, { carriedOver: 4, carriedForward: 1 }));
    const run = audit([directory], { workers: 2, cwd: directory });
    const results = await collect(run);
    const crossYear = results.filter((result) => result.kind === "cross-year");
    expect(
      crossYear
        .map((result) => ({
          file: result.file,
          prior: result.priorFile,
          findings: result.diagnostics.map((diagnostic) => [
            diagnostic.ruleId,
            diagnostic.location.column,
            diagnostic.expected,
            diagnostic.actual,
          ]),
        }))
        .sort((a, b) => a.file.localeCompare(b.file)),
    ).toEqual([
      {
        file: "a-2023.html",
        prior: "a-2022.json",
        findings: [
          ["cross-year/carry-over", "naturalPerson", 4, 3],
          ["cross-year/carry-over", "total", 4, 3],
        ],
      },
      { file: "a-2024.json", prior: "a-2023.html", findings: [] },
    ]);
    const summary = await run.summary;
    expect(summary.totals).toMatchObject({ files: 4, checked: 4, failed: 0, crossYearPairs: 2 });
    expect(summary.series.map((series) => [series.key, series.years.map((year) => year.year)])).toEqual([
      ["某县财政局", [2023]],
      ["某市财政局", [2022, 2023, 2024]],
    ]);
  });
});

describe("audit: coverage and causes", () => {
  it("gives each report checkReport's coverage, and sums it and the causes in the summary", async () => {
    const directory = temporaryDirectory();
    // Without table 四: its relations (复议 and 诉讼 totals) cannot be verified.
    const partial = seriesReport("某市财政局", 2023, { carriedOver: 3, carriedForward: 2 });
    delete (partial.tables as { table4?: unknown }).table4;
    const whole = generatedReport("2019", 7);
    writeReport(directory, "partial.json", partial);
    writeReport(directory, "whole.json", whole);
    const run = audit([directory], { workers: 1, cwd: directory });
    const results = await collect(run);
    const byFile = new Map(results.flatMap((result) => (result.kind === "report" ? [[result.file, result]] : [])));
    expect(byFile.get("partial.json")?.coverage).toEqual(checkReport(partial).coverage);
    expect(byFile.get("whole.json")?.coverage).toEqual(checkReport(whole).coverage);
    const partialCoverage = checkReport(partial).coverage;
    const wholeCoverage = checkReport(whole).coverage;
    expect(partialCoverage.unverifiable).toBeGreaterThan(0);
    expect(wholeCoverage).toMatchObject({ unverifiable: 0, inferred: 0 });

    const summary = await run.summary;
    const relations = (coverage: typeof partialCoverage) =>
      coverage.verified + coverage.unverifiable + coverage.inferred;
    const partialPercent = Math.floor((partialCoverage.verified * 100) / relations(partialCoverage));
    expect(summary.coverage).toEqual({
      reports: 2,
      verified: partialCoverage.verified + wholeCoverage.verified,
      unverifiable: partialCoverage.unverifiable,
      inferred: partialCoverage.inferred,
      percentVerified: Math.floor(
        ((partialCoverage.verified + wholeCoverage.verified) * 100) /
          (relations(partialCoverage) + relations(wholeCoverage)),
      ),
      byShare: Array.from({ length: 11 }, (_, bucket) => ({
        from: bucket * 10,
        to: bucket === 10 ? 100 : bucket * 10 + 9,
        reports: (bucket === 10 ? 1 : 0) + (bucket === Math.floor(partialPercent / 10) ? 1 : 0),
      })),
      lowest: [
        {
          file: "partial.json",
          agency: "某市财政局",
          year: 2023,
          ...partialCoverage,
          percentVerified: partialPercent,
        },
      ],
    });
    const diagnostics = [...byFile.values()].flatMap((result) => result.diagnostics);
    expect(summary.totals.causes).toBe(diagnostics.filter((diagnostic) => diagnostic.causedBy === undefined).length);
    expect(summary.findingsByRule.reduce((sum, rule) => sum + rule.causes, 0)).toBe(summary.totals.causes);
  });
});

describe("audit: cross-year findings on the later report's page", () => {
  it("shows them whichever of the pair is read first, and counts each page once", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    // One worker reads files in name order: series a's predecessor first, series b's successor first.
    writeReport(directory, "a1.json", seriesReport("某市财政局", 2022, { carriedOver: 1, carriedForward: 4 }));
    writeReport(directory, "a2.json", seriesReport("某市财政局", 2023, { carriedOver: 3, carriedForward: 0 }));
    writeReport(directory, "b1.json", seriesReport("某县教育局", 2023, { carriedOver: 5, carriedForward: 0 }));
    writeReport(directory, "b2.json", seriesReport("某县教育局", 2022, { carriedOver: 0, carriedForward: 2 }));
    const run = audit([directory], { workers: 1, cwd: directory, out });
    const results = await collect(run);
    const later = results.flatMap((result) => (result.kind === "cross-year" ? [[result.file, result.priorFile]] : []));
    expect(later.sort()).toEqual([
      ["a2.json", "a1.json"],
      ["b1.json", "b2.json"],
    ]);
    const carryOver = /data-rule="cross-year\/carry-over"/g;
    // Each later page lists its two carry-over findings (自然人 and 总计); the earlier pages none.
    expect(pageOf(results, out, "a2.json").match(carryOver)).toHaveLength(2);
    expect(pageOf(results, out, "b1.json").match(carryOver)).toHaveLength(2);
    expect(pageOf(results, out, "a1.json")).not.toMatch(carryOver);
    expect(pageOf(results, out, "b2.json")).not.toMatch(carryOver);
    expect(readdirSync(join(out, "reports"))).toHaveLength(4);
    expect((await run.summary).totals).toMatchObject({ checked: 4, crossYearPairs: 2 });
  });
});

describe("audit: a page waits for the files given before it", () => {
  it("writes a report's page once, with the findings of a predecessor read after it on another worker", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    writeReport(directory, "a2.json", seriesReport("某市财政局", 2023, { carriedOver: 3, carriedForward: 0 }));
    // The predecessor is named first, so it is given first; a named pipe holds its worker back
    // until the successor's result is out on the other worker.
    const pipe = namedPipe(directory, "a1.json");
    const run = audit(["a1.json", "a2.json"], { workers: 2, cwd: directory, out });
    const results: AuditResult[] = [];
    for await (const result of run) {
      results.push(result);
      if (result.kind === "report" && result.file === "a2.json") {
        // Were a2's page written now and again once a1 is read, the second would read this file.
        writeReport(directory, "a2.json", seriesReport("某市审计局", 2023, { carriedOver: 3, carriedForward: 0 }));
        await writeFile(pipe, toJson(seriesReport("某市财政局", 2022, { carriedOver: 1, carriedForward: 4 })));
      }
    }
    expect(results.map((result) => [result.file, result.kind])).toEqual([
      ["a2.json", "report"],
      ["a1.json", "report"],
      ["a2.json", "cross-year"],
    ]);
    const page = pageOf(results, out, "a2.json");
    expect(page.match(/data-rule="cross-year\/carry-over"/g)).toHaveLength(2);
    expect(page).toContain("某市财政局");
    expect(page).not.toContain("某市审计局");
  });

  it("lets a worker holding four pages write its oldest, so that one slow file does not stop the others", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    const names = ["r1.json", "r2.json", "r3.json", "r4.json", "r5.json", "r6.json"];
    names.forEach((name, index) => {
      writeReport(directory, name, seriesReport(`某市第${index}局`, 2024, { carriedOver: 0, carriedForward: 0 }));
    });
    // Given first and never written to: its worker is held until the time limit ends it, while
    // every page after it waits for it.
    const stuck = namedPipe(directory, "a-stuck.json");
    const run = audit(["a-stuck.json", ...names], { workers: 2, cwd: directory, out, timeoutMs: 8_000 });
    const results = await collect(run);
    // r2 is queued behind the stuck file on its worker (files go to the worker with fewer to read,
    // the first of equals); the other worker reads the rest and writes their pages meanwhile.
    expect(outcomes(results)).toEqual([
      ...names.filter((name) => name !== "r2.json").map((name) => [name, "report"]),
      ["a-stuck.json", "timeout"],
      ["r2.json", "report"],
    ]);
    expect(readdirSync(join(out, "reports"))).toHaveLength(6);
    releasePipe(stuck);
  });
});

describe("audit: under node --input-type=module -e", () => {
  it("starts its workers (Node would apply --input-type to their file too)", () => {
    const directory = temporaryDirectory();
    writeReport(directory, "r.json", seriesReport("某市财政局", 2023, { carriedOver: 0, carriedForward: 0 }));
    const library = new URL("../dist/index.js", import.meta.url).href;
    const script = `const { audit } = await import(${JSON.stringify(library)});
const run = audit(["r.json"], { workers: 1, cwd: ${JSON.stringify(directory)} });
for await (const result of run) console.log(result.kind, result.failure ?? "");`;
    // With a V8 option beside it, as a user raising the heap would: workers take the process's options.
    for (const flags of [["--input-type=module"], ["--input-type", "module", "--max-old-space-size=2048"]]) {
      expect(execFileSync(process.execPath, [...flags, "-e", script], { encoding: "utf8" })).toBe("report \n");
    }
  });
});

describe("audit: failures and outputs", () => {
  it("records a file that cannot be read, a binary and a broken PDF, and goes on", async () => {
    const directory = temporaryDirectory();
    writeReport(directory, "good.json", seriesReport("某市统计局", 2024, { carriedOver: 0, carriedForward: 0 }));
    writeFileSync(join(directory, "broken.json"), "{ not json");
    writeFileSync(join(directory, "scan.pdf"), "%PDF-1.7\n");
    writeFileSync(join(directory, "binary.txt"), new Uint8Array([0, 1, 2, 0]));
    // Left out by an ignore pattern (.gitignore syntax, relative to cwd).
    mkdirSync(join(directory, "drafts"));
    writeFileSync(join(directory, "drafts", "draft.json"), "{ not json either");
    // A named file stays as named (as for `gongkai check`); a folder's files are named from `cwd`.
    const run = audit([directory, "missing.json", "nothing/*.json"], {
      workers: 1,
      cwd: directory,
      ignore: ["drafts/"],
    });
    const results = await collect(run);
    expect(
      results
        .flatMap((result) => (result.kind === "failure" ? [[result.file, result.failure]] : []))
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["binary.txt", "not-a-report"],
      ["broken.json", "invalid-json"],
      ["missing.json", "unreadable"],
      ["nothing/*.json", "unreadable"],
      ["scan.pdf", "import-error"],
    ]);
    expect((await run.summary).totals).toMatchObject({ files: 6, checked: 1, failed: 5 });
  });

  it("applies its rule levels to the importer's findings as to the check's", async () => {
    const directory = temporaryDirectory();
    // The seed report's text cut off at table 三's last row: the importer says so (import/truncated).
    const seed = readFileSync(join(fixturesDirectory, "liuzhou-yanghe-2020.txt"), "utf8");
    const end = seed.indexOf("四、结转下年度");
    expect(end).toBeGreaterThan(0);
    writeFileSync(join(directory, "cut.txt"), seed.slice(0, end));
    const levels = async (rules?: AuditOptions["rules"]) => {
      const [result] = await collect(audit([directory], { workers: 1, cwd: directory, ...(rules ? { rules } : {}) }));
      if (result?.kind !== "report") throw new Error(`not read: ${JSON.stringify(result)}`);
      return result.diagnostics
        .filter(
          (diagnostic) => diagnostic.ruleId === "import/truncated" || diagnostic.ruleId === "table3/results-total",
        )
        .map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`)
        .sort();
    };
    expect(await levels()).toEqual(["import/truncated:warning", "table3/results-total:error"]);
    expect(await levels({ "import/truncated": "error", "table3/results-total": "off" })).toEqual([
      "import/truncated:error",
    ]);
    expect(await levels({ "import/truncated": "off" })).toEqual(["table3/results-total:error"]);
  });

  it("writes the summary, its schema, the CSVs and a page per report, escaping what reports say", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    writeReport(directory, "hostile.json", hostileReport());
    writeReport(directory, "a-2022.json", seriesReport("某市财政局", 2022, { carriedOver: 1, carriedForward: 4 }));
    writeReport(directory, "a-2023.json", seriesReport("某市财政局", 2023, { carriedOver: 3, carriedForward: 2 }));
    const run = audit(["*.json"], { workers: 2, cwd: directory, out });
    const results = await collect(run);
    const summary = await run.summary;
    const written = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const { $schema, ...rest } = auditSummarySchema.parse(written);
    expect($schema).toBe(auditSummarySchemaUrl);
    expect(rest).toEqual(summary);
    expect(JSON.parse(readFileSync(join(out, "summary.schema.json"), "utf8")).type).toBe("object");

    const findings = readFileSync(join(out, "findings.csv"), "utf8").trimEnd().split("\r\n");
    expect(findings[0]).toBe(
      "\uFEFFfile,agency,year,ruleId,severity,table,row,column,pointer,line,sourceColumn,expected,actual,id,causedBy,message",
    );
    expect(findings.length - 1).toBe(summary.totals.findings);
    expect(
      findings.filter((line) => line.startsWith("a-2023.json,某市财政局,2023,cross-year/carry-over,warning")),
    ).toHaveLength(2);
    // A report's rows, formatted by its worker, are its findings in order, one block.
    const text = findings.map((line) => `${line}\r\n`).join("");
    const reportRows = results.flatMap((result) =>
      result.kind === "report" ? [findingsCsv(result.file, result.agency.name, result.year, result.diagnostics)] : [],
    );
    expect(reportRows.filter((rows) => rows !== "").length).toBeGreaterThan(0);
    for (const rows of reportRows) expect(text).toContain(rows);

    const cells = readFileSync(join(out, "cells.csv"), "utf8").trimEnd().split("\r\n");
    expect(cells[0]).toBe("\uFEFFfile,agency,year,table,row,column,value,raw,source,state");
    expect(cells).toContain("a-2022.json,某市财政局,2022,table3,carriedForward,naturalPerson,4,,,number");

    const pages = readdirSync(join(out, "reports")).sort();
    expect(pages).toHaveLength(3);
    const reportResults = results.filter((result) => result.kind === "report");
    for (const result of reportResults) expect(existsSync(join(out, result.page ?? "missing"))).toBe(true);

    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).not.toContain("<script");
    expect(index).toContain("&lt;script&gt;");
  });
});

describe("audit: streaming, time limit, stopping", () => {
  it("yields results before the last file is done, and records a file past the time limit", async () => {
    const directory = temporaryDirectory();
    for (let index = 0; index < 6; index++) {
      writeReport(
        directory,
        `r${index}.json`,
        seriesReport(`某市第${index}局`, 2024, { carriedOver: 0, carriedForward: 0 }),
      );
    }
    // A named pipe nobody writes to: reading it blocks its worker until we write to it.
    const pipe = namedPipe(directory, "z-pipe.json");
    // Named last, so it is started after the others (a directory's listing holds regular files only).
    const run = audit(["r*.json", "z-pipe.json"], { workers: 2, cwd: directory });
    const seen: AuditResult[] = [];
    for await (const result of run) {
      seen.push(result);
      if (seen.length === 6) {
        // Every other file is done and yielded while the pipe's file is still being read.
        expect(seen.map((item) => item.file).sort()).toEqual([
          "r0.json",
          "r1.json",
          "r2.json",
          "r3.json",
          "r4.json",
          "r5.json",
        ]);
        // Asynchronously: opening a pipe for writing waits for its reader, the worker.
        await writeFile(pipe, toJson(seriesReport("某市管道局", 2024, { carriedOver: 0, carriedForward: 0 })));
      }
    }
    expect(seen.map((item) => [item.file, item.kind]).at(-1)).toEqual(["z-pipe.json", "report"]);

    const stuck = namedPipe(directory, "stuck.json");
    const timed = audit(["stuck.json", "r0.json"], { workers: 1, cwd: directory, timeoutMs: 3_000 });
    const results = await collect(timed);
    expect(outcomes(results)).toEqual([
      ["stuck.json", "timeout"],
      ["r0.json", "report"],
    ]);
    releasePipe(stuck);
  });

  it("runs again on a fresh worker the page of a report whose worker went past the time limit on the next file", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    // One worker, two files at a time: a2's result is out and its page still to write when the
    // worker starts reading stuck.json (files first), which blocks it until the time limit ends it.
    writeReport(directory, "a2.json", seriesReport("某市财政局", 2023, { carriedOver: 3, carriedForward: 0 }));
    writeReport(directory, "a1.json", seriesReport("某市财政局", 2022, { carriedOver: 1, carriedForward: 4 }));
    const stuck = namedPipe(directory, "stuck.json");
    const run = audit(["a2.json", "stuck.json", "a1.json"], { workers: 1, cwd: directory, out, timeoutMs: 3_000 });
    const results = await collect(run);
    expect(outcomes(results)).toEqual([
      ["a2.json", "report"],
      ["stuck.json", "timeout"],
      ["a1.json", "report"],
      ["a2.json", "cross-year"],
    ]);
    // a2's page is written on the fresh worker, then again with the findings of its predecessor, read after it.
    const html = pageOf(results, out, "a2.json");
    expect(html.match(/data-rule="cross-year\/carry-over"/g)).toHaveLength(2);
    expect(readdirSync(join(out, "reports"))).toHaveLength(2);
    expect((await run.summary).totals).toMatchObject({ files: 3, checked: 2, failed: 1, crossYearPairs: 1 });
    releasePipe(stuck);
  });

  it("records a file that crashes its worker, and runs the file queued behind it on a fresh worker", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    // Three million empty arrays: some 100 MB of heap from a 9 MB file, past a 64 MB worker heap.
    writeFileSync(join(directory, "huge.json"), `[${"[],".repeat(3_000_000)}[]]`);
    writeReport(directory, "r0.json", seriesReport("某市第0局", 2024, { carriedOver: 0, carriedForward: 0 }));
    writeReport(directory, "r1.json", seriesReport("某市第1局", 2024, { carriedOver: 0, carriedForward: 0 }));
    // One worker, two files at a time: r0.json waits behind huge.json in the worker that dies.
    const run = audit(["huge.json", "r0.json", "r1.json"], { workers: 1, cwd: directory, out, maxWorkerMemoryMb: 64 });
    const results = await collect(run);
    expect(outcomes(results)).toEqual([
      ["huge.json", "crashed"],
      ["r0.json", "report"],
      ["r1.json", "report"],
    ]);
    expect(readdirSync(join(out, "reports"))).toHaveLength(2);
    expect((await run.summary).totals).toMatchObject({ files: 3, checked: 2, failed: 1 });
  });

  it("stops cleanly when its signal aborts, keeping what was written", async () => {
    const directory = temporaryDirectory();
    const out = join(directory, "out");
    for (let index = 0; index < 20; index++) {
      writeReport(
        directory,
        `r${index}.json`,
        seriesReport(`某市第${index}局`, 2024, { carriedOver: 0, carriedForward: 0 }),
      );
    }
    const controller = new AbortController();
    const run = audit([directory], { workers: 1, cwd: directory, out, signal: controller.signal });
    let count = 0;
    for await (const _ of run) {
      count++;
      if (count === 3) controller.abort();
    }
    const summary = await run.summary;
    expect(count).toBe(3);
    expect(summary.interrupted).toBe(true);
    expect(summary.totals).toMatchObject({ files: 20, done: 3, checked: 3 });
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).interrupted).toBe(true);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("interrupted");
  });
});
