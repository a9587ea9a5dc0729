// Opens rendered documents in LibreOffice (headless) and measures the PDF it prints. Needs `soffice`
// and poppler's `pdfinfo`/`pdftotext` (apt: libreoffice-writer-nogui poppler-utils); skipped
// without them. Run with `npm run test:office`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableDefinition, type Report } from "@gongkai/core";
import { fullReport, numberTexts, seedReport } from "@gongkai/test-reports";
import { haveOffice, officeToPdf } from "@gongkai/test-reports/office";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gbt9704Preset, resolveDocxLayout, toDocx } from "../src/index";
import { docxPart, tablesOf, type XmlTable } from "../test/docx-xml";

if (!haveOffice) {
  console.warn(
    "test:office skipped: soffice or pdfinfo not found (apt-get install libreoffice-writer-nogui poppler-utils)",
  );
}

interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

function wordsOf(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words: Word[] = [];
  let page = 0;
  for (const match of html.matchAll(
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[0] === "<page ") {
      page++;
      continue;
    }
    words.push({
      page,
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      text: (match[5] ?? "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
    });
  }
  return words;
}

/** Punctuation that may end a line hanging into the margin. */
const hanging = /[，。、；：！？,.;:!?”’）)》」』]/;

function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/**
 * The text of each grid column of a table, read down the pages: words are put in the column where
 * they start. A wrapped cell's lines follow each other in its column, so a left-aligned label is a
 * substring of the text of the column it starts in.
 */
function columnTexts(words: readonly Word[], table: XmlTable, left: number, bottom: number): string[] {
  const edges = [left];
  for (const width of table.grid) edges.push((edges.at(-1) ?? left) + width / 20);
  const texts = table.grid.map(() => [] as Word[]);
  for (const word of words.filter((candidate) => candidate.yMax <= bottom)) {
    const column = edges.findIndex((edge, index) => index > 0 && word.xMin < edge) - 1;
    if (column >= 0 && word.xMin >= left - 1) texts[column]?.push(word);
  }
  return texts.map((list) =>
    [...list]
      .sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)
      .map((word) => word.text)
      .join(""),
  );
}

const cases: { name: string; report: () => Report; pages: number }[] = [
  // Measured with LibreOffice 7.4.7.2 and the hermetic face set of `hermeticFontconfig`.
  { name: "seed (柳州市阳和工业新区 2020, 2019 edition)", report: seedReport, pages: 6 },
  // Table 三 (a full page) moves whole to page 5, leaving page 4 with five lines of prose.
  { name: "full 2021-edition report", report: () => fullReport("2021"), pages: 8 },
];

