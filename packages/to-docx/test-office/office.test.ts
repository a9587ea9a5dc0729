// Opens rendered documents in LibreOffice (headless) and measures the PDF it prints. Needs `soffice`
// and poppler's `pdfinfo`/`pdftotext` (apt: libreoffice-writer-nogui poppler-utils); skipped
// without them. Run with `npm run test:office`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableDefinition, type Report } from "@gongkai/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDocxLayout, gbt9704Preset, toDocx } from "../src/index";
import { docxPart, tablesOf, type XmlTable } from "../test/docx-xml";
import { cellTexts, full2021Report, seedReport } from "../test/reports";

const available = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const haveOffice = available("soffice", ["--version"]) && available("pdfinfo", ["-v"]);
if (!haveOffice) {
  console.warn("test:office skipped: soffice or pdfinfo not found (apt-get install libreoffice-writer-nogui poppler-utils)");
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
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
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

function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/**
 * The text of each grid column of a table, read down the pages: words are put in the column where
 * they start. A wrapped cell's lines follow each other in its column, so a left-aligned label is a
 * substring of the text of the column it starts in.
 */
function columnTexts(words: readonly Word[], table: XmlTable, left: number): string[] {
  const edges = table.grid.reduce<number[]>((list, width) => [...list, (list.at(-1) ?? left) + width / 20], [left]);
  const texts = table.grid.map(() => [] as Word[]);
  for (const word of words) {
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
  // Measured with LibreOffice 7.4.7.2 and fonts-noto-cjk (仿宋_GB2312 and the rest fall back to Noto CJK).
  { name: "seed (柳州市阳和工业新区 2020, 2019 edition)", report: seedReport, pages: 6 },
  { name: "full 2021-edition report", report: full2021Report, pages: 7 },
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
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${join(directory, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", directory, ...files],
      { stdio: "ignore", timeout: 90_000 },
    );
  }, 120_000);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  describe.each(cases.map((testCase, index) => ({ ...testCase, index })))("$name", ({ index, pages, report }) => {
    it(`prints ${pages} A4 pages`, () => {
      const pdf = (rendered[index] as { pdf: string }).pdf;
      expect(pageCount(pdf)).toBe(pages);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+595\.3\d* x 841\.8\d* pts \(A4\)/);
    });

    it("keeps every word inside the text block, page numbers 7 mm below it", () => {
      const words = wordsOf((rendered[index] as { pdf: string }).pdf);
      const left = pt(layout.marginLeft);
      const right = pt(layout.marginLeft + layout.textWidth);
      const top = pt(layout.marginTop);
      const bottom = pt(layout.marginTop + layout.textHeight);
      const body = words.filter((word) => !/^—?\d+—?$|^—$/.test(word.text) || word.yMax < bottom);
      const outside = body.filter(
        (word) => word.xMin < left - 1 || word.xMax > right + 1 || word.yMin < top - 1 || word.yMax > bottom + 1,
      );
      expect(outside).toEqual([]);
      const numbers = words.filter((word) => word.yMin > bottom);
      expect(numbers.length).toBeGreaterThan(0);
      for (const word of numbers) {
        expect(word.yMin - bottom).toBeGreaterThan(5); // 7 mm ≈ 19.8 pt to the line, the glyphs sit lower
        expect(word.yMax).toBeLessThan(841.89 - pt(layout.footerDistance) + 1);
        // Odd pages right, even pages left, one 4号 character (14 pt) in from the text block.
        if (word.page % 2 === 1) expect(right - word.xMax).toBeGreaterThan(12);
        else expect(word.xMin - left).toBeGreaterThan(12);
        if (word.page % 2 === 1) expect(right - word.xMax).toBeLessThan(16);
        else expect(word.xMin - left).toBeLessThan(16);
      }
    });

    it("prints every row label and every cell value in its column", () => {
      const instance = report();
      const words = wordsOf((rendered[index] as { pdf: string }).pdf);
      const tables = tablesOf((rendered[index] as { documentXml: string }).documentXml);
      expect(tables).toHaveLength(3);
      const left = pt(layout.marginLeft);
      const [table2, table3, table4] = tables as [XmlTable, XmlTable, XmlTable];
      const two = columnTexts(words, table2, left);
      for (const row of getTableDefinition(instance.edition, "table2").rows) expect(two[0]).toContain(row.label);
      const three = columnTexts(words, table3, left);
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
      const four = columnTexts(words, table4, left);
      const rows4 = getTableDefinition(instance.edition, "table4").rows;
      rows4.forEach((row, group) => {
        row.columns.forEach((column, offset) => {
          const cell = (instance.tables.table4?.rows as Record<string, Record<string, { kind: string; value?: number }>>)[row.key]?.[column.key];
          if (cell?.kind === "number") expect(four[group * 5 + offset]).toContain(String(cell.value));
        });
      });
      const all = words.map((word) => word.text).join(" ");
      for (const value of cellTexts(instance)) expect(all).toContain(value);
    });
  });

  it("sets prose as 22 lines of 28 characters with a 28.95 pt line pitch (seed, page 2)", () => {
    const words = wordsOf((rendered[0] as { pdf: string }).pdf).filter((word) => word.page === 2);
    const bottom = pt(layout.marginTop + layout.textHeight);
    const lines = new Map<number, Word[]>();
    for (const word of words.filter((candidate) => candidate.yMax <= bottom)) {
      const key = Math.round(word.yMin);
      lines.set(key, [...(lines.get(key) ?? []), word]);
    }
    expect(lines.size).toBe(22);
    const tops = [...lines.keys()].sort((a, b) => a - b);
    const pitches = tops.slice(1).map((top, index) => top - (tops[index] as number));
    for (const pitch of pitches) expect(Math.abs(pitch - 28.95)).toBeLessThan(1.1);
    const lengths = [...lines.values()].map((line) => [...line.map((word) => word.text).join("")].length);
    expect(Math.max(...lengths)).toBe(28);
  });

  it("reads back the files it was given (sanity: the PDF text is the seed's)", () => {
    const text = execFileSync("pdftotext", [(rendered[0] as { pdf: string }).pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告");
    expect(readFileSync((rendered[0] as { pdf: string }).pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
