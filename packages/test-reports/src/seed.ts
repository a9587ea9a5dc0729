import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseReport, type ReportOf } from "@gongkai/core";

const seedTextUrl = new URL("../fixtures/liuzhou-yanghe-2020.txt", import.meta.url);
const seedJsonUrl = new URL("../fixtures/liuzhou-yanghe-2020.json", import.meta.url);

/**
 * The folder of the shared fixture files (`fixtures/`: the seed's text and its JSON transcription),
 * for tests that hand a command a file by name. Every package's tests read the seed from here: it
 * has no other copy in the repository.
 */
export const fixturesDirectory: string = fileURLToPath(new URL("../fixtures/", import.meta.url));

let seedTextCache: string | undefined;
let seedJsonCache: string | undefined;

/**
 * The seed report's text: the real 柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告
 * flattened from its web page, one cell per line ending in `|`, faults included
 * (`fixtures/liuzhou-yanghe-2020.txt`, a byte-for-byte copy of `/work/shared/seed`).
 */
export function seedText(): string {
  seedTextCache ??= readFileSync(seedTextUrl, "utf8");
  return seedTextCache;
}

/**
 * The canonical hand transcription of the seed text as gongkai JSON
 * (`fixtures/liuzhou-yanghe-2020.json`, which a CLI test checks cell by cell against the text
 * importer).
 */
export function seedJsonText(): string {
  seedJsonCache ??= readFileSync(seedJsonUrl, "utf8");
  return seedJsonCache;
}

/**
 * The seed report (柳州市阳和工业新区 2020, 2019 edition) parsed from {@link seedJsonText} with
 * core's `parseReport`: a fresh copy on every call, so tests may change it. Its real faults are
 * kept: table 三's 总计 column is blank where 自然人 has 49, （七）总计 is blank, 规章 is blank,
 * and part 四 is printed with the numeral 五 (two parts numbered 五). Cells keep their raw text
 * (`+3`, `287.36万元`) but have no source positions (the transcription is by hand).
 */
export function seedReport(): ReportOf<"2019"> {
  const { $schema, schemaVersion, ...document } = JSON.parse(seedJsonText()) as Record<string, unknown>;
  const report = parseReport(document);
  if (report.edition !== "2019") throw new Error(`the seed transcription has edition ${report.edition}, not 2019`);
  return report;
}
