// The fuzz targets: one entry per public entry point. An entry names its seeds (the real corpus in
// the repository and our renderers' output), the arbitrary of its inputs, how to run one input,
// and what a wrong result is. Adding an entry point is one more entry here.
import { readdirSync, readFileSync } from "node:fs";
import { check, GongkaiError, safeParseReport, severities } from "@gongkai/core";
import { fromDocx } from "@gongkai/from-docx";
import { fromHtml } from "@gongkai/from-html";
import { fromPdf } from "@gongkai/from-pdf";
import { fromText } from "@gongkai/from-text";
import { toDocx } from "@gongkai/to-docx";
import { toHtml, toHtmlPage } from "@gongkai/to-html";
import { parseJson, safeParseJson, toJson } from "@gongkai/to-json";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { editBytes, edits, editText, htmlTokens, textTokens, valueTexts, xmlTokens } from "./mutate.mjs";
import { minimalPdf, reportPdf } from "./pdf.mjs";

const packages = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, packages));
const utf8 = (bytes) => new TextDecoder().decode(bytes);

/** What an XSS payload looks like when a renderer lets it through unescaped. */
const payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>'];
/** PDF syntax that has broken readers: object and stream bounds, references, filters, page trees. */
const pdfTokens = [
  "endstream",
  "endobj",
  "0 0 R",
  "99999 0 R",
  "/Length 999999999",
  "/Filter /FlateDecode",
  "/Kids [2 0 R]",
  "/Count -1",
  "<<",
  ">>",
  "[",
  "BT",
  "ET",
  "Tj",
  "<FFFF>",
  "1e308 0 Td",
  "q",
  "Q",
  "re S",
  "xref",
  "trailer",
];
const jsonTokens = [...payloads, '"', "{", "}", "[", "]", ",", ":", "null", "-1e999", '"__proto__"', "\\u0000", "\\"];

/** A wrong importer result: a report `parseReport` refuses, or diagnostics that are not a list. */
function verifyImport(result) {
  const parsed = safeParseReport(result?.report);
  if (!parsed.success)
    return `importer output refused by parseReport: ${JSON.stringify(parsed.error.problems.slice(0, 2))}`;
  if (!Array.isArray(result.diagnostics)) return "diagnostics is not an array";
  return undefined;
}

/** String or byte edits of text seeds. */
const textOrBytes = (seeds, tokens) =>
  fc.oneof(
    edits([...tokens, ...valueTexts], seeds.length).map(({ seed, edits: list }) => editText(seeds[seed], list)),
    edits([...tokens, ...valueTexts], seeds.length).map(({ seed, edits: list }) =>
      editBytes(new TextEncoder().encode(seeds[seed]), list),
    ),
  );

/** Options for check(): null, garbage, unknown rules and severities, priors, deadlines. */
const checkOptions = (prior) =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant({}),
    fc.record(
      {
        rules: fc.dictionary(
          fc.constantFrom(
            "table3/balance",
            "meta/deadline",
            "narrative/number-mismatch",
            "cross-year/carry-over",
            "x/y",
          ),
          fc.constantFrom("off", "info", "warning", "error", "fatal", "", null, 3),
        ),
        prior: fc.constantFrom(prior, undefined, null),
        deadlines: fc.dictionary(
          fc.constantFrom("department", "peoplesGovernment", "townshipStreet", "unknown"),
          fc.constantFrom("01-31", "02-30", "13-01", "", null, "x"),
        ),
      },
      { requiredKeys: [] },
    ),
  );

/**
 * Seeds, built once in each worker: the corpus excerpts and the seed report as text, the portal
 * page, the seed report rendered by to-html, to-docx and to-json, the real PDFs, and small PDFs of
 * the seed report's text (src/pdf.mjs).
 */
export async function buildSeeds() {
  const pdfDirectory = new URL("test-reports/corpus/pdf/", packages);
  const pdfs = readdirSync(pdfDirectory)
    .filter((name) => name.endsWith(".pdf"))
    .sort()
    .map((name) => new Uint8Array(readFileSync(new URL(name, pdfDirectory))));
  const textDirectory = new URL("test-reports/corpus/excerpts/", packages);
  const texts = readdirSync(textDirectory)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => utf8(readFileSync(new URL(name, textDirectory))));
  const seedText = utf8(read("test-reports/fixtures/liuzhou-yanghe-2020.txt"));
  const seedJson = utf8(read("test-reports/fixtures/liuzhou-yanghe-2020.json"));
  const report = parseJson(seedJson);
  const docx = await toDocx(report);
  const docxParts = unzipSync(docx);
  const documentXml = strFromU8(docxParts["word/document.xml"]);
  return {
    texts: [seedText, ...texts],
    htmls: [utf8(read("test-reports/corpus/html/shanghai-bangongting-2019.html")), toHtml(report), toHtmlPage(report)],
    docx,
    docxParts,
    documentXml,
    jsons: [seedJson, toJson(report)],
    pdfs,
    // Three pages, one page (the text up to table 2), and one line of Helvetica.
    smallPdfs: [reportPdf(seedText), reportPdf(seedText.split("\n").slice(0, 60).join("\n")), minimalPdf()],
    report,
  };
}

/**
 * Every fuzz target. `arbitrary(seeds)` runs in the runner; `run` and `verify` in the worker;
 * `weight` (default 4) sets how often the target is drawn, `timeScale` (default 1) multiplies its
 * time budget.
 */
