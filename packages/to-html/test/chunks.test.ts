import { check, type Report, ReportValidationError } from "@gongkai/core";
import {
  feesReport,
  fullReport,
  generatedReport,
  hostileReport,
  longProseReport,
  sampleReport,
  seedReport,
} from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { ChunkBuffer, chunkLength } from "../src/chunk-buffer";
import { ToHtmlOptionsError, type ToHtmlPageOptions, toHtml, toHtmlPage, toHtmlPageChunks } from "../src/index";
import { writeJson } from "../src/json-text";
import { byTag, type Element, parseDocument, text } from "./html";

/** The largest chunk toHtmlPageChunks documents. */
const documentedLength = 16_384;

/** Real and generated reports, each with the findings check() gives it. */
function reports(): { name: string; report: Report }[] {
  return [
    // The real report 柳州市阳和工业新区 2020, as test-reports transcribes it.
    { name: "seed", report: seedReport() },
    { name: "full 2019", report: fullReport("2019") },
    { name: "full 2021", report: fullReport("2021") },
    { name: "long prose", report: longProseReport() },
    { name: "hostile", report: hostileReport() },
    { name: "sample", report: sampleReport() },
    { name: "fees", report: feesReport() },
    ...[1, 2, 3].map((seed) => ({ name: `generated 2019 #${seed}`, report: generatedReport("2019", seed) })),
    ...[4, 5, 6].map((seed) => ({ name: `generated 2021 #${seed}`, report: generatedReport("2021", seed) })),
  ];
}

const variants: { name: string; options: (report: Report) => ToHtmlPageOptions }[] = [
  { name: "defaults", options: () => ({}) },
  { name: "with its findings", options: (report) => ({ diagnostics: check(report) }) },
  {
    name: "inline styles, prefixes, h2, no embedded report",
    options: () => ({ inlineStyles: true, classPrefix: "x-", idPrefix: "y", headingLevel: 2, embedReport: false }),
  },
];

/** The seed report with `paragraph` as its first part's only block. */
function hugeParagraphReport(paragraph: string): Report {
  const report = seedReport();
  const part = report.parts[0];
  if (part === undefined) throw new Error("the seed report has parts");
  part.blocks = [{ type: "paragraph", text: paragraph }];
  return report;
}

describe("toHtmlPageChunks", () => {
  for (const { name, report } of reports()) {
    for (const variant of variants) {
      it(`joined, is toHtmlPage's page, in chunks of at most 16,384 units: ${name}, ${variant.name}`, () => {
        const options = variant.options(report);
        const chunks = [...toHtmlPageChunks(report, options)];
        const page = toHtmlPage(report, options);
        expect(chunks.join("")).toBe(page);
        // The fragment inside is toHtml's, as the page has always been built.
        expect(page).toContain(toHtml(report, options));
        expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(documentedLength);
        if (page.length > documentedLength) expect(chunks.length).toBeGreaterThan(1);
        expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
      });
    }
  }

  it("gives the seed's page, with its findings, in more than one chunk", () => {
    const report = seedReport();
    const chunks = [...toHtmlPageChunks(report, { diagnostics: check(report) })];
    // The seed's page with its findings is about 100,000 units: one string of it is what the chunks avoid.
    expect(chunks.join("").length).toBeGreaterThan(3 * documentedLength);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
  });

  it("cuts a paragraph longer than a chunk, never inside a surrogate pair, so each chunk encodes on its own", () => {
    // 𠮷 is a surrogate pair; the odd prefix puts a chunk boundary inside one pair or another.
    for (const prefix of ["", "a", "ab"]) {
      const report = hugeParagraphReport(`${prefix}${"𠮷".repeat(40_000)}`);
      const chunks = [...toHtmlPageChunks(report)];
      const page = toHtmlPage(report);
      expect(chunks.join("")).toBe(page);
      expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(documentedLength);
      const encoder = new TextEncoder();
      const separately = Buffer.concat(chunks.map((chunk) => encoder.encode(chunk)));
      expect(separately.equals(Buffer.from(encoder.encode(page)))).toBe(true);
      // The paragraph is a text in the page, and the embedded report reads back.
      const script = byTag(parseDocument(page), "script")[0] as Element;
      expect(JSON.parse(text(script))).toEqual(report);
    }
  });

  it("throws for an invalid report or option when called, before any chunk is read", () => {
    const report = seedReport();
    (report.meta as { year: unknown }).year = "二〇二〇";
    expect(() => toHtmlPageChunks(report)).toThrow(ReportValidationError);
    expect(() => toHtmlPageChunks(seedReport(), { classPrefix: "1x" })).toThrow(ToHtmlOptionsError);
  });

  it("renders again each time it is iterated", () => {
    const report = seedReport();
    const chunks = toHtmlPageChunks(report, { diagnostics: check(report) });
    const first = [...chunks];
    expect([...chunks]).toEqual(first);
  });
});

