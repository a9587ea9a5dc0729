import { type Cell, diagnosticSchema, parseReport } from "@gongkai/core";
import { corpusFile } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { excerpt } from "./test-support";

// Every excerpt of the corpus (@gongkai/test-reports' corpus/excerpts), checked against
// what the corpus's manifest.tsv states about it: report year, format edition, agency, table 三, and whether the text is
// cut. Where the manifest's agency is not what the text prints (it adds a county the page leaves
// out, explains a replacement, or was inferred from the URL), the expectation below was read off
// the text, with the reason.

interface ManifestRow {
  readonly file: string;
  readonly agency: string;
  readonly year: number;
  readonly edition: string;
  readonly table3: string;
  readonly complete: string;
}

const manifest: ManifestRow[] = new TextDecoder()
  .decode(corpusFile("excerpts/manifest.tsv"))
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [file = "", , agency = "", year = "", edition = "", , table3 = "", complete = ""] = line.split("\t");
    return { file, agency, year: Number(year), edition, table3, complete };
  });

/**
 * The agency each file's text gives, where it is not the manifest's plain name. `agency: null`
 * asserts nothing (the manifest's value is a description, not a name the text prints); `""` means
 * the text names no agency with confidence, so the import must leave it empty and say so.
 */
const agencyDecisions: Record<string, { readonly agency: string | null; readonly note: string }> = {
  "001.txt": { agency: "", note: "the text says only 我局; 示范区管委会网站 names a website" },
  "003.txt": {
    agency: "",
    note: "替换: spam where the city was; 人民政府合作交流办公室 left after it is a fragment, not a name",
  },
  "007.txt": { agency: null, note: "全市汇总: the title prints 上海市, the manifest describes the summary report" },
  "011.txt": { agency: "田黄镇", note: "only the quoted title《田黄镇2020年…报告》 names it; 邹城市 not printed" },
  "013.txt": { agency: "龙田镇人民政府", note: "title line; the county 岑巩县 is not printed" },
  "015.txt": { agency: "平利县正阳镇", note: "title line 平利县正阳镇2021年度…; 人民政府 not printed" },
  "017.txt": { agency: "张家湾镇", note: "title line 张家湾镇2021年…; 富县 not printed" },
  "019.txt": {
    agency: "",
    note: "推断: the text starts mid-report and says only 街道; the manifest inferred it from the URL",
  },
  "023.txt": {
    agency: "",
    note: "the name is printed only inside prose with spam (新葡京博彩官网区人民政府北京街道办事处); no title",
  },
  "037.txt": { agency: null, note: "全市汇总: the title prints 丽水市" },
  "039.txt": { agency: "", note: "替换: the title's name is spam only (365bet(中国)官方网站); nothing is left" },
  "045.txt": { agency: "太平镇人民政府", note: "title line; 西咸新区 not printed" },
  "047.txt": {
    agency: "安仁乡人民政府",
    note: "subject of the opening sentence (2022年,安仁乡人民政府坚持…); no title",
  },
  "049.txt": { agency: "", note: "推断: the text says only 我镇" },
  "051.txt": { agency: null, note: "全区: the text's subject is the region 新疆维吾尔自治区, not an agency" },
  "055.txt": {
    agency: "自治区人民政府办公厅",
    note: "title over two lines prints 自治区人民政府办公厅2022 without 新疆维吾尔",
  },
  "057.txt": { agency: "", note: "no title; the text says only 我局" },
  "059.txt": { agency: "", note: "名称缺失: the text says only 我局" },
  "061.txt": { agency: "", note: "the text says 我旗; 发布机构 政府办公室 is the publisher, not a full name" },
  "063.txt": {
    agency: "宝力根花苏木人民政府",
    note: "subject of part 一's first sentence; 扎赉特旗 is printed only run into 人民政府信息公开总体情况",
  },
  "065.txt": { agency: "沙德格苏木", note: "title line; 乌拉特前旗 not printed in the title" },
  "069.txt": { agency: "", note: "generic title without agency; prose says 长安区, not an agency name" },
  "071.txt": { agency: "", note: "no title; prose says 市政府门户网站 only" },
  "085.txt": { agency: "柳州市阳和工业新区(北部生态新区)", note: "title line; 管委会 not printed in the title" },
  "087.txt": { agency: "柳北区工业和信息化局", note: "title over two lines; 柳州市 not printed" },
  "089.txt": { agency: "温州市鹿城区人民政府七都街道办事处", note: "the title prints 人民政府 inside the name" },
  "091.txt": { agency: "东风路街道", note: "title line; 大冶市 and 办事处 not printed" },
  "095.txt": {
    agency: "",
    note: "no title; 东亭街道综合办公室 drafted it (an office inside the agency), 锡山区 not printed",
  },
  "097.txt": { agency: "西藏自治区人民政府", note: "(全区) explains the manifest's name; title with pinyin mojibake" },
  "101.txt": { agency: null, note: "全市汇总: the title prints 天津市" },
  "105.txt": { agency: "宝坻区大钟庄镇", note: "title line; 天津市 and 人民政府 not printed" },
  "107.txt": { agency: "平潭综合实验区", note: "title line; 管委会 not printed" },
  "108.txt": { agency: "沐阳县人民政府", note: "the PDF's OCR typo 沐 for 沭 is kept as printed" },
  "113.txt": { agency: "", note: "no title; prose says 区统计局, a name relative to an unprinted district" },
  "117.txt": { agency: "中村乡", note: "title line; 会昌县 and 人民政府 not printed" },
  "119.txt": { agency: "中埠镇人民政府", note: "title line; 淄博高新区 not printed" },
  "121.txt": { agency: null, note: "全市汇总, no title" },
  "123.txt": { agency: null, note: "全市汇总: the text's subject is 沈阳市人民政府" },
};

