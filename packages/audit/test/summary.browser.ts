import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { hostileReport } from "@gongkai/test-reports";
import { launchChromium } from "@gongkai/test-reports/browser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditSummary, audit } from "../src/index";
import { corpusInputs, hasCorpus } from "./corpus";
import { seriesReport, temporaryDirectory, writeReport } from "./report-files";

let browser: Browser;
let out: string;
let summary: AuditSummary;
/** Each report result's coverage, summed as the run yielded them. */
const yielded = { reports: 0, verified: 0, unverifiable: 0, inferred: 0, causes: 0 };

beforeAll(async () => {
  if (!hasCorpus) throw new Error(`The corpus is not at ${corpusInputs.join(", ")}`);
  const directory = temporaryDirectory();
  writeReport(directory, "hostile.json", hostileReport());
  writeReport(directory, "a-2022.json", seriesReport("某市财政局", 2022, { carriedOver: 1, carriedForward: 4 }));
  writeReport(
    directory,
    "a-2023.html",
    seriesReport("某市财政局（本级）", 2023, { carriedOver: 3, carriedForward: 0 }),
  );
  out = join(directory, "out");
  const run = audit([...corpusInputs, directory], { workers: 2, out, cwd: directory });
  for await (const result of run) {
    // Results are written to `out` as they come; here their coverage and causes are summed.
    if (result.kind === "failure") continue;
    yielded.causes += result.diagnostics.filter((diagnostic) => diagnostic.causedBy === undefined).length;
    if (result.kind !== "report") continue;
    const { verified, unverifiable, inferred } = result.coverage;
    if (verified + unverifiable + inferred > 0) yielded.reports++;
    yielded.verified += verified;
    yielded.unverifiable += unverifiable;
    yielded.inferred += inferred;
  }
  summary = await run.summary;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A summary entry's value at a `data-field` path (`editions.2019`). */
function fieldOf(entry: unknown, field: string): unknown {
  return field.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], entry);
}

describe("the summary page", () => {
  it("opens from file:// without a request, every chart beside its table, its numbers those of summary.json", async () => {
    const written = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as AuditSummary;
    expect(written.totals).toEqual(summary.totals);
    expect(summary.totals.failed).toBeGreaterThan(0); // the PDFs and the truth file are listed, not fatal
    expect(summary.totals.crossYearPairs).toBeGreaterThan(0);
    // The coverage and causes the summary gives are those of the results, summed.
    const { reports, verified, unverifiable, inferred } = written.coverage;
    expect({ reports, verified, unverifiable, inferred, causes: written.totals.causes }).toEqual(yielded);
    expect(written.coverage.byShare.reduce((sum, bucket) => sum + bucket.reports, 0)).toBe(reports);
    // The corpus has reports whose cells could not all be read: some relations are unverifiable.
    expect(verified).toBeGreaterThan(0);
    expect(unverifiable).toBeGreaterThan(0);
    expect(written.coverage.lowest.length).toBeGreaterThan(0);
    expect(written.totals.causes).toBeLessThan(written.totals.findings);

    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = pathToFileURL(join(out, "index.html")).href;
    await page.goto(url, { waitUntil: "load" });
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);

    const figures = await page.$$eval("figure.chart", (elements) =>
      elements.map((element) => ({
        chart: element.getAttribute("data-chart"),
        svgs: element.querySelectorAll("svg").length,
        table: element.querySelector("table")?.getAttribute("data-summary") ?? null,
        rows: element.querySelectorAll("table tbody tr").length,
      })),
    );
    expect(figures.map((figure) => figure.chart)).toEqual([
      "findingsByRule",
      "mostErrors",
      "latePublication",
      "editionsByYear",
      "coverage",
      "importProblems",
    ]);
    for (const figure of figures) {
      expect(figure.svgs, figure.chart ?? "").toBe(1);
      expect(figure.table).toBe(figure.chart === "coverage" ? "coverage.byShare" : figure.chart);
    }

    const tables = await page.$$eval("table[data-summary]", (elements) =>
      elements.map((table) => ({
        key: table.getAttribute("data-summary") as string,
        rows: Array.from(table.querySelectorAll("tbody tr")).map((row) =>
          Array.from(row.querySelectorAll("td[data-field]")).map((cell) => [
            cell.getAttribute("data-field") as string,
            cell.textContent ?? "",
          ]),
        ),
      })),
    );
    let compared = 0;
    expect(tables.map((table) => table.key)).toEqual(
      expect.arrayContaining(["coverage", "coverage.byShare", "coverage.lowest"]),
    );
    for (const table of tables) {
      // A table's rows are a summary array's entries, or the one summary object it names.
      const value = fieldOf(written, table.key);
      const entries = Array.isArray(value) ? value : [value];
      expect(table.rows.length, table.key).toBe(entries.length);
      table.rows.forEach((row, index) => {
        for (const [field, text] of row) {
          expect(text, `${table.key}[${index}].${field}`).toBe(String(fieldOf(entries[index], field as string)));
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(100);

    const totals = await page.$$eval("dd[data-total]", (elements) =>
      elements.map((element) => [element.getAttribute("data-total"), element.textContent]),
    );
    expect(Object.fromEntries(totals)).toEqual(
      Object.fromEntries(Object.entries(written.totals).map(([key, value]) => [key, String(value)])),
    );
    // What the hostile report says shows as text.
    expect(await page.$$eval("script", (elements) => elements.length)).toBe(0);
    await page.close();
  });

  it("links each of the most-errors reports to its page, which opens without a request", async () => {
    const entry = summary.mostErrors.find((item) => item.page);
    expect(entry?.page).toBeDefined();
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const url = pathToFileURL(join(out, entry?.page ?? "")).href;
    await page.goto(url, { waitUntil: "load" });
    expect(requests).toEqual([url]);
    expect(await page.locator(".gongkai-has-error, .gongkai-has-warning").count()).toBeGreaterThan(0);
    await page.close();
  });
});
