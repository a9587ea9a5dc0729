import { type Cell, getTableDefinition, type Report, tableIds } from "@gongkai/core";
import { corpusFile, encodeGbk, patternedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { type PageStyle, synthesizePage } from "../test/synthesize-page";
import { fromHtml } from "./index";

const shanghai = corpusFile("html/shanghai-bangongting-2019.html");

/** What a cell means: its number (with unit), or blank / notApplicable. */
const meaning = (cell: Cell | undefined): string =>
  !cell ? "absent" : cell.kind === "number" ? `${cell.value}${cell.unit ?? ""}` : cell.kind;

function cellsOf(report: Report): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const table of tableIds) {
    const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
    for (const row of getTableDefinition(report.edition, table).rows) {
      for (const column of row.columns)
        cells[`${table}/${row.key}/${column.key}`] = meaning(rows?.[row.key]?.[column.key]);
    }
  }
  return cells;
}

/** One row of cells as the page prints them, "" for an empty cell. */
function rowOf(report: Report, table: "table2" | "table3" | "table4", row: string): string[] {
  const cells = (report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined)?.[row] ?? {};
  const columns = getTableDefinition(report.edition, table).rows.find((definition) => definition.key === row)?.columns;
  return (columns ?? []).map((column) => {
    const cell = cells[column.key];
    return cell?.kind === "number"
      ? `${cell.value}${cell.unit ?? ""}`
      : cell?.kind === "blank"
        ? ""
        : String(cell?.kind);
  });
}

describe("fromHtml on pages that are not reports", () => {
  it("lets the recognizer's NotAReportError through", () => {
    expect(() => fromHtml("<p>首页</p><ul><li>新闻</li></ul>")).toThrow(
      expect.objectContaining({ name: "GongkaiNotAReportError" }),
    );
  });
});

describe("fromHtml on the Shanghai 2019 page", () => {
  const { report } = fromHtml(shanghai);

  it("reads the edition, year and published date the page states", () => {
    expect(report.edition).toBe("2019");
    expect(report.meta.year).toBe(2019);
    expect(report.meta.publishedDate).toBe("2020-01-31");
    expect(report.parts.map((part) => part.heading)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、政府信息公开工作存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
  });

  it("reads table 二 as the page shows it", () => {
    expect(rowOf(report, "table2", "art20_1.regulations")).toEqual(["13", "13", "524"]);
    expect(rowOf(report, "table2", "art20_1.normativeDocuments")).toEqual(["60", "60", "368"]);
    expect(rowOf(report, "table2", "art20_5.licensing")).toEqual(["0", "0", "0"]);
    expect(rowOf(report, "table2", "art20_6.coercion")).toEqual(["0", "0", "0"]);
    expect(rowOf(report, "table2", "art20_8.fees")).toEqual(["0", "0"]);
    expect(rowOf(report, "table2", "art20_9.centralProcurement")).toEqual(["6", "251000元"]);
  });

  it("reads table 三 as the page shows it, its blank 总计 cells blank and not 0", () => {
    const expected: Record<string, string[]> = {
      newReceived: ["821", "35", "", "", "2", "1", "859"],
      carriedOver: ["18", "", "", "", "", "", "18"],
      "results.granted": ["258", "12", "", "", "1", "1", ""],
      "results.partialGrant": ["3", "", "", "", "", "", ""],
      "results.denied.stateSecret": ["14", "", "", "", "", "", ""],
      "results.denied.lawForbidden": ["", "", "", "", "", "", ""],
      "results.denied.internalAffairs": ["5", "", "", "", "", "", ""],
      "results.denied.processInfo": ["3", "1", "", "", "", "", ""],
      "results.denied.adminQuery": ["10", "2", "", "", "", "", ""],
      "results.unableToProvide.notHeld": ["252", "12", "", "", "1", "", ""],
      "results.unableToProvide.needCreation": ["44", "3", "", "", "", "", ""],
      "results.unableToProvide.unclearAfterCorrection": ["25", "", "", "", "", "", ""],
      "results.notProcessed.complaintPetition": ["148", "1", "", "", "", "", ""],
      "results.notProcessed.duplicate": ["5", "4", "", "", "", "", ""],
      "results.other": ["", "", "", "", "", "", ""],
      "results.totalProcessed": ["767", "35", "", "", "2", "1", "805"],
      carriedForward: ["72", "", "", "", "", "", "72"],
    };
    for (const [row, cells] of Object.entries(expected)) expect(rowOf(report, "table3", row), row).toEqual(cells);
    const grantedTotal = ((report.tables.table3?.rows ?? {}) as Record<string, Record<string, Cell>>)["results.granted"]
      ?.total;
    expect(grantedTotal).toMatchObject({ kind: "blank", raw: "" });
  });

  it("keeps each cell's raw text and source position in the page", () => {
    const total = ((report.tables.table3?.rows ?? {}) as Record<string, Record<string, Cell>>).newReceived?.total;
    expect(total).toEqual({
      kind: "number",
      value: 859,
      raw: "859",
      source: {
        line: 1,
        column: 10227,
        endLine: 1,
        endColumn: 10297,
        offset: 10226,
        endOffset: 10296,
        path: "body>table[2]>tbody>tr[4]>td[8]",
      },
    });
  });

  it("reads table 四 as the page shows it", () => {
    expect(rowOf(report, "table4", "review")).toEqual(["5", "", "", "2", "7"]);
    expect(rowOf(report, "table4", "litigationDirect")).toEqual(["8", "", "", "1", "9"]);
    expect(rowOf(report, "table4", "litigationPostReview")).toEqual(["", "", "", "", ""]);
  });
});

describe("fromHtml on adversarial pages (completion and findings, never timing)", () => {
  const page = new TextDecoder().decode(shanghai);

  it("reads the Shanghai page followed by a row label repeated 100 000 times", () => {
    const { report } = fromHtml(page + "<p>一、本年新收政府信息公开申请数量</p>".repeat(100_000));
    expect(rowOf(report, "table3", "newReceived")).toEqual(["821", "35", "", "", "2", "1", "859"]);
  });

  it("cuts table 三 grown to 20 000 more rows at the slot limit, with import/limit-exceeded at the table", () => {
    const rows = "<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>1</td></tr>".repeat(20_000);
    const { diagnostics } = fromHtml(page.replace("</tbody></table><p><br />四", `${rows}</tbody></table><p><br />四`));
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: "import/limit-exceeded",
        location: expect.objectContaining({ source: expect.objectContaining({ path: "body>table[2]", offset: 8819 }) }),
      }),
    );
  });
});