/**
 * Cut excerpts whose text ends at a natural boundary, so no import/truncated is expected. Read per
 * file: none. 007 ends at a clause (…占30.61%;) and 125 at a full stop, but both stop inside part 一
 * with the tables and parts 二–六 unprinted, which is a cut.
 */
const naturalEnds = new Set<string>();

function numberCells(rows: Record<string, Record<string, Cell>> | undefined): number {
  let count = 0;
  for (const cells of Object.values(rows ?? {})) {
    for (const cell of Object.values(cells)) if (cell.kind === "number") count += 1;
  }
  return count;
}

describe("the whole corpus against its manifest", () => {
  it("covers all 63 excerpts, and every agency decision names a listed file", () => {
    expect(manifest).toHaveLength(63);
    const files = new Set(manifest.map((row) => row.file));
    for (const file of Object.keys(agencyDecisions)) expect(files.has(file)).toBe(true);
  });

  it.each(manifest)("$file", (row) => {
    const { report, diagnostics } = fromText(excerpt(row.file), { fileName: row.file });
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    for (const diagnostic of diagnostics) expect(diagnosticSchema.parse(diagnostic)).toEqual(diagnostic);

    expect(report.meta.year).toBe(row.year);
    if (row.edition !== "unknown") expect(report.edition).toBe(row.edition);

    const decision = agencyDecisions[row.file];
    const agency = decision === undefined ? row.agency : decision.agency;
    if (agency !== null) expect(report.meta.agency.name).toBe(agency);
    if (agency === "") {
      expect(
        diagnostics.some(
          (diagnostic) =>
            diagnostic.ruleId === "import/meta-missing" && diagnostic.location.pointer === "/meta/agency/name",
        ),
      ).toBe(true);
    }

    const table3Numbers = numberCells(report.tables.table3?.rows as Record<string, Record<string, Cell>> | undefined);
    if (row.table3 === "no") expect(table3Numbers).toBe(0);
    if (row.table3 === "partial") expect(report.tables.table3).toBeDefined();
    if (row.table3 === "yes") expect(table3Numbers).toBeGreaterThan(0);

    const truncated = diagnostics.some((diagnostic) => diagnostic.ruleId === "import/truncated");
    expect(truncated).toBe(row.complete === "cut" && !naturalEnds.has(row.file));
  });
});
