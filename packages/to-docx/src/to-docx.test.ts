import { createReport, GongkaiError, type Report, ReportValidationError, setCell } from "@gongkai/core";
import { fullReport, numberTexts, seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { attribute, docxPart, docxParts, mergedCells, tablesOf, textOf, xmlProblems } from "../test/docx-xml";
import { DocxOptionsError, toDocx } from "./index";

/** The body paragraphs (outside tables) of a document.xml. */
function paragraphs(xml: string): string[] {
  return [...xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "").matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(
    (match) => match[1] ?? "",
  );
}

describe("page setup (GB/T 9704-2012)", async () => {
  const bytes = await toDocx(seedReport());
  const document = docxPart(bytes, "word/document.xml");
  const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)?.[0] ?? "";

  it("is A4 with 天头 37 mm, 订口 28 mm and a 156 × 225 mm text block", () => {
    expect(attribute(section, "w:pgSz", "w:w")).toBe("11906");
    expect(attribute(section, "w:pgSz", "w:h")).toBe("16838");
    expect(attribute(section, "w:pgMar", "w:top")).toBe("2098"); // 37 mm
    expect(attribute(section, "w:pgMar", "w:left")).toBe("1587"); // 28 mm
    expect(attribute(section, "w:pgMar", "w:right")).toBe("1475"); // 11906 − 1587 − 8844 (156 mm)
    expect(attribute(section, "w:pgMar", "w:bottom")).toBe("1984"); // 16838 − 2098 − 12756 (225 mm)
  });

  it("has a 22-line grid with exact 28.95 pt lines, and 3号仿宋_GB2312 as the Normal style", () => {
    expect(attribute(section, "w:docGrid", "w:type")).toBe("lines");
    expect(attribute(section, "w:docGrid", "w:linePitch")).toBe("579");
    const styles = docxPart(bytes, "word/styles.xml");
    const normal = /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(attribute(normal, "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    expect(attribute(normal, "w:rFonts", "w:ascii")).toBe("Times New Roman");
    expect(attribute(normal, "w:sz", "w:val")).toBe("32");
    expect(attribute(normal, "w:spacing", "w:line")).toBe("579");
    expect(attribute(normal, "w:spacing", "w:lineRule")).toBe("exact");
    const gridFree = /<w:style [^>]*w:styleId="GongkaiGridFree">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(gridFree).toContain('<w:snapToGrid w:val="0"/>');
    // Table text: 10.5 pt 仿宋_GB2312 (Latin in Times New Roman), exact 14 pt lines, off the grid.
    const tableText = /<w:style [^>]*w:styleId="GongkaiTableText"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(attribute(tableText, "w:basedOn", "w:val")).toBe("GongkaiGridFree");
    expect(attribute(tableText, "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    expect(attribute(tableText, "w:rFonts", "w:ascii")).toBe("Times New Roman");
    expect(attribute(tableText, "w:sz", "w:val")).toBe("21");
    expect(attribute(tableText, "w:spacing", "w:line")).toBe("280");
    expect(attribute(tableText, "w:spacing", "w:lineRule")).toBe("exact");
    const cell = /<w:tc>[\s\S]*?<\/w:tc>/.exec(document)?.[0] ?? "";
    expect(attribute(cell, "w:pStyle", "w:val")).toBe("GongkaiTableText");
  });

  it("sets the title in 2号方正小标宋简体, centred, and parts in 黑体 / 楷体_GB2312 with a 2-character indent", () => {
    const all = paragraphs(document);
    const title = all[0] ?? "";
    expect(textOf(title)).toBe("柳州市阳和工业新区(北部生态新区)2020年政府信息公开工作年度报告");
    expect(attribute(title, "w:jc", "w:val")).toBe("center");
    expect(attribute(title, "w:rFonts", "w:eastAsia")).toBe("方正小标宋简体");
    expect(attribute(title, "w:sz", "w:val")).toBe("44");
    const heading = all.find((paragraph) => textOf(paragraph) === "一、总体情况") ?? "";
    expect(attribute(heading, "w:rFonts", "w:eastAsia")).toBe("黑体");
    expect(attribute(heading, "w:ind", "w:firstLine")).toBe("640");
    expect(heading).toContain("<w:keepNext/>");
    const subheading = all.find((paragraph) => textOf(paragraph) === "(一)建立健全政府信息公开工作制度情况") ?? "";
    expect(attribute(subheading, "w:rFonts", "w:eastAsia")).toBe("楷体_GB2312");
    const body = all.find((paragraph) => textOf(paragraph).startsWith("一是不断规范新区发文流程")) ?? "";
    expect(attribute(body, "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    expect(attribute(body, "w:rFonts", "w:hAnsi")).toBe("Times New Roman");
    expect(attribute(body, "w:sz", "w:val")).toBe("32");
    expect(attribute(body, "w:spacing", "w:line")).toBe("579");
    expect(attribute(body, "w:ind", "w:firstLine")).toBe("640");
    // Condensed by 0.25 pt so that 28 characters of 16 pt fit in 156 mm.
    expect(/<w:rPr>[\s\S]*?<w:spacing w:val="(-?\d+)"\/>/.exec(body)?.[1]).toBe("-5");
  });

  it("numbers pages 「— N —」 in 4号宋体: odd pages right, even pages left, one character in", () => {
    expect(docxPart(bytes, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    const relationships = docxPart(bytes, "word/_rels/document.xml.rels");
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(section)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relationships)?.[1];
      return docxPart(bytes, `word/${target}`);
    };
    const odd = footerOf("default");
    const even = footerOf("even");
    for (const footer of [odd, even]) {
      expect(textOf(footer)).toBe("—  —");
      expect(footer).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/,
      );
      expect(attribute(footer, "w:rFonts", "w:eastAsia")).toBe("宋体");
      expect(attribute(footer, "w:rFonts", "w:ascii")).toBe("宋体");
      expect(attribute(footer, "w:sz", "w:val")).toBe("28");
    }
    expect(attribute(odd, "w:jc", "w:val")).toBe("right");
    expect(attribute(odd, "w:ind", "w:right")).toBe("280");
    expect(attribute(even, "w:jc", "w:val")).toBe("left");
    expect(attribute(even, "w:ind", "w:left")).toBe("280");
    // 7 mm below the text block: 1984 − 397 − one 4号 line (1.3 × 14 pt = 364).
    expect(attribute(section, "w:pgMar", "w:footer")).toBe("1223");
  });
});

describe("content", () => {
  it("prints every part, every row label and every number of the seed report (柳州市阳和工业新区 2020)", async () => {
    const report = seedReport();
    const document = docxPart(await toDocx(report), "word/document.xml");
    const text = paragraphs(document).map(textOf);
    for (const part of report.parts) expect(text).toContain(part.heading);
    // The seed numbers part 四 as 五 (a real fault): the heading is printed as the report had it.
    expect(text.filter((line) => line.startsWith("五、"))).toHaveLength(2);
    const tables = tablesOf(document);
    const tableText = tables.flatMap((table) => table.rows.flat().map((cell) => cell.text));
    for (const value of numberTexts(report)) expect(tableText.join("|")).toContain(value);
    // Money keeps its unit, signed values their sign, blank stays empty.
    expect(tableText).toContain("287.36万元");
    expect(tableText).toContain("-392");
    expect(tableText).toContain("-2");
    const regulations = tables[0]?.rows[2]?.map((cell) => cell.text);
    expect(regulations).toEqual(["规章", "", "", ""]);
  });

  it("prints / for not applicable, keeps blank and 0 apart, and repeats no unit the column prints", async () => {
    const report = createReport({ edition: "2021", year: 2023, agency: { name: "某县财政局", kind: "department" } });
    setCell(report, { table: "table2", row: "art20_1.regulations", column: "made" }, "n/a");
    setCell(report, { table: "table2", row: "art20_1.regulations", column: "repealed" }, 0);
    setCell(
      report,
      { table: "table2", row: "art20_8.fees", column: "amount" },
      { kind: "number", value: 0.35, unit: "万元" },
    );
    setCell(
      report,
      { table: "table2", row: "art20_5.licensing", column: "decisions" },
      { kind: "number", value: 251000, unit: "元" },
    );
    const document = docxPart(await toDocx(report), "word/document.xml");
    const table = tablesOf(document)[0];
    expect(table?.rows[2]?.map((cell) => cell.text)).toEqual(["规章", "/", "0", ""]);
    expect(table?.rows.flat().map((cell) => cell.text)).toContain("0.35");
    expect(table?.rows.flat().map((cell) => cell.text)).toContain("251000元");
    // No title given: 「{agency}{year}年政府信息公开工作年度报告」.
    expect(textOf(paragraphs(document)[0] ?? "")).toBe("某县财政局2023年政府信息公开工作年度报告");
  });

  it("prints a table whose part the report lacks under the edition's heading, where the part belongs", async () => {
    const report = createReport({ edition: "2021", year: 2023 });
    report.parts = report.parts.filter((part) => part.code !== "applications");
    const document = docxPart(await toDocx(report), "word/document.xml");
    const text = paragraphs(document).map(textOf);
    const headings = text.filter((line) => /^[一二三四五六]、/.test(line));
    expect(headings).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(tablesOf(document)).toHaveLength(3);
    // A report without tables prints none.
    const bare = createReport({ edition: "2019", year: 2020 }) as Report;
    bare.tables = {};
    expect(tablesOf(docxPart(await toDocx(bare), "word/document.xml"))).toHaveLength(0);
  });

  it("keeps hostile text as text: XML specials escaped, C0 controls dropped, newlines as breaks", async () => {
    const report = createReport({ edition: "2021", year: 2024, agency: { name: `A&B<局>"'`, kind: "department" } });
    report.meta.title = `报告<script>&amp;"'\u0000\u0007\u001f标题\uFFFF`;
    report.preamble = [
      { type: "paragraph", text: "第一行\r\n第二行\t制表\u000b\u000c]]><![CDATA[x]]>\uD800" },
      { type: "subheading", text: "（一）<w:p>&nbsp;" },
    ];
    const bytes = await toDocx(report);
    const parts = docxParts(bytes);
    for (const [path, xml] of Object.entries(parts)) {
      if (path.endsWith(".xml") || path.endsWith(".rels")) expect([path, ...xmlProblems(xml)]).toEqual([path]);
    }
    const document = parts["word/document.xml"] ?? "";
    const all = paragraphs(document);
    expect(textOf(all[0] ?? "")).toBe(`报告<script>&amp;"'标题`);
    const preamble = all.find((paragraph) => textOf(paragraph).startsWith("第一行")) ?? "";
    expect(textOf(preamble)).toBe("第一行第二行制表]]><![CDATA[x]]>\uFFFD");
    expect(preamble).toContain("<w:br/>");
    expect(preamble).toContain("<w:tab/>");
    expect(all.map(textOf)).toContain("（一）<w:p>&nbsp;");
    expect(parts["docProps/core.xml"]).toContain("<dc:title>报告&lt;script&gt;&amp;amp;&quot;&apos;标题</dc:title>");
    expect(parts["docProps/core.xml"]).toContain("<dc:creator>A&amp;B&lt;局&gt;&quot;&apos;</dc:creator>");
  });

  it("lays out long prose and a full table without losing a cell", async () => {
    const report = fullReport("2021");
    const document = docxPart(await toDocx(report), "word/document.xml");
    const tables = tablesOf(document);
    for (const table of tables) mergedCells(table);
    const printed = tables.flatMap((table) => table.rows.flat().map((cell) => cell.text));
    for (const value of numberTexts(report)) expect(printed).toContain(value);
  });
});

describe("determinism", () => {
  it("gives byte-identical output for the same input, with fixed dates in core properties and the zip", async () => {
    const first = await toDocx(seedReport());
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the zip writer's clock has 2 s steps
    const second = await toDocx(seedReport());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = docxPart(first, "docProps/core.xml");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-02-09T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-02-09T00:00:00Z</dcterms:modified>');
    // Every zip entry carries the same MS-DOS time: 2021-02-09 00:00:00.
    const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
    const dosDate = ((2021 - 1980) << 9) | (2 << 5) | 9;
    let entries = 0;
    for (let offset = 0; offset < first.length - 4; offset++) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        expect([view.getUint16(offset + 12, true), view.getUint16(offset + 14, true)]).toEqual([0, dosDate]);
        entries++;
      }
    }
    expect(entries).toBeGreaterThan(5);
  });

  it("takes the date from options, then meta.publishedDate, then 31 December of the year", async () => {
    const report = seedReport();
    const dated = await toDocx(report, { date: "2022-03-04T05:06:08Z" });
    expect(docxPart(dated, "docProps/core.xml")).toContain(">2022-03-04T05:06:08Z</dcterms:created>");
    delete report.meta.publishedDate;
    expect(docxPart(await toDocx(report), "docProps/core.xml")).toContain(">2020-12-31T00:00:00Z</dcterms:created>");
    const error = await toDocx(report, { date: "yesterday" }).catch((caught: unknown) => caught);
    expect(DocxOptionsError.isInstance(error)).toBe(true);
    expect(GongkaiError.isInstance(error)).toBe(true);
    expect((error as DocxOptionsError).option).toBe("date");
  });
});

describe("options", () => {
  it("merges preset overrides over GB/T 9704: Latin in the Chinese family, bigger table text, character grid", async () => {
    const bytes = await toDocx(seedReport(), {
      preset: { fonts: { latin: null }, fontSizes: { table: 12 }, characterGrid: true },
    });
    const document = docxPart(bytes, "word/document.xml");
    const body = paragraphs(document).find((paragraph) => textOf(paragraph).startsWith("一是")) ?? "";
    expect(attribute(body, "w:rFonts", "w:ascii")).toBe("仿宋_GB2312");
    expect(attribute(body, "w:rFonts", "w:hAnsi")).toBe("仿宋_GB2312");
    expect(body).not.toMatch(/<w:spacing w:val=/);
    const styles = docxPart(bytes, "word/styles.xml");
    const tableText = /<w:style [^>]*w:styleId="GongkaiTableText"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(attribute(tableText, "w:sz", "w:val")).toBe("24");
    expect(attribute(tableText, "w:rFonts", "w:ascii")).toBe("仿宋_GB2312");
    expect(attribute(document, "w:docGrid", "w:type")).toBe("linesAndChars");
    expect(attribute(document, "w:docGrid", "w:charSpace")).toBe("-849");
    // The rest of the preset stays: title font and page size.
    expect(attribute(document, "w:pgMar", "w:top")).toBe("2098");
  });

  it("rejects unusable presets and unknown editions with typed errors", async () => {
    const report = seedReport();
    const cases: [Parameters<typeof toDocx>[1], string][] = [
      [{ preset: { page: { textWidth: 200 } } }, "preset.page.textWidth"],
      [{ preset: { fontSizes: { body: Number.NaN } } }, "preset.fontSizes.body"],
      [{ preset: { table: { width: 170 } } }, "preset.table.width"],
      [{ preset: { fonts: { body: " " } } }, "preset.fonts.body"],
      [{ preset: { linesPerPage: 22.5 } }, "preset.linesPerPage"],
      [{ preset: { table: { table3LabelShare: 0.97 } } }, "preset.table.table3LabelShare"],
      [{ preset: { closing: { dateRightIndent: -1 } } }, "preset.closing.dateRightIndent"],
      [{ preset: { closing: { dateRightIndent: 40 } } }, "preset.closing.dateRightIndent"],
    ];
    for (const [options, option] of cases) {
      const error = await toDocx(report, options).catch((caught: unknown) => caught);
      expect(DocxOptionsError.isInstance(error) && error.option).toBe(option);
    }
    const unknown = { ...report, edition: "2027" } as unknown as Report;
    const error = await toDocx(unknown).catch((caught: unknown) => caught);
    expect(ReportValidationError.isInstance(error)).toBe(true);
  });
});

describe("the closing and the navigation pane", () => {
  it("prints the agency's name over the date 「2021年2月9日」, the date 右空四字 (GB/T 9704 §7.3.5)", async () => {
    const all = paragraphs(docxPart(await toDocx(seedReport()), "word/document.xml"));
    const [blank, name, date] = all.slice(-3);
    expect(textOf(blank ?? "")).toBe("");
    expect(blank).toContain("<w:keepNext/>");
    expect(textOf(name ?? "")).toBe("柳州市阳和工业新区(北部生态新区)");
    expect(name).toContain("<w:keepNext/>");
    expect(textOf(date ?? "")).toBe("2021年2月9日");
    expect(attribute(date ?? "", "w:jc", "w:val")).toBe("right");
    expect(attribute(date ?? "", "w:ind", "w:right")).toBe("1280");
    expect(attribute(date ?? "", "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    // The name (15 characters and two half-width brackets) is wider than the date: right-aligned at the edge.
    expect(attribute(name ?? "", "w:jc", "w:val")).toBe("right");
    expect(attribute(name ?? "", "w:ind", "w:right")).toBe("0");
  });

  it("centres a shorter name over the date, takes the indent from the preset, and leaves out an unknown date", async () => {
    const report = createReport({ edition: "2021", year: 2023, agency: { name: "某县统计局", kind: "department" } });
    report.meta.publishedDate = "2024-01-05";
    const all = paragraphs(docxPart(await toDocx(report), "word/document.xml"));
    const [name, date] = all.slice(-2).map((paragraph) => paragraph ?? "");
    expect(textOf(date ?? "")).toBe("2024年1月5日");
    // Date: 2024, 1, 5 as six half characters, 年月日 as three, five Latin/Chinese boundaries of a
    // fifth each: 6 × 160 + 3 × 320 + 5 × 64 = 2240 twips; name: 5 × 320 = 1600;
    // centred: 1280 + (2240 − 1600) / 2 = 1600.
    expect(attribute(name ?? "", "w:ind", "w:right")).toBe("1600");
    const narrower = paragraphs(
      docxPart(await toDocx(report, { preset: { closing: { dateRightIndent: 2 } } }), "word/document.xml"),
    );
    expect(attribute(narrower[narrower.length - 1] ?? "", "w:ind", "w:right")).toBe("640");
    delete report.meta.publishedDate;
    const undated = paragraphs(docxPart(await toDocx(report), "word/document.xml"));
    expect(undated.slice(-2).map(textOf)).toEqual(["", "某县统计局"]);
    expect(attribute(undated[undated.length - 1] ?? "", "w:ind", "w:right")).toBe("1280");
  });

  it("gives part headings outline level 0 and sub-headings level 1, body paragraphs none", async () => {
    const all = paragraphs(docxPart(await toDocx(seedReport()), "word/document.xml"));
    const find = (text: string) => all.find((paragraph) => textOf(paragraph) === text) ?? "";
    expect(attribute(find("一、总体情况"), "w:outlineLvl", "w:val")).toBe("0");
    expect(attribute(find("五、政府信息公开行政复议、行政诉讼情况"), "w:outlineLvl", "w:val")).toBe("0");
    expect(attribute(find("(一)建立健全政府信息公开工作制度情况"), "w:outlineLvl", "w:val")).toBe("1");
    const body = all.find((paragraph) => textOf(paragraph).startsWith("一是不断规范")) ?? "";
    expect(body).not.toContain("w:outlineLvl");
    expect(all[0]).not.toContain("w:outlineLvl");
  });
});
