import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Diagnostic } from "@gongkai/core";
import { corpusDirectory, fixturesDirectory, generatedReport } from "@gongkai/test-reports";
import { toHtmlPage } from "@gongkai/to-html";
import { expect, it } from "vitest";
import { importFile } from "../src/import-file";
import { type AuditResult, audit } from "../src/index";
import { temporaryDirectory, writeReport } from "./report-files";

it("writes each report's page, chunk by chunk, byte for byte as toHtmlPage makes it", async () => {
  const directory = temporaryDirectory();
  const out = join(directory, "out");
  // Generated reports as to-html pages, beside the real excerpts, the Shanghai page and the seed.
  for (const seed of [1, 2, 3]) writeReport(directory, `generated-${seed}.html`, generatedReport("2021", seed));
  const inputs = [
    directory,
    join(corpusDirectory, "excerpts"),
    join(corpusDirectory, "html"),
    join(fixturesDirectory, "liuzhou-yanghe-2020.txt"),
  ];
  const results: AuditResult[] = [];
  for await (const result of audit(inputs, { workers: 2, cwd: directory, out })) results.push(result);
  const crossYear = new Map<string, Diagnostic[]>();
  for (const result of results) {
    if (result.kind === "cross-year")
      crossYear.set(result.file, [...(crossYear.get(result.file) ?? []), ...result.diagnostics]);
  }
  let pages = 0;
  for (const result of results) {
    if (result.kind !== "report" || result.page === undefined) continue;
    const path = resolve(directory, result.file);
    const imported = await importFile(readFileSync(path), basename(path));
    if (!imported.ok) throw new Error(`${result.file} was audited but does not import: ${imported.reason}`);
    const diagnostics = [...result.diagnostics, ...(crossYear.get(result.file) ?? [])];
    const expected = toHtmlPage(imported.report, { diagnostics, validate: false });
    expect(readFileSync(join(out, result.page)).equals(Buffer.from(expected, "utf8")), result.file).toBe(true);
    pages++;
  }
  // 3 generated, the 63 excerpts, the Shanghai page and the seed.
  expect(pages).toBeGreaterThanOrEqual(68);
});
