import type { Block, TableBlock } from "@gongkai/recognize";
import { sampleReport } from "@gongkai/test-reports";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxToBlocks } from "./docx-to-blocks";
import {
  documentXml,
  expandLayout,
  minimalDocx,
  numberingXml,
  p,
  reportDocx,
  stylesXml,
  tc,
  zipParts,
} from "./test-helpers";

function textOf(block: Block): string {
  return block.type === "table" ? "<table>" : block.text;
}

function tables(blocks: readonly Block[]): TableBlock[] {
  return blocks.filter((block): block is TableBlock => block.type === "table");
}

/** The grid without source positions, for slot-by-slot comparison. */
function shape(table: TableBlock | undefined) {
  return table?.rows.map((row) =>
    row.map((slot) => ({ text: slot.text, origin: slot.origin, rowSpan: slot.rowSpan, colSpan: slot.colSpan })),
  );
}

describe("docxToBlocks on a report written with the docx package", () => {
  it("reads the title, the part headings with their levels, and the paragraphs in order", async () => {
    const report = sampleReport();
    const { bytes } = await reportDocx(report);
    const document = docxToBlocks(bytes);
    expect(document.meta).toEqual({ title: report.meta.title });
    const text = document.blocks
      .filter((block) => block.type !== "table")
      .map((block) => (block.type === "heading" ? [block.type, block.level, block.text] : [block.type, block.text]));
    expect(text).toEqual([
      ["heading", undefined, report.meta.title],
      ...report.parts.flatMap((part) => [
        ["heading", 1, part.heading],
        ...part.blocks.map((block) =>
          block.type === "subheading" ? ["heading", 2, block.text] : ["paragraph", block.text],
        ),
      ]),
    ]);
    expect(document.diagnostics).toBeUndefined();
  });

  it("expands table 三 and table 四 slot by slot, merged cells included", async () => {
    const report = sampleReport();
    const { bytes, table3, table4 } = await reportDocx(report);
    const [first, second, ...rest] = tables(docxToBlocks(bytes).blocks);
    expect(rest).toEqual([]);
    expect(first?.spansKnown).toBe(true);
    expect(shape(first)).toEqual(expandLayout(table3));
    expect(shape(second)).toEqual(expandLayout(table4));
    // Spot checks read off the report: 一、本年新收 total is 12 (10 + 2), in the last column.
    const newReceived = first?.rows[3];
    expect(newReceived?.[0]?.text).toBe("一、本年新收政府信息公开申请数量");
    expect(newReceived?.[9]?.text).toBe("12");
    expect(first?.rows[4]?.[5]?.text).toBe("/");
    expect(second?.rows[3]?.map((slot) => slot.text)).toEqual([
      "1",
      "",
      "",
      "",
      "1",
      "",
      "",
      "",
      "",
      "",
      "",
      "3",
      "",
      "",
      "3",
    ]);
  });

  it("locates every cell in word/document.xml by offset, line/column and element path", async () => {
    const { bytes } = await reportDocx(sampleReport());
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"] as Uint8Array);
    const lineStarts = [0, ...[...xml.matchAll(/\n/g)].map((match) => (match.index as number) + 1)];
    const [table3] = tables(docxToBlocks(bytes).blocks);
    const source = table3?.source;
    expect(source?.path).toBe("document>body>tbl[1]");
    expect(xml.slice(source?.offset, (source?.offset ?? 0) + 6)).toBe("<w:tbl");
    expect(xml.slice(0, source?.endOffset).endsWith("</w:tbl>")).toBe(true);
    for (const [rowIndex, row] of (table3?.rows ?? []).entries()) {
      for (const slot of row) {
        if (slot.origin.row !== rowIndex) continue;
        const at = slot.source?.offset as number;
        expect(xml.slice(at, at + 5)).toBe("<w:tc");
        const line = lineStarts.filter((start) => start <= at).length;
        expect(slot.source?.line).toBe(line);
        expect(slot.source?.column).toBe(at - (lineStarts[line - 1] as number) + 1);
        expect(slot.source?.path).toMatch(
          new RegExp(`^document>body>tbl\\[1\\]>tr\\[${rowIndex + 1}\\]>tc\\[\\d+\\]$`),
        );
      }
    }
    // The cell of 一、本年新收 × 总计 is the 8th w:tc of the 4th row (label + 7 values).
    expect(table3?.rows[3]?.[9]?.source?.path).toBe("document>body>tbl[1]>tr[4]>tc[8]");
  });
});