describe.skipIf(!haveOffice)("LibreOffice renders the documents as laid out", () => {
  const directory = mkdtempSync(join(tmpdir(), "gongkai-to-docx-office-"));
  const layout = resolveDocxLayout(gbt9704Preset);
  const pt = (twips: number) => twips / 20;
  const rendered: { documentXml: string; pdf: string }[] = [];

  beforeAll(async () => {
    const files: string[] = [];
    for (const [index, testCase] of cases.entries()) {
      const bytes = await toDocx(testCase.report());
      const file = join(directory, `report-${index}.docx`);
      writeFileSync(file, bytes);
      files.push(file);
      rendered.push({ documentXml: docxPart(bytes, "word/document.xml"), pdf: join(directory, `report-${index}.pdf`) });
    }
    // The preset's families set in the hermetic Noto CJK SC face set the layout figures were read off.
    officeToPdf(files, directory, gbt9704Preset.fonts);
  }, 120_000);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  describe.each(cases.map((testCase, index) => ({ ...testCase, index })))("$name", ({ index, pages, report }) => {
    it(`prints ${pages} A4 pages`, () => {
      const pdf = (rendered[index] as { pdf: string }).pdf;
      expect(pageCount(pdf)).toBe(pages);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(
        /Page size:\s+595\.3\d* x 841\.8\d* pts \(A4\)/,
      );
    });

    it("keeps every word inside the text block, page numbers 7 mm below it", () => {
      const words = wordsOf((rendered[index] as { pdf: string }).pdf);
      const left = pt(layout.marginLeft);
      const right = pt(layout.marginLeft + layout.textWidth);
      const top = pt(layout.marginTop);
      const bottom = pt(layout.marginTop + layout.textHeight);
      const body = words.filter((word) => !/^—?\d+—?$|^—$/.test(word.text) || word.yMax < bottom);
      // LibreOffice 7.4 reads w:overflowPunct inverted (val 0 → hanging punctuation), so a line may
      // end in one punctuation mark hanging into the right margin (the text before it stays inside).
      const hangs = (word: Word) =>
        hanging.test(word.text.slice(-1)) && word.xMax - (word.xMax - word.xMin) / [...word.text].length <= right + 1;
      const outside = body.filter(
        (word) =>
          word.xMin < left - 1 ||
          (word.xMax > right + 1 && !hangs(word)) ||
          word.yMin < top - 1 ||
          word.yMax > bottom + 1,
      );
      expect(outside).toEqual([]);
      const numbers = words.filter((word) => word.yMin > bottom);
      expect(numbers.length).toBeGreaterThan(0);
      for (const page of new Set(numbers.map((word) => word.page))) {
        const line = numbers.filter((word) => word.page === page);
        expect(line.map((word) => word.text).join("")).toBe(`—${page}—`);
        const start = Math.min(...line.map((word) => word.xMin));
        const end = Math.max(...line.map((word) => word.xMax));
        const top = Math.min(...line.map((word) => word.yMin));
        // 7 mm ≈ 19.8 pt from the text block down to the page number line.
        expect(top - bottom).toBeGreaterThan(14);
        expect(top - bottom).toBeLessThan(26);
        // Odd pages right, even pages left, one 4号 character (14 pt) in from the text block.
        const inset = page % 2 === 1 ? right - end : start - left;
        expect(inset).toBeGreaterThan(12);
        expect(inset).toBeLessThan(16);
      }
    });

    it("prints every row label and every cell value in its column", () => {
      const instance = report();
      const words = wordsOf((rendered[index] as { pdf: string }).pdf);
      const tables = tablesOf((rendered[index] as { documentXml: string }).documentXml);
      expect(tables).toHaveLength(3);
      const left = pt(layout.marginLeft);
      const bottom = pt(layout.marginTop + layout.textHeight);
      const [table2, table3, table4] = tables as [XmlTable, XmlTable, XmlTable];
      const two = columnTexts(words, table2, left, bottom);
      for (const row of getTableDefinition(instance.edition, "table2").rows) expect(two[0]).toContain(row.label);
      const three = columnTexts(words, table3, left, bottom);
      for (const row of getTableDefinition(instance.edition, "table3").rows) {
        const column = row.groups.length;
        expect(three[column]).toContain(row.label);
        for (const group of row.groups) expect(three[row.groups.indexOf(group)]).toContain(group.label);
      }
      // Each value of table 三 sits in its own column; in table 四 the 15 values run across the last row.
      const columns3 = getTableDefinition(instance.edition, "table3").rows[0]?.columns ?? [];
      const rows3 = instance.tables.table3?.rows as Record<string, Record<string, { kind: string; value?: number }>>;
      columns3.forEach((column, offset) => {
        const values = Object.values(rows3)
          .map((cells) => cells[column.key])
          .filter((cell) => cell?.kind === "number")
          .map((cell) => String(cell?.value));
        for (const value of values) expect(three[3 + offset]).toContain(value);
      });
      const four = columnTexts(words, table4, left, bottom);
      const rows4 = getTableDefinition(instance.edition, "table4").rows;
      rows4.forEach((row, group) => {
        row.columns.forEach((column, offset) => {
          const rows = instance.tables.table4?.rows as
            | Record<string, Record<string, { kind: string; value?: number }>>
            | undefined;
          const cell = rows?.[row.key]?.[column.key];
          if (cell?.kind === "number") expect(four[group * 5 + offset]).toContain(String(cell.value));
        });
      });
      const all = words.map((word) => word.text).join(" ");
      for (const value of numberTexts(instance)) expect(all).toContain(value);
    });
  });

  it("sets prose as at most 22 lines a page, 22 on a full page, 28.95 pt apart, 28 characters a line", () => {
    const bottom = pt(layout.marginTop + layout.textHeight);
    const counts: number[] = [];
    for (const { pdf } of rendered) {
      const words = wordsOf(pdf).filter(
        (word) => word.yMax <= bottom && word.yMax - word.yMin > 19 && word.yMax - word.yMin < 23,
      );
      for (const page of new Set(words.map((word) => word.page))) {
        const tops = [...new Set(words.filter((word) => word.page === page).map((word) => Math.round(word.yMin)))].sort(
          (a, b) => a - b,
        );
        counts.push(tops.length);
        // Adjacent body lines (no table or title between them) are one line pitch apart.
        const pitches = tops.slice(1).map((top, index) => top - (tops[index] as number));
        for (const pitch of pitches.filter((gap) => gap < 40)) expect(Math.abs(pitch - 28.95)).toBeLessThan(1.1);
      }
    }
    expect(Math.max(...counts)).toBe(22);
    // Character advance of body text (16 pt: words about 20.8 pt tall) in runs of ideographs and
    // full-width punctuation; ASCII punctuation and digits of the seed are narrower.
    const advances = rendered
      .flatMap(({ pdf }) => wordsOf(pdf))
      .filter((word) => word.yMax - word.yMin > 19 && word.yMax - word.yMin < 23)
      .filter((word) => /^[\p{Script=Han}，。、；：“”（）《》]{10,}$/u.test(word.text))
      .map((word) => (word.xMax - word.xMin) / [...word.text].length)
      .sort((a, b) => a - b);
    const advance = advances[Math.floor(advances.length / 2)] as number;
    expect(advances.length).toBeGreaterThan(5);
    expect(28 * advance).toBeLessThanOrEqual(pt(layout.textWidth) + 0.5);
    expect(29 * advance).toBeGreaterThan(pt(layout.textWidth));
  });

  it("prints the closing on the last page: the date 右空四字, a shorter name centred over it", () => {
    const right = pt(layout.marginLeft + layout.textWidth);
    const character = 16 - 0.25; // 3号 body characters, condensed by 0.25 pt
    // The full 2021-edition report: 某市统计局 over 2025年1月20日.
    const words = wordsOf((rendered[1] as { pdf: string }).pdf);
    const last = Math.max(
      ...words.filter((word) => word.yMax < pt(layout.marginTop + layout.textHeight)).map((word) => word.page),
    );
    const onLast = words.filter((word) => word.page === last);
    const name = onLast.find((word) => word.text === "某市统计局");
    if (!name) throw new Error(`no closing on page ${last}: ${onLast.map((word) => word.text).join(" ")}`);
    // The date's line (digits and 年月日 come as separate words: Latin and CJK fonts differ).
    const dateWords = onLast.filter((word) => Math.abs(word.yMin - name.yMin - 28.95) < 2);
    expect(dateWords.map((word) => word.text).join("")).toBe("2025年1月20日");
    const date = {
      xMin: Math.min(...dateWords.map((word) => word.xMin)),
      xMax: Math.max(...dateWords.map((word) => word.xMax)),
    };
    expect(Math.abs(right - date.xMax - 4 * character)).toBeLessThan(3);
    expect(Math.abs((name.xMin + name.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(4);
  });

  it("reads back the files it was given (sanity: the PDF text is the seed's)", () => {
    const text = execFileSync("pdftotext", [(rendered[0] as { pdf: string }).pdf, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
    expect(text).toContain("柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告");
    expect(
      readFileSync((rendered[0] as { pdf: string }).pdf)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});