describe("ChunkBuffer", () => {
  it("keeps texts that fit whole, closing a chunk before a text that would not fit", () => {
    const buffer = new ChunkBuffer();
    const texts = Array.from({ length: 300 }, (_, index) => "字".repeat(1 + ((index * 997) % 3000)));
    const chunks: string[] = [];
    for (const piece of texts) {
      buffer.add(piece);
      chunks.push(...buffer.take());
    }
    chunks.push(...buffer.finish());
    expect(chunks.join("")).toBe(texts.join(""));
    // Every chunk is a run of whole texts, and no chunk could have taken the next text too.
    let index = 0;
    for (const chunk of chunks) {
      let length = 0;
      while (index < texts.length && length + (texts[index] as string).length <= chunk.length) {
        length += (texts[index] as string).length;
        index++;
      }
      expect(length).toBe(chunk.length);
      expect(chunk.length).toBeLessThanOrEqual(chunkLength);
      if (index < texts.length) expect(chunk.length + (texts[index] as string).length).toBeGreaterThan(chunkLength);
    }
  });

  it("cuts a long text into full chunks, one unit short where a full one would split a surrogate pair", () => {
    const buffer = new ChunkBuffer();
    buffer.add("x");
    buffer.add(`a${"😀".repeat(chunkLength)}`);
    const chunks = buffer.finish();
    expect(chunks.join("")).toBe(`xa${"😀".repeat(chunkLength)}`);
    expect(chunks[0]).toBe("x");
    expect(chunks[1]?.length).toBe(chunkLength - 1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(chunkLength);
      const last = chunk.charCodeAt(chunk.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
  });

  it("gives nothing for nothing", () => {
    const buffer = new ChunkBuffer();
    expect(buffer.finish()).toEqual([]);
    buffer.add("");
    expect(buffer.finish()).toEqual([]);
  });
});

describe("writeJson", () => {
  const values: unknown[] = [
    seedReport(),
    { a: undefined, b: () => 1, c: Symbol("s"), d: [undefined, () => 1, Symbol("t"), null, 1], e: {} },
    [[], [[]], {}, [{}, { x: [1, { y: "z" }] }]],
    { number: Number.NaN, infinite: Number.POSITIVE_INFINITY, zero: -0, date: new Date(0), bool: false },
    Object.assign(Object.create(null), { plain: { nested: { deeper: { deepest: [1, 2, { end: true }] } } } }),
    { withToJson: { toJSON: () => ({ replaced: true }) }, list: [{ toJSON: () => "text" }] },
    { strings: ["<script>", "\u2028\u2029", "\ud800 lone", "😀 pair", '"quoted"\\'] },
    { 2: "two", 1: "one", b: "b", a: "a" },
    "top-level string",
    42,
    null,
  ];
  for (const levels of [0, 1, 2, 3, 6]) {
    it(`writes JSON.stringify's text in parts, ${levels} levels opened`, () => {
      for (const value of values) {
        const parts: string[] = [];
        writeJson(value, (part) => parts.push(part), levels);
        expect(parts.join("")).toBe(JSON.stringify(value));
      }
    });
  }
});