describe("docxToBlocks on hand-written WordprocessingML", () => {
  it("expands gridBefore and gridAfter into empty slots of their own", () => {
    const body =
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
      `<w:tr>${tc("a")}${tc("b")}${tc("c")}${tc("d")}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc("e")}${tc("f")}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc("g", '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `</w:tbl>`;
    const [table] = tables(docxToBlocks(minimalDocx(body)).blocks);
    const cell = (text: string, row: number, column: number, colSpan = 1) => ({
      text,
      origin: { row, column },
      rowSpan: 1,
      colSpan,
    });
    expect(shape(table)).toEqual([
      [cell("a", 0, 0), cell("b", 0, 1), cell("c", 0, 2), cell("d", 0, 3)],
      [cell("", 1, 0), cell("e", 1, 1), cell("f", 1, 2), cell("", 1, 3)],
      [cell("", 2, 0), cell("", 2, 1), cell("g", 2, 2, 2), cell("g", 2, 2, 2)],
    ]);
    expect(table?.rows[1]?.[1]?.source?.path).toBe("document>body>tbl[1]>tr[2]>tc[1]");
    expect(table?.rows[1]?.[0]?.source).toBeUndefined();
  });

  it("merges vMerge restart/continue down a column, under gridSpan and after gridBefore", () => {
    const body =
      `<w:tbl>` +
      `<w:tr>${tc("top", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc("x")}</w:tr>` +
      `<w:tr>${tc("", '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc("y")}</w:tr>` +
      `<w:tr>${tc("", '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>')}${tc("z", '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc("", "<w:vMerge/>")}</w:tr>` +
      `<w:tr>${tc("p", "<w:vMerge/>")}${tc("q")}${tc("", "<w:vMerge/>")}</w:tr>` +
      `</w:tbl>`;
    const [table] = tables(docxToBlocks(minimalDocx(body)).blocks);
    const top = { text: "top", origin: { row: 0, column: 0 }, rowSpan: 3, colSpan: 2 };
    const z = { text: "z", origin: { row: 2, column: 2 }, rowSpan: 3, colSpan: 1 };
    const one = (text: string, row: number, column: number) => ({
      text,
      origin: { row, column },
      rowSpan: 1,
      colSpan: 1,
    });
    expect(shape(table)).toEqual([
      [top, top, one("x", 0, 2)],
      [top, top, one("y", 1, 2)],
      [top, top, z],
      [one("", 3, 0), one("", 3, 1), z],
      // A continue under a slot no cell covers starts a cell of its own.
      [one("p", 4, 0), one("q", 4, 1), z],
    ]);
  });

  it("pads short rows, marks header rows, and keeps line breaks and tabs inside a cell", () => {
    const body =
      `<w:tbl>` +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc("h1")}${tc("h2")}${tc("h3")}</w:tr>` +
      `<w:tr><w:tc><w:p><w:r><w:t>行政</w:t><w:br/><w:t>复议</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc></w:tr>` +
      `</w:tbl>`;
    const [table] = tables(docxToBlocks(minimalDocx(body)).blocks);
    expect(table?.rows.map((row) => row.map((slot) => [slot.text, slot.header ?? false]))).toEqual([
      [
        ["h1", true],
        ["h2", true],
        ["h3", true],
      ],
      [
        ["行政\n复议\na b", false],
        ["", false],
        ["", false],
      ],
    ]);
  });

  it("unwraps a one-column layout table and emits a nested table after the table holding it", () => {
    const inner = `<w:tbl><w:tr>${tc("i1")}${tc("i2")}</w:tr></w:tbl>`;
    const body =
      `<w:tbl><w:tr><w:tc>${p("框内标题", '<w:pStyle w:val="Heading1"/>')}${p("框内段落")}` +
      `<w:tbl><w:tr><w:tc>${p("outer a")}${inner}${p("outer a2")}</w:tc>${tc("outer b")}</w:tr></w:tbl>` +
      `</w:tc></w:tr><w:tr>${tc("第二行")}</w:tr></w:tbl>${p("after")}`;
    const document = docxToBlocks(minimalDocx(body));
    expect(
      document.blocks.map((block) =>
        block.type === "table"
          ? ["table", block.rows.map((row) => row.map((slot) => slot.text))]
          : [block.type, block.text],
      ),
    ).toEqual([
      ["heading", "框内标题"],
      ["paragraph", "框内段落"],
      ["table", [["outer a\nouter a2", "outer b"]]],
      ["table", [["i1", "i2"]]],
      ["paragraph", "第二行"],
      ["paragraph", "after"],
    ]);
    const nested = tables(document.blocks)[1];
    expect(nested?.source.path).toBe("document>body>tbl[1]>tr[1]>tc[1]>tbl[1]>tr[1]>tc[1]>tbl[1]");
    expect(nested?.rows[0]?.[1]?.source?.path).toBe(
      "document>body>tbl[1]>tr[1]>tc[1]>tbl[1]>tr[1]>tc[1]>tbl[1]>tr[1]>tc[2]",
    );
  });

  it("drops tables without cells", () => {
    const body = `<w:tbl/><w:tbl><w:tblGrid/></w:tbl><w:tbl><w:tr/><w:tr></w:tr></w:tbl>${p("只有这段")}`;
    expect(docxToBlocks(minimalDocx(body)).blocks.map(textOf)).toEqual(["只有这段"]);
  });

  it("clamps an absurd gridSpan to 1000 columns with a limit diagnostic instead of allocating it", () => {
    const body = `<w:tbl><w:tr>${tc("a", '<w:gridSpan w:val="999999999"/>')}${tc("b")}</w:tr></w:tbl>`;
    const document = docxToBlocks(minimalDocx(body));
    const [table] = tables(document.blocks);
    expect(table?.rows[0]?.length).toBe(1000);
    expect(table?.rows[0]?.[999]).toMatchObject({ text: "a", colSpan: 1000 });
    expect(document.diagnostics?.map((diagnostic) => diagnostic.ruleId)).toEqual(["import/limit-exceeded"]);
    expect(document.diagnostics?.[0]?.location.source?.path).toBe("document>body>tbl[1]>tr[1]>tc[2]");
  });
});

describe("docxToBlocks headings and list labels", () => {
  const styles = stylesXml(
    `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="custom"><w:name w:val="报告小标题"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="derived"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="loop1"><w:name w:val="loop one"/><w:basedOn w:val="loop2"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="loop2"><w:name w:val="loop two"/><w:basedOn w:val="loop1"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/></w:style>`,
  );

  it("takes heading levels from style names (English and Chinese), outline levels and based-on chains", () => {
    const body =
      p("报告标题", '<w:pStyle w:val="a5"/>') +
      p("一、总体情况", '<w:pStyle w:val="1"/>') +
      p("（一）主动公开", '<w:pStyle w:val="20"/>') +
      p("1.小节", '<w:pStyle w:val="custom"/>') +
      p("继承的标题", '<w:pStyle w:val="derived"/>') +
      p("直接大纲级别", '<w:outlineLvl w:val="1"/>') +
      p("正文级别覆盖", '<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>') +
      p("循环样式", '<w:pStyle w:val="loop1"/>') +
      p("未定义样式", '<w:pStyle w:val="Heading3"/>') +
      p("普通段落");
    const document = docxToBlocks(minimalDocx(body, { "word/styles.xml": styles }));
    expect(
      document.blocks.map((block) =>
        block.type === "heading" ? [block.text, block.level] : [textOf(block), block.type],
      ),
    ).toEqual([
      ["报告标题", undefined],
      ["一、总体情况", 1],
      ["（一）主动公开", 2],
      ["1.小节", 3],
      ["继承的标题", 1],
      ["直接大纲级别", 2],
      ["正文级别覆盖", "paragraph"],
      ["循环样式", "paragraph"],
      ["未定义样式", 3],
      ["普通段落", "paragraph"],
    ]);
  });

  it("prints Word's list labels (一、 （一） 1.) before numbered paragraphs, from numbering.xml", () => {
    const numbering = numberingXml(
      `<w:abstractNum w:abstractNumId="0">` +
        `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>` +
        `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>` +
        `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
        `</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>`,
    );
    const numbered = (level: number, numId = 1) =>
      `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;
    const body =
      p("总体情况", `<w:pStyle w:val="1"/>${numbered(0)}`) +
      p("主动公开", numbered(1)) +
      p("第一点", numbered(2)) +
      p("第二点", numbered(2)) +
      p("依申请公开", numbered(1)) +
      p("第一点", numbered(2)) +
      p("项目符号", numbered(0, 2)) +
      p("主动公开政府信息情况", numbered(0)) +
      p("", numbered(0)) +
      p("第十", numbered(0, 3)) +
      p("不编号", '<w:numPr><w:numId w:val="0"/></w:numPr>');
    const document = docxToBlocks(minimalDocx(body, { "word/styles.xml": styles, "word/numbering.xml": numbering }));
    expect(document.blocks.map(textOf)).toEqual([
      "一、总体情况",
      "（一）主动公开",
      "1. 第一点",
      "2. 第二点",
      "（二）依申请公开",
      "1. 第一点",
      "项目符号",
      "二、主动公开政府信息情况",
      "十、第十",
      "不编号",
    ]);
    expect(document.blocks[0]).toMatchObject({ type: "heading", level: 1 });
  });
});

describe("docxToBlocks part discovery and text", () => {
  it("finds the main part through _rels/.rels, resolves a namespace bound to another prefix, and reads the core title", () => {
    const bytes = zipParts({
      "_rels/.rels":
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/main/doc.xml"/>` +
        `<Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="props/core.xml"/>` +
        `</Relationships>`,
      "main/doc.xml": documentXml(
        `<x:p><x:r><x:t>甲 &amp; 乙 &#x4E19; &#19969;</x:t></x:r></x:p>` +
          `<x:p><x:r><mc:AlternateContent><mc:Choice Requires="wps"><x:t>选择</x:t></mc:Choice><mc:Fallback><x:t>后备</x:t></mc:Fallback></mc:AlternateContent></x:r></x:p>`,
        "x",
      ),
      "props/core.xml":
        `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
        `<dc:title>  某县  2023年报告 </dc:title></cp:coreProperties>`,
    });
    const document = docxToBlocks(bytes);
    expect(document.meta).toEqual({ title: "某县 2023年报告" });
    expect(document.blocks.map(textOf)).toEqual(["甲 & 乙 丙 丁", "选择"]);
    expect(document.blocks[0]?.source).toMatchObject({ line: 2, path: "document>body>p[1]" });
  });

  it("finds parts whose names a Windows tool wrote with backslashes or in other case", () => {
    const bytes = zipParts({ "Word\\Document.xml": documentXml(p("反斜杠")) });
    expect(docxToBlocks(bytes).blocks.map(textOf)).toEqual(["反斜杠"]);
  });

  it("decodes UTF-16 parts and reports invalid UTF-8 as an import/encoding finding", () => {
    const xml = documentXml(p("十六位"));
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < xml.length; index++) {
      utf16[2 + index * 2] = xml.charCodeAt(index) & 0xff;
      utf16[3 + index * 2] = xml.charCodeAt(index) >> 8;
    }
    expect(docxToBlocks(zipParts({ "word/document.xml": utf16 })).blocks.map(textOf)).toEqual(["十六位"]);

    const [before, after] = documentXml(p("o|k"))
      .split("|")
      .map((half) => new TextEncoder().encode(half));
    const withBadByte = new Uint8Array([...(before ?? []), 0xff, ...(after ?? [])]);
    const document = docxToBlocks(zipParts({ "word/document.xml": withBadByte }));
    expect(document.blocks.map(textOf)).toEqual(["o\uFFFDk"]);
    expect(document.diagnostics?.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ["import/encoding", "warning"],
    ]);
  });

  it("reads content controls and inserted text, and leaves out deleted, moved-away and hidden text", () => {
    const run = (text: string, properties = "") =>
      `<w:r>${properties === "" ? "" : `<w:rPr>${properties}</w:rPr>`}<w:t>${text}</w:t></w:r>`;
    const body =
      `<w:sdt><w:sdtPr/><w:sdtContent>${p("控件内")}</w:sdtContent></w:sdt>` +
      `<w:p>${run("保留")}<w:ins>${run("插入")}</w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>` +
      `<w:moveFrom>${run("移走")}</w:moveFrom><w:moveTo>${run("移来")}</w:moveTo>${run("隐藏", "<w:vanish/>")}${run("显示", '<w:vanish w:val="0"/>')}</w:p>`;
    const document = docxToBlocks(minimalDocx(body));
    expect(document.blocks.map(textOf)).toEqual(["控件内", "保留插入移来显示"]);
    expect(document.blocks[0]?.source).toMatchObject({ path: "document>body>sdt[1]>sdtContent[1]>p[1]" });
  });

  it("leaves out rows a tracked change deleted and content controls showing their placeholder", () => {
    const body =
      `<w:tbl><w:tr>${tc("a")}${tc("b")}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>${tc("deleted")}${tc("row")}</w:tr>` +
      `<w:tr>${tc("c")}${tc("d")}</w:tr></w:tbl>` +
      `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${p("单击或点击此处输入文字。")}</w:sdtContent></w:sdt>` +
      `<w:sdt><w:sdtPr/><w:sdtContent>${p("已填写")}</w:sdtContent></w:sdt>`;
    const document = docxToBlocks(minimalDocx(body));
    expect(
      document.blocks.map((block) =>
        block.type === "table" ? block.rows.map((row) => row.map((slot) => slot.text)) : block.text,
      ),
    ).toEqual([
      [
        ["a", "b"],
        ["c", "d"],
      ],
      "已填写",
    ]);
  });

  it("merges the legacy w:hMerge continue cells into the cell on their left", () => {
    const body = `<w:tbl><w:tr>${tc("a", '<w:hMerge w:val="restart"/>')}${tc("", "<w:hMerge/>")}${tc("b")}</w:tr></w:tbl>`;
    const [table] = tables(docxToBlocks(minimalDocx(body)).blocks);
    const a = { text: "a", origin: { row: 0, column: 0 }, rowSpan: 1, colSpan: 2 };
    expect(shape(table)).toEqual([[a, a, { text: "b", origin: { row: 0, column: 2 }, rowSpan: 1, colSpan: 1 }]]);
  });

  it("skips text box content and empty paragraphs, and collapses whitespace", () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">  前　  后  </w:t></w:r><w:r><w:drawing><w:txbxContent>${p("文本框")}</w:txbxContent></w:drawing></w:r></w:p>` +
      `<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>${p("尾")}`;
    expect(docxToBlocks(minimalDocx(body)).blocks.map(textOf)).toEqual(["前　 后", "尾"]);
  });
});
