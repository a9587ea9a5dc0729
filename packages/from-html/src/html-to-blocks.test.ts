import type { Block, TableBlock } from "@gongkai/recognize";
import { textPieceLength } from "@gongkai/recognize";
import { corpusFile } from "@gongkai/test-reports";
import { mulberry32 } from "@gongkai/test-reports/random";
import {
  type DefaultTreeAdapterTypes,
  type ParserError,
  type ParserOptions,
  parse,
  serialize,
  Tokenizer,
} from "parse5";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  countingTreeAdapter,
  type HtmlOptions,
  htmlText,
  parsePieces,
  quickEmbeddedReport,
  readHtml,
} from "./html-to-blocks";
import { htmlToBlocks } from "./index";
import { stateTableCoverage } from "./tokenizer";

type Element = DefaultTreeAdapterTypes.Element;

const textOf = (block: Block | undefined) => (block && block.type !== "table" ? block.text : undefined);

const shanghaiBytes = corpusFile("html/shanghai-bangongting-2019.html");

const tablesOf = (blocks: readonly Block[]) => blocks.filter((block): block is TableBlock => block.type === "table");
const texts = (table: TableBlock | undefined) => table?.rows.map((row) => row.map((slot) => slot.text));
const table = (html: string) => tablesOf(htmlToBlocks(html).blocks)[0] as TableBlock;