export const targets = [
  {
    name: "from-text",
    arbitrary: (seeds) => textOrBytes(seeds.texts, textTokens),
    run: (input) => fromText(input),
    verify: verifyImport,
  },
  {
    name: "from-html",
    arbitrary: (seeds) => textOrBytes(seeds.htmls, htmlTokens),
    run: (input) => fromHtml(input),
    verify: verifyImport,
  },
  {
    name: "from-docx",
    arbitrary: (seeds) =>
      fc.oneof(
        // Zip records: the file's bytes edited.
        edits(valueTexts, 1).map(({ edits: list }) => editBytes(seeds.docx, list)),
        // Structure and values: word/document.xml edited, then zipped again.
        edits([...xmlTokens, ...valueTexts], 1).map(({ edits: list }) =>
          zipSync(
            { ...seeds.docxParts, "word/document.xml": strToU8(editText(seeds.documentXml, list)) },
            { level: 1 },
          ),
        ),
      ),
    run: (input) => fromDocx(input),
    verify: verifyImport,
  },
  {
    name: "from-pdf",
    // pdf.js makes a case some ten times slower than the others: drawn a quarter as often, with
    // ten times the time budget (the real 413 KB huaianshi-2024.pdf took 113 s unmutated on this
    // machine under load).
    weight: 1,
    timeScale: 10,
    // Bytes edited: object records, streams, the cross-reference table and trailer alike. Mostly
    // the small PDFs (milliseconds each); one case in ten a real multi-page PDF (a quarter of a
    // second of CPU, some seconds on a loaded machine).
    arbitrary: (seeds) =>
      fc.oneof(
        {
          weight: 9,
          arbitrary: edits([...valueTexts, ...pdfTokens], seeds.smallPdfs.length).map(({ seed, edits: list }) =>
            editBytes(seeds.smallPdfs[seed], list),
          ),
        },
        {
          weight: 1,
          arbitrary: edits(valueTexts, seeds.pdfs.length).map(({ seed, edits: list }) =>
            editBytes(seeds.pdfs[seed], list),
          ),
        },
      ),
    run: (input) => fromPdf(input),
    verify: verifyImport,
  },
  {
    name: "parseJson",
    arbitrary: (seeds) =>
      edits([...jsonTokens, ...valueTexts], seeds.jsons.length).map(({ seed, edits: list }) =>
        editText(seeds.jsons[seed], list),
      ),
    run: (input) => parseJson(input),
    verify: (report) =>
      safeParseReport(report).success ? undefined : "parseJson returned a report parseReport refuses",
  },
  {
    name: "check",
    arbitrary: (seeds) =>
      fc.record({
        json: edits(valueTexts, seeds.jsons.length).map(({ seed, edits: list }) => editText(seeds.jsons[seed], list)),
        options: checkOptions(seeds.report),
      }),
    run: ({ json, options }) => {
      const parsed = safeParseJson(json);
      return parsed.success ? check(parsed.report, options) : [];
    },
    verify: (diagnostics) => {
      if (!Array.isArray(diagnostics)) return "check did not return a list";
      const bad = diagnostics.find((diagnostic) => !severities.includes(diagnostic.severity));
      return bad ? `finding with severity ${JSON.stringify(bad.severity)}` : undefined;
    },
  },
  {
    name: "to-html",
    arbitrary: (seeds) =>
      edits([...payloads, ...valueTexts], seeds.jsons.length).map(({ seed, edits: list }) =>
        editText(seeds.jsons[seed], list),
      ),
    run: (json) => {
      const parsed = safeParseJson(json);
      return parsed.success ? [toHtml(parsed.report), toHtmlPage(parsed.report)] : [];
    },
    verify: (pages) => {
      for (const page of pages)
        for (const payload of payloads) if (page.includes(payload)) return `unescaped ${payload}`;
      return undefined;
    },
  },
  {
    name: "to-docx",
    arbitrary: (seeds) =>
      edits([...payloads, ...valueTexts], seeds.jsons.length).map(({ seed, edits: list }) =>
        editText(seeds.jsons[seed], list),
      ),
    run: async (json) => {
      const parsed = safeParseJson(json);
      return parsed.success ? await toDocx(parsed.report) : new Uint8Array([0x50, 0x4b]);
    },
    verify: (bytes) =>
      bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b ? undefined : "not a zip",
  },
];

/** Whether an error is one of ours (every gongkai error is a GongkaiError, from any copy). */
export const isTyped = (error) => GongkaiError.isInstance(error);

/**
 * The seed of case `index` of run `runSeed` (a 32-bit mix of both), so that any case is made
 * again from the two numbers alone, in whichever worker and order it ran.
 */
export function caseSeed(runSeed, index) {
  let hash = Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}

/**
 * Build the seeds and return `make(runSeed, index)`: case `index` as `{ target, input }`, drawn by
 * fast-check from its own seed among `chosen` targets in proportion to their weights (default 4).
 * Even cases use fast-check's bias (edge values: ends of ranges, empty lists, one copy) as a run
 * of `fc.check` does early on; odd cases are unbiased.
 */
export async function caseMaker(chosen) {
  const seeds = await buildSeeds();
  const arbitrary = fc.oneof(
    ...chosen.map((target) => ({
      weight: target.weight ?? 4,
      arbitrary: target.arbitrary(seeds).map((input) => ({ target: target.name, input })),
    })),
  );
  const unbiased = fc.noBias(arbitrary);
  return (runSeed, index) =>
    fc.sample(index % 2 === 0 ? arbitrary : unbiased, { seed: caseSeed(runSeed, index), numRuns: 1 })[0];
}