const styles: Record<string, PageStyle> = {
  plain: {},
  "Word-pasted": { word: true },
  "<th> headers split with <br>": { th: true, headerBreaks: true },
  'rowspan="0"': { rowspanZero: true },
};

describe.each(["2019", "2021"] as const)("synthesized %s-edition pages import back cell for cell", (edition) => {
  const report: Report = patternedReport(edition);

  for (const [name, style] of Object.entries(styles)) {
    it(name, () => {
      const back = fromHtml(synthesizePage(report, style).html);
      expect(back.report.edition).toBe(report.edition);
      expect(back.report.meta.year).toBe(report.meta.year);
      expect(cellsOf(back.report)).toEqual(cellsOf(report));
    });
  }

  it("GBK bytes declared by <meta charset>", () => {
    const back = fromHtml(encodeGbk(synthesizePage(report, { word: true, charset: "gb2312" }).html));
    expect(cellsOf(back.report)).toEqual(cellsOf(report));
    expect(back.report.meta.agency.name).toBe(report.meta.agency.name);
  });
});

/** The report as to-html embeds it: JSON with <, >, &, U+2028 and U+2029 escaped. */
function embed(json: string): string {
  const escaped = json.replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<script type="application/json" data-gongkai-report>${escaped}</script>`;
}

describe("embedded report data", () => {
  const report: Report = patternedReport("2021");
  const overview = report.parts[0];
  if (overview) {
    overview.blocks = [
      { type: "paragraph", text: "</script><script>alert(1)</script> & \u2028 <!-- x -->" },
      { type: "subheading", text: "（一）主动公开" },
    ];
  }
  const page = synthesizePage(report);

  it("returns the embedded report exactly, with no diagnostics", () => {
    const html = page.html.replace("</body>", `${embed(JSON.stringify(report))}</body>`);
    expect(fromHtml(html)).toEqual({ report, diagnostics: [] });
  });

  it("falls back to the markup, with a located warning, when the data is not JSON", () => {
    const html = page.html.replace("<body>", `<body>${embed('{"edition": "2021", ')}`);
    const { report: back, diagnostics } = fromHtml(html);
    expect(cellsOf(back)).toEqual(cellsOf(report));
    expect(diagnostics[0]).toMatchObject({
      ruleId: "import/embedded-report-invalid",
      severity: "warning",
      location: { pointer: "", source: { path: "body>script", line: 1 } },
    });
    expect(diagnostics[0]?.message.en).toContain("not valid JSON");
  });

  it("falls back to the markup when the data is JSON but not a report", () => {
    const broken = { ...report, meta: { ...report.meta, year: "2024" } };
    const html = page.html.replace("</body>", `${embed(JSON.stringify(broken))}</body>`);
    const { report: back, diagnostics } = fromHtml(html);
    expect(cellsOf(back)).toEqual(cellsOf(report));
    expect(diagnostics[0]?.ruleId).toBe("import/embedded-report-invalid");
    expect(diagnostics[0]?.message.en).toContain("/meta/year");
  });

  it("ignores JSON scripts without the data-gongkai-report marker", () => {
    const html = page.html.replace("</body>", `<script type="application/json">{"edition":"2019"}</script></body>`);
    const back = fromHtml(html);
    expect(back.diagnostics).toEqual([]);
    expect(cellsOf(back.report)).toEqual(cellsOf(report));
  });
});