describe("htmlToBlocks on the Shanghai 2019 page (a CMS fragment without <html>)", () => {
  const document = htmlToBlocks(shanghaiBytes);
  const [table2, table3, table4] = tablesOf(document.blocks);

  it("reads 36 paragraphs and 3 tables in page order, with no diagnostics", () => {
    expect(document.blocks.map((block) => block.type).join(",")).toBe(
      [
        ...Array(27).fill("paragraph"),
        "table",
        "paragraph",
        "table",
        "paragraph",
        "table",
        ...Array(7).fill("paragraph"),
      ].join(","),
    );
    expect(document.diagnostics).toBeUndefined();
    expect(document.blocks[0]).toMatchObject({
      type: "paragraph",
      text: "2019年上海市人民政府办公厅政府信息公开工作年度报告",
    });
    expect(document.blocks[3]).toMatchObject({ type: "paragraph", text: "一、总体情况" });
  });

  it("drops the <br> that opens part 四's heading paragraph, and locates it", () => {
    // <p><br />四、政府信息公开行政复议、行政诉讼情况</p> starts at offset 23432 and ends at 23464.
    expect(document.blocks[30]).toEqual({
      type: "paragraph",
      text: "四、政府信息公开行政复议、行政诉讼情况",
      source: {
        line: 1,
        column: 23433,
        offset: 23432,
        endLine: 1,
        endColumn: 23465,
        endOffset: 23464,
        path: "body>p[29]",
      },
    });
  });

  it("expands table 二: five sub-tables in one 18×5 grid, <br> kept as \\n in header cells", () => {
    expect(table2?.spansKnown).toBe(true);
    expect(table2?.source).toMatchObject({ line: 1, column: 4588, offset: 4587, path: "body>table[1]" });
    const grid = texts(table2) ?? [];
    expect(grid).toHaveLength(18);
    expect(grid[0]).toEqual(Array(5).fill("第二十条第（一）项"));
    expect(grid[1]).toEqual(["信息内容", "本年新\n制作数量", "本年新\n公开数量", "本年新\n公开数量", "对外公开总数量"]);
    expect(grid[2]).toEqual(["规章", "13", "13", "13", "524"]);
    expect(grid[3]).toEqual(["规范性文件", "60", "60", "60", "368"]);
    // The page's own misalignment: 本年增/减 spans columns 2–3 in the header, but the first value spans 1–2.
    expect(grid[5]).toEqual(["信息内容", "上一年项目数量", "本年增/减", "本年增/减", "处理决定数量"]);
    expect(table2?.rows[6]?.map((slot) => [slot.text, slot.origin.column, slot.colSpan])).toEqual([
      ["行政许可", 0, 1],
      ["0", 1, 2],
      ["0", 1, 2],
      ["0", 3, 1],
      ["0", 4, 1],
    ]);
    expect(grid[14]).toEqual(["行政事业性收费", "0", "0", "0", "0"]);
    expect(grid[17]).toEqual(["政府集中采购", "6", "6", "251000元", "251000元"]);
  });

  it("expands table 三: the 3×3 corner, 申请人情况 over 7 columns, 三、本年度办理结果 down 20 rows", () => {
    const grid = texts(table3) ?? [];
    expect(grid).toHaveLength(26);
    expect(grid.every((row) => row.length === 10)).toBe(true);
    const corner = table3?.rows[0]?.[0];
    expect(corner).toMatchObject({ origin: { row: 0, column: 0 }, rowSpan: 3, colSpan: 3 });
    expect(corner?.source).toMatchObject({ offset: 8879, path: "body>table[2]>tbody>tr[1]>td[1]" });
    for (const row of [0, 1, 2]) for (const column of [0, 1, 2]) expect(table3?.rows[row]?.[column]).toBe(corner);
    expect(grid[0]?.slice(3)).toEqual(Array(7).fill("申请人情况"));
    expect(grid[1]?.slice(3)).toEqual(["自然人", ...Array(5).fill("法人或其他组织"), "总计"]);
    expect(grid[2]?.slice(3)).toEqual([
      "自然人",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      "总计",
    ]);
    expect(grid[3]).toEqual([
      ...Array(3).fill("一、本年新收政府信息公开申请数量"),
      "821",
      "35",
      "",
      "",
      "2",
      "1",
      "859",
    ]);
    expect(grid[4]).toEqual([...Array(3).fill("二、上年结转政府信息公开申请数量"), "18", "", "", "", "", "", "18"]);
    // 三、本年度办理结果 (rowspan="20") covers rows 5–24 of column 0, and no more.
    const results = table3?.rows[5]?.[0];
    expect(results).toMatchObject({
      text: "三、本年度办理结果",
      origin: { row: 5, column: 0 },
      rowSpan: 20,
      colSpan: 1,
    });
    for (let row = 5; row <= 24; row += 1) expect(table3?.rows[row]?.[0]).toBe(results);
    expect(grid[25]?.[0]).toBe("四、结转下年度继续办理");
    // 予以公开: its 总计 is blank on the page (a blank, not a 0).
    expect(grid[5]?.slice(1)).toEqual(["（一）予以公开", "（一）予以公开", "258", "12", "", "", "1", "1", ""]);
    expect(table3?.rows[7]?.[1]).toMatchObject({ text: "（三）不予公开", rowSpan: 8 });
    expect(grid[7]?.slice(2)).toEqual(["1.属于国家秘密", "14", "", "", "", "", "", ""]);
    expect(grid[12]?.slice(2)).toEqual(["6.属于四类过程性信息", "3", "1", "", "", "", "", ""]);
    expect(table3?.rows[15]?.[1]).toMatchObject({ text: "（四）无法提供", rowSpan: 3 });
    expect(grid[15]?.slice(2)).toEqual(["1.本机关不掌握相关政府信息", "252", "12", "", "", "1", "", ""]);
    expect(table3?.rows[18]?.[1]).toMatchObject({ text: "（五）不予处理", rowSpan: 5 });
    expect(grid[19]?.slice(2)).toEqual(["2.重复申请", "5", "4", "", "", "", "", ""]);
    expect(grid[24]?.slice(1)).toEqual(["（七）总计", "（七）总计", "767", "35", "", "", "2", "1", "805"]);
    expect(grid[25]?.slice(3)).toEqual(["72", "", "", "", "", "", "72"]);
  });

  it("locates table 三's cells: line, column, offsets and element path", () => {
    // <td nowrap="nowrap" rowspan="20" …> opens at offset 10898 and closes at 10987.
    expect(table3?.rows[5]?.[0]?.source).toEqual({
      line: 1,
      column: 10899,
      endLine: 1,
      endColumn: 10988,
      offset: 10898,
      endOffset: 10987,
      path: "body>table[2]>tbody>tr[6]>td[1]",
    });
    // The 859 in 一、本年新收's 总计 column: the eighth <td> of the fourth <tr> (its first spans 3 columns).
    expect(table3?.rows[3]?.[9]?.source).toEqual({
      line: 1,
      column: 10227,
      endLine: 1,
      endColumn: 10297,
      offset: 10226,
      endOffset: 10296,
      path: "body>table[2]>tbody>tr[4]>td[8]",
    });
  });

  it("expands table 四: 4×15 with the three header rows", () => {
    const grid = texts(table4) ?? [];
    expect(grid).toHaveLength(4);
    expect(grid[0]).toEqual([...Array(5).fill("行政复议"), ...Array(10).fill("行政诉讼")]);
    expect(grid[1]).toEqual([
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
      ...Array(5).fill("未经复议直接起诉"),
      ...Array(5).fill("复议后起诉"),
    ]);
    expect(grid[2]?.slice(0, 5)).toEqual(grid[1]?.slice(0, 5));
    expect(grid[3]).toEqual(["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]);
    expect(table4?.rows[3]?.[0]?.source).toMatchObject({
      offset: 24423,
      endOffset: 24460,
      path: "body>table[3]>tbody>tr[4]>td[1]",
    });
  });

  it("reads the same document from the string as from the UTF-8 bytes", () => {
    expect(htmlToBlocks(new TextDecoder().decode(shanghaiBytes))).toEqual(document);
  });
});

describe("the HTML table model", () => {
  it('ends rowspan="0" at the end of its row group', () => {
    const grid = table(
      "<table><tbody><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>" +
        "<tbody><tr><td>B</td><td>4</td></tr></tbody></table>",
    );
    expect(texts(grid)).toEqual([
      ["A", "1"],
      ["A", "2"],
      ["A", "3"],
      ["B", "4"],
    ]);
    expect(grid.rows[0]?.[0]?.rowSpan).toBe(3);
  });

  it("clamps oversized spans: colspan to 1000 then to the table, rowspan to 65534 then to the row group", () => {
    const grid = table(
      '<table><tr><td colspan="5000" rowspan="99999">T</td></tr><tr><td>a</td><td>b</td></tr>' +
        "<tfoot><tr><td>f</td></tr></tfoot></table>",
    );
    // T covers columns 0–999 of both tbody rows (not the tfoot), so a and b land after it.
    expect(grid.rows).toHaveLength(3);
    expect(grid.rows[0]?.[0]).toMatchObject({ text: "T", rowSpan: 2, colSpan: 1000 });
    expect(grid.rows[1]?.[1000]?.text).toBe("a");
    expect(grid.rows[1]?.[1001]?.text).toBe("b");
    expect(grid.rows[2]?.[0]?.text).toBe("f");
  });

  it("clamps a trailing colspan to the columns cells start in", () => {
    const grid = table("<table><tr><td colspan=1000>title</td></tr><tr><td>a</td><td>b</td></tr></table>");
    expect(texts(grid)).toEqual([
      ["title", "title"],
      ["a", "b"],
    ]);
    expect(grid.rows[0]?.[0]?.colSpan).toBe(2);
  });

  it("parses spans as browsers do: 0, junk and negatives are 1, '3px' is 3", () => {
    const grid = table(
      '<table><tr><td colspan="0">a</td><td colspan="x">b</td><td colspan="3px">c</td><td rowspan="-2">d</td></tr>' +
        "<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr></table>",
    );
    expect(texts(grid)?.[0]).toEqual(["a", "b", "c", "c", "c", "d"]);
  });

  it("lets a colspan stop where a rowspan from above already holds the slot", () => {
    const grid = table(
      "<table><tr><td>a</td><td rowspan=2>R</td></tr><tr><td colspan=3>wide</td><td>z</td></tr></table>",
    );
    expect(texts(grid)).toEqual([
      ["a", "R", ""],
      ["wide", "R", "z"],
    ]);
    expect(grid.rows[1]?.[0]?.colSpan).toBe(1);
    expect(grid.rows[0]?.[2]).toEqual({ text: "", origin: { row: 0, column: 2 }, rowSpan: 1, colSpan: 1 });
  });

  it("marks <th> cells as headers and keeps <br> and nested blocks as line breaks", () => {
    const grid = table(
      "<table><tr><th>本年新<br>制作数量</th><td><p>a</p>\n<p>b</p></td><td>&nbsp;</td><td><p><br></p>x<br><br>y</td></tr></table>",
    );
    expect(grid.rows[0]?.[0]).toMatchObject({ text: "本年新\n制作数量", header: true });
    expect(grid.rows[0]?.[1]?.header).toBeUndefined();
    expect(texts(grid)?.[0]?.slice(1)).toEqual(["a\nb", "", "x\n\ny"]);
  });

  it("reads a table that holds another table as layout: its cells become blocks, the inner table a grid", () => {
    const document = htmlToBlocks(
      "<table><tr><td><p>一、总体情况</p><table><tr><td>1</td><td>2</td></tr></table></td><td>旁注</td></tr></table>",
    );
    expect(document.blocks.map((block) => (block.type === "table" ? texts(block) : block.text))).toEqual([
      "一、总体情况",
      [["1", "2"]],
      "旁注",
    ]);
    expect(document.blocks[1]?.source.path).toBe("body>table>tbody>tr>td[1]>table");
  });

  it("finds layout tables the walk reaches: a table inside a skipped element or a template does not make one", () => {
    const inner = "<table><tr><td>9</td></tr></table>";
    const read = (html: string) =>
      htmlToBlocks(html).blocks.map((block) => (block.type === "table" ? texts(block) : block.text));
    for (const wrapper of [`<object>${inner}</object>`, `<template>${inner}</template>`]) {
      expect(read(`<table><tr><td>甲${wrapper}</td><td>乙</td></tr></table>`)).toEqual([[["甲", "乙"]]]);
    }
    // `<table>` breaks out of `<svg>` (HTML's foreign content rules): the outer table is layout.
    expect(read(`<table><tr><td>甲<svg>${inner}</svg></td><td>乙</td></tr></table>`)).toEqual(["甲", [["9"]], "乙"]);
    // Three deep: the two outer tables are layout, only the innermost is a grid; a table moved out
    // of a table by the parser (foster parenting) sits before it, not inside.
    expect(
      read(
        `<table><tr><td><table><tr><td>${inner}</td></tr></table></td></tr></table><table><table><tr><td>8</td></tr></table>`,
      ),
    ).toEqual([[["9"]], [["8"]]]);
  });

  it("survives unclosed tags as browsers do", () => {
    const document = htmlToBlocks("<p>甲<p>乙<span>丙<table><tr><td>1<td>2<tr><td>3</table>丁");
    expect(document.blocks.map((block) => (block.type === "table" ? texts(block) : block.text))).toEqual([
      "甲",
      "乙丙",
      [
        ["1", "2"],
        ["3", ""],
      ],
      "丁",
    ]);
  });
});

describe("blocks", () => {
  it("reads a caption as a paragraph before its table, unless it repeats the heading just before", () => {
    const document = htmlToBlocks(
      "<h2>三、收到和处理政府信息公开申请情况</h2><table><caption>三、收到和处理政府信息公开申请情况</caption><tr><td>1</td></tr></table>" +
        "<table><caption>表2 复议诉讼</caption><tr><td>2</td></tr></table>",
    );
    expect(document.blocks.map((block) => (block.type === "table" ? texts(block) : block.text))).toEqual([
      "三、收到和处理政府信息公开申请情况",
      [["1"]],
      "表2 复议诉讼",
      [["2"]],
    ]);
  });

  it("gives headings their level and keeps paragraphs apart", () => {
    const document = htmlToBlocks("<h1>标题</h1><div>一、总体情况<p>正文</p>尾</div><h3> 三 </h3><li>项</li>");
    expect(
      document.blocks.map((block) => [block.type, block.type === "heading" ? block.level : 0, textOf(block)]),
    ).toEqual([
      ["heading", 1, "标题"],
      ["paragraph", 0, "一、总体情况"],
      ["paragraph", 0, "正文"],
      ["paragraph", 0, "尾"],
      ["heading", 3, "三"],
      ["paragraph", 0, "项"],
    ]);
  });

  it("locates a paragraph at its element, and a loose run of text at the text", () => {
    const html = "<div>\n  <p>正文</p>尾</div>";
    const [body, tail] = htmlToBlocks(html).blocks;
    expect(body?.source).toEqual({
      line: 2,
      column: 3,
      offset: 8,
      endLine: 2,
      endColumn: 12,
      endOffset: 17,
      path: "body>div>p",
    });
    expect(tail?.source).toEqual({
      line: 2,
      column: 12,
      offset: 17,
      endLine: 2,
      endColumn: 13,
      endOffset: 18,
      path: "body>div",
    });
  });

  it("skips scripts, styles, templates and hidden elements, and reads the title and canonical URL", () => {
    const document = htmlToBlocks(
      '<html><head><title> 某局 2020年 年报 </title><link rel="canonical" href="https://example.gov.cn/a.html">' +
        "<style>p{}</style></head><body><script>var a='正文';</script><noscript>请启用</noscript>" +
        '<template><p>模板</p></template><div style="DISPLAY: none">广告</div><p hidden>隐</p>' +
        "<p class=MsoNormal><span style='mso-hide:all'>藏</span>正文&nbsp;&nbsp;内容<o:p></o:p></p></body></html>",
    );
    expect(document.blocks.map(textOf)).toEqual(["正文 内容"]);
    expect(document.meta).toEqual({ title: "某局 2020年 年报", sourceUrl: "https://example.gov.cn/a.html" });
  });

  it("reads og:url as the source URL, and rejects input that is neither a string nor bytes", () => {
    expect(htmlToBlocks('<meta property="og:url" content="https://example.gov.cn/b.html"><p>x</p>').meta).toEqual({
      sourceUrl: "https://example.gov.cn/b.html",
    });
    expect(() => htmlToBlocks(42 as unknown as string)).toThrow(TypeError);
  });

  it("prefers the portal's ArticleTitle meta over <title>", () => {
    const document = htmlToBlocks(
      '<head><meta name="ArticleTitle" content="2020年某局政府信息公开工作年度报告"><title>首页 - 某局</title></head><p>x</p>',
    );
    expect(document.meta?.title).toBe("2020年某局政府信息公开工作年度报告");
  });

  it("writes an index into the path only where siblings share a tag", () => {
    const document = htmlToBlocks("<div><p>a</p></div><div><span>x</span><p>b</p><p>c</p></div>");
    expect(document.blocks.map((block) => block.source.path)).toEqual([
      "body>div[1]>p",
      "body>div[2]",
      "body>div[2]>p[1]",
      "body>div[2]>p[2]",
    ]);
  });

  it("collapses whitespace and trims ideographic indentation, keeping U+2028 and other text as is", () => {
    const document = htmlToBlocks("<p>\u3000\u3000第一行\n  续\u2028行 &amp; &lt;b&gt;</p><pre>a\n  b</pre>");
    expect(document.blocks.map(textOf)).toEqual(["第一行续\u2028行 & <b>", "a\nb"]);
    // A source newline between two Chinese characters is dropped, elsewhere it is a space (CSS Text 3).
    expect(
      htmlToBlocks(
        "<p>本年新收\r\n政府信息</p><p>申请\n49件</p><p><span>本年</span>\r\n<span>新收</span></p><p>abc\ndef</p><p>本年 \n 新收 二</p>",
      ).blocks.map(textOf),
    ).toEqual(["本年新收政府信息", "申请 49件", "本年新收", "abc def", "本年新收 二"]);
    // A string that kept its BOM, and zero-width spaces CMS editors leave at line ends.
    expect(htmlToBlocks("\uFEFF<p>\u200b一、总体情况\u200b</p>").blocks.map(textOf)).toEqual(["一、总体情况"]);
  });
});

describe("quickEmbeddedReport finds the embedded data readHtml finds", () => {
  const data = (name: string) => `{"name":"${name}"}`;
  const script = (name: string) => `<script type="application/json" data-gongkai-report>${data(name)}</script>`;
  const rows = Array.from({ length: 10 }, (_, index) => `<tr><td>${index}</td><td>a</td><td>b</td></tr>`).join("");
  const page = (body: string) =>
    `<!doctype html><html><head><title>t</title></head><body><h1>报告</h1><table>${rows}</table>${body}</body></html>`;
  // Each page, and the name of the data both readings must find (undefined: none).
  const cases: Record<string, [html: string, found: string | undefined, options?: HtmlOptions]> = {
    "after the tables": [page(script("a")), "a"],
    "in <head>": [page("").replace("</head>", `${script("a")}</head>`), "a"],
    "the first of two": [page(script("a") + script("b")), "a"],
    "the first of two, not JSON": [
      page(`<script type="application/json" data-gongkai-report>{oops</script>${script("b")}`),
      "{oops",
    ],
    "marker and type in capitals": [
      page(
        script("a")
          .replace("data-gongkai", "DATA-GONGKAI")
          .replace('type="application/json"', "TYPE=' Application/JSON '"),
      ),
      "a",
    ],
    "another type": [page(script("a").replace("application/json", "text/json")), undefined],
    "no type": [page(script("a").replace(' type="application/json"', "")), undefined],
    "marker only in text": [page("<p>data-gongkai-report</p>"), undefined],
    "in a comment": [page(`<!-- ${script("a")} -->`), undefined],
    "hidden, then visible": [
      page(`<div hidden>${script("a")}</div><p style="display: none">${script("b")}</p>${script("c")}`),
      "c",
    ],
    "mso-hide": [page(`<span style="mso-hide:all">${script("a")}</span>`), undefined],
    ...Object.fromEntries(
      ["template", "noscript", "textarea", "svg", "math", "iframe", "select", "object", "video"].map((tag) => [
        `inside <${tag}>`,
        [page(`<${tag}>${script("a")}</${tag}>${script("b")}`), "b"],
      ]),
    ),
    "in a table body, beside its rows": [page("").replace("<tr>", `${script("a")}<tr>`), "a"],
    "in a data table's cell": [page("").replace("<td>3</td>", `<td>3${script("a")}</td>`), "a"],
    "in a layout table's cell": [
      `<table><tr><td><table>${rows}</table><div>${script("a")}</div></td></tr></table>`,
      "a",
    ],
    "in a row the slot limit drops": [
      page(script("b")).replace("<td>7</td>", `<td>7${script("a")}</td>`),
      "b",
      { maxTableSlots: 12 },
    ],
    "in a row the page's slot limit drops (its second table)": [
      page(`<table>${rows.replace("<td>8</td>", `<td>8${script("a")}</td>`)}</table>${script("b")}`),
      "b",
      { maxSlots: 40 },
    ],
  };
  for (const [name, [html, found, options]] of Object.entries(cases)) {
    it(name, () => {
      const source = htmlText(html, options);
      const full = readHtml(source, options).embeddedReport?.text;
      expect(full).toBe(found === undefined ? undefined : found.startsWith("{") ? found : data(found));
      expect(quickEmbeddedReport(source, options)).toBe(full);
    });
  }

  it("declines (undefined) where the full reading may stop at maxBlocks before the data", () => {
    const html = page(`${"<p>段落</p>".repeat(20)}${script("a")}`);
    expect(readHtml(htmlText(html), { maxBlocks: 10 }).embeddedReport).toBeUndefined();
    expect(quickEmbeddedReport(htmlText(html), { maxBlocks: 10 })).toBeUndefined();
    expect(quickEmbeddedReport(htmlText(html), { maxBlocks: 200 })).toBe(data("a"));
  });
});

describe("a page read from bytes, in pieces", () => {
  // Every kind of markup across the boundaries of the pieces (16 KiB of bytes each): the filler
  // before each section shifts where they fall. CRLF lines, CJK and a surrogate pair, entities,
  // comments, a script, attributes of both quotes, spans, <br>, capitals.
  const section = (index: number) =>
    `${"x".repeat((index * 7) % 23)}<H2 class='h'>第${index}节 😀</H2>\r\n<!-- 注释 ${index} -->\r\n` +
    `<p title="a &quot;b&quot;">文字&amp;数字 &#x4E2D;&nbsp;${index}<br>第二行</p>\r\n` +
    `<script>var s = "<td>${index}</td>";</script>\r\n` +
    `<table><tr><td rowspan="2">${index}</td><td>一</td></tr><tr><td colspan=1>二</td></tr></table>\r\n`;
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>页</title></head><body>${Array.from({ length: 400 }, (_, index) => section(index)).join("")}</body></html>`;
  const bytes = new TextEncoder().encode(page);

  it("reads into the document its text makes as one string, positions included", () => {
    for (const [input, text] of [
      [bytes, page],
      [shanghaiBytes, new TextDecoder().decode(shanghaiBytes)],
    ] as const) {
      expect(htmlText(input).pieces.length).toBeGreaterThan(1);
      expect(htmlToBlocks(input)).toEqual(htmlToBlocks(text));
    }
  });

  it("finds an embedded report whose marker falls across two pieces", () => {
    // ASCII only, so that the pieces (16 KiB of bytes each) end where the units do.
    const head = "<!doctype html><html><body><p>report</p>";
    const filler = `<p>${"a".repeat(textPieceLength - head.length - 7 - 36)}</p>`;
    const script = `<script type="application/json" data-gongkai-report>{"name":"a"}</script>`;
    const html = `${head}${filler}${script}</body></html>`;
    // The marker starts a few units before the first piece ends.
    expect(html.indexOf("data-gongkai-report")).toBeLessThan(textPieceLength);
    expect(html.indexOf("data-gongkai-report") + "data-gongkai-report".length).toBeGreaterThan(textPieceLength);
    const source = htmlText(new TextEncoder().encode(html));
    expect(source.pieces.length).toBe(2);
    expect(quickEmbeddedReport(source)).toBe('{"name":"a"}');
    expect(readHtml(source).embeddedReport?.text).toBe('{"name":"a"}');
  });
});

describe("parse5's tree with source locations (parsePieces)", () => {
  type Node = DefaultTreeAdapterTypes.Node;
  const childrenOf = (node: Node): Node[] =>
    "childNodes" in node ? node.childNodes : "content" in node ? [node.content as Node] : [];
  const nodesOf = (root: Node): Node[] => [root, ...childrenOf(root).flatMap(nodesOf)];
  const numbers = (node: Node) => {
    const location = "sourceCodeLocation" in node ? node.sourceCodeLocation : undefined;
    return location
      ? [
          location.startLine,
          location.startCol,
          location.startOffset,
          location.endLine,
          location.endCol,
          location.endOffset,
        ]
      : location;
  };
  // The Shanghai page, a real report: its <br> elements are never ended, so their location is
  // the one made when attached; its other elements' locations are ended.
  const shanghai = htmlText(shanghaiBytes).pieces.join("");
  /** The tree from-html's parser makes of `pieces`, with locations. */
  const ourTree = (pieces: readonly string[], options: Pick<ParserOptions<never>, "onParseError"> = {}) =>
    parsePieces(pieces, { sourceCodeLocationInfo: true, treeAdapter: countingTreeAdapter(100_000, []), ...options });
  /** Our tree and parse5's own of `pieces`, each with the parse errors it reported when `errors` asks for them. */
  const treeOf = (pieces: readonly string[], { errors = false } = {}) => {
    const ourErrors: ParserError[] = [];
    const theirErrors: ParserError[] = [];
    return {
      ours: ourTree(pieces, errors ? { onParseError: (error) => ourErrors.push(error) } : {}),
      theirs: parse(pieces.join(""), {
        sourceCodeLocationInfo: true,
        ...(errors ? { onParseError: (error: ParserError) => theirErrors.push(error) } : {}),
      }),
      ourErrors,
      theirErrors,
    };
  };

  it("gives every node the start and end parse5's own parse gives, in one piece and in many", () => {
    const third = Math.floor(shanghai.length / 3);
    for (const pieces of [
      [shanghai],
      [shanghai.slice(0, third), shanghai.slice(third, 2 * third), shanghai.slice(2 * third)],
    ]) {
      const { ours, theirs } = treeOf(pieces);
      const ourNodes = nodesOf(ours);
      expect(ourNodes.map(numbers)).toEqual(nodesOf(theirs).map(numbers));
      expect(ourNodes.filter((node) => numbers(node) !== undefined).length).toBeGreaterThan(600);
    }
  });

  it("records no attribute's location, and reads every attribute as parse5 does", () => {
    const { ours, theirs } = treeOf([shanghai]);
    const elementsOf = (root: Node) => nodesOf(root).filter((node): node is Element => "tagName" in node);
    const theirElements = elementsOf(theirs);
    expect(elementsOf(ours).map((element) => element.attrs)).toEqual(theirElements.map((element) => element.attrs));
    expect(theirElements.filter((element) => element.sourceCodeLocation?.attrs).length).toBeGreaterThan(100);
    const located = elementsOf(ours).filter((element) => element.sourceCodeLocation?.startTag);
    expect(located.length).toBeGreaterThan(600);
    for (const { sourceCodeLocation } of located) {
      expect(sourceCodeLocation?.attrs).toBeUndefined();
      expect(sourceCodeLocation?.startTag).not.toHaveProperty("attrs");
    }
  });

  it("makes every element's location with the fields of nodeLocation, in its order (one hidden class)", () => {
    const { ours } = treeOf([shanghai]);
    const elements = nodesOf(ours).filter((node): node is Element => "tagName" in node && !!node.sourceCodeLocation);
    expect(elements.map((element) => element.tagName)).toEqual(expect.arrayContaining(["br", "td", "p"]));
    for (const element of elements) {
      expect(Object.keys(element.sourceCodeLocation as object)).toEqual([
        "startLine",
        "startCol",
        "startOffset",
        "endLine",
        "endCol",
        "endOffset",
        "startTag",
        "endTag",
        "attrs",
      ]);
    }
  });
  describe("its tokenizer's state table", () => {
    // Markup that takes parse5's tokenizer through its states, which no report in the corpus
    // does: doctypes with public and system identifiers in both quotes and a bogus one, RCDATA
    // and RAWTEXT with end tags that are not theirs, script data escaped and double-escaped,
    // comments of every odd shape, a processing instruction, attributes unquoted, single- and
    // double-quoted, named, numeric and unknown character references, CDATA in SVG, a
    // self-closing tag, an end tag with attributes, and PLAINTEXT to the end. Fed one character
    // at a time, the tokenizer also stops and resumes in the states it otherwise passes straight
    // through (an end tag's name, a double escape's start): all 73.
    const markup = `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
<!DOCTYPE html PUBLIC '-//W3C//DTD HTML 4.01//EN' 'strict.dtd'><!DOCTYPE html SYSTEM "about:legacy-compat"><!DOCTYPE html SYSTEM 'x'><!DOCTYPE html bogus stuff>
<html><head><title>政府信息公开 &amp; b &lt; c </b> </title>
<style>p > a { content: "</p>" }</style>
<script>if (a < b && c) { document.write("<!--<script>x</script>-->"); }</script>
<script><!-- var s = "</scr" + "ipt>"; </b> --></script>
<script><!--<script>a-b--c</b></script>--></script>
</head><body>
<!-- a comment --><!----><!-- a -- b --!><!--><!-- <!-- nested -->
<?xml version="1.0"?>
<p class=unquoted id='single' title="double &quot;quoted&quot;" data-x=a&amp;b hidden>text &copy; &#169; &#xA9; &notit; &amp x &#0; &#x110000; &xyzzy; &ampersand;</p>
<textarea>a <b> &lt; </b></textarea>
<svg><![CDATA[ x < y ]]><foreignObject><br/></foreignObject></svg>
<table><tr><td>1<td>2</table>
</p </br  attr="x"> <a href=x/ >self</a> <img src="a.png"/> <p/ > </>
<plaintext><p>rest is text</plaintext>
`;
    // Locations without their attributes' (which from-html's parser does not record).
    const withoutAttrs = (location: object | null | undefined): unknown => {
      if (!location) return location;
      const { attrs: _attrs, startTag, endTag, ...rest } = location as Record<string, object | undefined>;
      return { ...rest, startTag: withoutAttrs(startTag), endTag: withoutAttrs(endTag) };
    };
    const locationsOf = (root: Node) =>
      nodesOf(root).map((node) => withoutAttrs("sourceCodeLocation" in node ? node.sourceCodeLocation : undefined));

    /** A spy on parse5's preprocessor's `advance`, which reads one character: how many it reads one by one. */
    const spyOnAdvance = () => {
      const preprocessor = Object.getPrototypeOf(
        (new Tokenizer({ sourceCodeLocationInfo: true }, {} as never) as unknown as { preprocessor: object })
          .preprocessor,
      ) as { advance(): number };
      return vi.spyOn(preprocessor, "advance");
    };

    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("has a handler, read off parse5's own switch, for every state that switch knows", () => {
      const { handled, runs, states } = stateTableCoverage();
      expect(states).toBeGreaterThan(60);
      expect(handled).toBe(states);
      // Data, RCDATA, RAWTEXT, script data, both quoted attribute values, comments; and an
      // attribute's name, from the state before it and its own.
      expect(runs).toBe(9);
    });

    it("takes runs of text and attribute values at once: parse5's preprocessor reads far fewer characters one by one", () => {
      const advance = spyOnAdvance();
      parse(shanghai);
      const theirs = advance.mock.calls.length;
      advance.mockClear();
      ourTree([shanghai]);
      const ours = advance.mock.calls.length;
      // The page is mostly tags: 25,088 characters read one by one of 25,631, and 14,243 with runs.
      expect(theirs).toBeGreaterThan(shanghai.length * 0.9);
      expect(ours).toBeLessThan(theirs * 0.6);
    });

    it("takes an attribute's name at once, up to a character parse5 handles in a case of its own", () => {
      const advance = spyOnAdvance();
      // data-* names like those to-html writes on every cell (data-row, data-kind); one with upper
      // case (lowered one by one), one with a quote (a parse error, appended), one not ASCII. The
      // expected attributes are parse5's own parse of the same markup.
      const cell = '<td data-gongkai-column=1 data-row="a" Data-Kind=x da"ta=y 数据-列=z>';
      const html = `<table><tr>${cell.repeat(40)}</table>`;
      const attrsOf = (root: Node) =>
        nodesOf(root).flatMap((node) => ("tagName" in node && node.tagName === "td" ? [node.attrs] : []));
      const theirs = parse(html, { sourceCodeLocationInfo: true });
      const theirReads = advance.mock.calls.length;
      advance.mockClear();
      const ours = ourTree([html]);
      expect(attrsOf(ours)).toEqual(attrsOf(theirs));
      expect(attrsOf(ours)[0]?.map((attr) => attr.name)).toEqual([
        "data-gongkai-column",
        "data-row",
        "data-kind",
        'da"ta',
        "数据-列",
      ]);
      // Each tag's 66 characters: parse5 reads every one; with runs, a name's first character,
      // "Data-Kind"'s upper-case letters and the quote's are read one by one, the rest at once.
      expect(theirReads).toBeGreaterThan(40 * cell.length);
      expect(advance.mock.calls.length).toBeLessThan(theirReads * 0.5);
    });

    it("is what the parser's tokenizer dispatches through: parse5's switch is not called", () => {
      const callState = vi.spyOn(Tokenizer.prototype as unknown as { _callState(cp: number): void }, "_callState");
      parse(markup);
      const theirs = callState.mock.calls.length;
      callState.mockClear();
      ourTree([markup]);
      expect(theirs).toBeGreaterThan(markup.length / 2);
      expect(callState).not.toHaveBeenCalled();
    });

    it("tokenizes as parse5 does: the same tree and locations, whole and a character at a time", () => {
      for (const pieces of [[markup], markup.split("")]) {
        const { ours, theirs } = treeOf(pieces);
        expect(serialize(ours)).toBe(serialize(theirs));
        expect(locationsOf(ours)).toEqual(locationsOf(theirs));
        expect(nodesOf(theirs).length).toBeGreaterThan(50);
      }
    });

    it("tokenizes as parse5 does where runs end: random markup of the characters they stop at", () => {
      // Pieces of markup that begin and end runs in every state that takes them: the characters
      // each state handles in a case of its own, line breaks of all three kinds, NUL and other
      // controls, a surrogate pair and lone surrogates, noncharacters and C1 controls (which
      // parse5 reports as errors), spaces, tabs and text of CJK and full-width punctuation.
      const fragments = [
        "文字|ab|，|（二）| |  |\t|\f|\n|\r|\r\n|\0|\u0085|\ufdd0|\uffff|😀|\ud800|\udc00",
        "<|>|&|&amp;|&lt|&#20013;|\"|'|-|--|=|/|!|<p>|</p>|<table><tr>|</td>|<br/>|<svg>|</svg>|<![CDATA[|]]>",
        '<td class="a b" title=\'c d\' data-x="e&amp;f">|<td x=y>|<TD Class="x">|</TD>|<p data-A_b:c.d=1 id=x>',
        '<b data-gongkai-report-name="1"|<Div title|<!--|-->|<!-- c -->|<script>|</script>|<style>|</style>',
        "<textarea>|</textarea>|<title>|</title>",
        // Attribute names: upper case, the characters that end them or are errors in them, NUL, non-ASCII.
        "<p a|b|B|-|_|:|.|\"|'|<| |/|>|=|\0|\t|名|Ä|data-gongkai-row|<p ABC|<td data-Column=1 x y=",
      ]
        .join("|")
        .split("|");
      const next = mulberry32(9);
      const soup = (length: number) =>
        Array.from({ length }, () => fragments[Math.floor(next() * fragments.length)]).join("");
      for (let round = 0; round < 40; round++) {
        const html = `<body>${soup(round < 30 ? 60 : 400)}`;
        const cuts = [0, ...Array.from({ length: 3 }, () => Math.floor(next() * html.length)).sort((a, b) => a - b)];
        const inPieces = cuts.map((cut, index) => html.slice(cut, cuts[index + 1]));
        for (const pieces of round < 30 ? [[html], inPieces, html.split("")] : [[html], inPieces]) {
          const { ours, theirs, ourErrors, theirErrors } = treeOf(pieces, { errors: true });
          expect(serialize(ours)).toBe(serialize(theirs));
          expect(locationsOf(ours)).toEqual(locationsOf(theirs));
          // parse5 reports the errors at one position in another order when its input comes in pieces.
          const sorted = (errors: unknown[]) => errors.map((error) => JSON.stringify(error)).sort();
          if (pieces.length === 1) expect(ourErrors).toEqual(theirErrors);
          else expect(sorted(ourErrors)).toEqual(sorted(theirErrors));
          // And without an error handler, where runs do not stop at what parse5 would report.
          const quiet = ourTree(pieces);
          expect(locationsOf(quiet)).toEqual(locationsOf(theirs));
          expect(serialize(quiet)).toBe(serialize(theirs));
        }
      }
    });
  });
});
