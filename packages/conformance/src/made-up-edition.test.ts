// A third format edition, made up for this test and defined here only: the 2021 edition with one
// row renamed (table 三's 1.本机关不掌握相关政府信息 becomes 1.本机关未掌握相关政府信息, code
// `results.unableToProvide.notHeldByAgency`), one column added (a sixth 法人或其他组织 column,
// 境外组织) and part 五 headed in words no built-in edition uses (五、工作中的不足和下一步打算,
// told by the word 不足 its data adds to the part's heading words). Registering its data must be all it takes for every package to read it as it reads the
// built-in editions: authoring, parsing, check(), to-html, to-docx, from-html's embedded data, and
// import through the recognizer (from-html's markup, from-text, from-docx), which tells it from
// 2021 by the cues its data gives.
import {
  type CellAddress,
  check,
  createReport,
  type EditionId,
  type EditionTreeNode,
  edition2021,
  editionForYear,
  fillTotals,
  getSumRelations,
  getTableDefinition,
  parseReport,
  type Report,
  registerEdition,
  setCell,
  tableLayout,
} from "@gongkai/core";
import { fromDocx } from "@gongkai/from-docx";
import { fromHtml } from "@gongkai/from-html";
import { fromText } from "@gongkai/from-text";
import { balancedReport, printedCells, printedText } from "@gongkai/test-reports";
import { toDocx } from "@gongkai/to-docx";
import { toHtml, toHtmlPage } from "@gongkai/to-html";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { comparable } from "./round-trip";

const renamedRow = "results.unableToProvide.notHeldByAgency";
const renamedLabel = "1.本机关未掌握相关政府信息";
const extraColumn = "legalPerson.foreign";
const extraLabel = "境外组织";
const problemsHeading = "五、工作中的不足和下一步打算";

/** A copy of a label tree with `change` applied to every node. */
function mapTree(
  nodes: readonly EditionTreeNode[],
  change: (node: EditionTreeNode) => EditionTreeNode,
): EditionTreeNode[] {
  return nodes.map((node) =>
    change(node.children === undefined ? node : { ...node, children: mapTree(node.children, change) }),
  );
}

const table3 = edition2021.tables.table3;
const madeUpData = {
  ...edition2021,
  id: "test-2027",
  document: "测试公开办函〔2027〕1号（虚构，仅用于测试）",
  formatTitle: "中华人民共和国政府信息公开工作年度报告格式（测试用虚构版本）",
  issued: "2027-01-01",
  appliesToReportYears: "2027-",
  sections: edition2021.sections.map((section) =>
    section.code === "problems" ? { ...section, label: problemsHeading } : section,
  ),
  // What tells its part 五's heading: 不足, besides the words of 2021's headings.
  partCues: [...edition2021.partCues, { section: "problems", words: ["不足"] }],
  tables: {
    ...edition2021.tables,
    table3: {
      ...table3,
      // What tells this edition from 2021 (whose cues it keeps): its renamed row and its extra column.
      cues: { ...table3.cues, edition: [...table3.cues.edition, "本机关未掌握相关政府信息", extraLabel] },
      columns: mapTree([table3.columns], (node) =>
        node.code === "legalPerson"
          ? {
              ...node,
              children: [
                ...(node.children ?? []),
                { code: extraColumn, label: extraLabel, en: "Foreign organisations" },
              ],
            }
          : node,
      )[0],
      rows: mapTree(table3.rows, (node) =>
        node.code === "results.unableToProvide.notHeld" ? { ...node, code: renamedRow, label: renamedLabel } : node,
      ),
    },
  },
};

registerEdition(madeUpData);
const edition = "test-2027" as EditionId;

/** A cell of the made-up edition (its keys are not in the built-in editions' types). */
const at = (table: "table2" | "table3" | "table4", row: string, column: string) =>
  ({ table, row, column }) as unknown as CellAddress;

/** A report in the made-up edition with a few numbers, every total left blank. */
function madeUpReport(): Report {
  const report = createReport({ edition, year: 2027, agency: { name: "某市测试局", kind: "department" } });
  setCell(report, at("table3", "newReceived", "naturalPerson"), 3);
  setCell(report, at("table3", "newReceived", extraColumn), 2);
  setCell(report, at("table3", "results.granted", "naturalPerson"), 3);
  setCell(report, at("table3", renamedRow, extraColumn), 2);
  setCell(report, at("table4", "review", "maintain"), 1);
  // Table 二 holds a value too, so that no table is entirely blank (structure/empty-table).
  setCell(report, at("table2", "art20_1.normativeDocuments", "made"), 1);
  return report;
}

describe("a made-up third edition, defined by its data alone", () => {
  it("has the renamed row and the extra column in its tables and sum relations", () => {
    const definition = getTableDefinition(edition, "table3");
    const keys = definition.rows.map((row) => row.key);
    expect(keys).toContain(renamedRow);
    expect(keys).not.toContain("results.unableToProvide.notHeld");
    expect(definition.rows[0]?.columns.map((column) => column.key)).toEqual([
      "naturalPerson",
      "legalPerson.commercial",
      "legalPerson.research",
      "legalPerson.socialWelfare",
      "legalPerson.legalService",
      "legalPerson.other",
      extraColumn,
      "total",
    ]);
    const relations = getSumRelations(edition);
    expect(relations.find((relation) => relation.ruleId === "table3/row-total")?.right).toContain(extraColumn);
    expect(relations.find((relation) => relation.ruleId === "table3/results-total")?.right).toContain(renamedRow);
    expect(editionForYear(2027)).toBe(edition);
  });

  it("is authored, filled and parsed like a built-in edition", () => {
    const report = fillTotals(madeUpReport());
    const rows = report.tables.table3?.rows as Record<string, Record<string, { kind: string; value?: number }>>;
    // The extra column counts in the row's 总计; the renamed row counts in （七）总计.
    expect(rows.newReceived?.total).toEqual({ kind: "number", value: 5 });
    expect(rows["results.totalProcessed"]?.[extraColumn]).toEqual({ kind: "number", value: 2 });
    expect(rows["results.totalProcessed"]?.total).toEqual({ kind: "number", value: 5 });
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    const missingCell = JSON.parse(JSON.stringify(report));
    delete missingCell.tables.table3.rows.newReceived[extraColumn];
    expect(() => parseReport(missingCell)).toThrow(/newReceived/);
  });

  it("is checked with the relations its data states", () => {
    const report = fillTotals(madeUpReport());
    expect(check(report)).toEqual([]);
    // 总计 of 一、本年新收 without the extra column's 2: row-total, and the balance it breaks.
    setCell(report, at("table3", "newReceived", "total"), 3);
    const findings = check(report);
    expect(
      findings.map((finding) => [finding.ruleId, finding.location.pointer, finding.expected, finding.actual]),
    ).toEqual([
      // 一 (3, as printed) + 二 (0) against （七）总计 (5, the sum of its items) + 四 (0).
      ["table3/balance", "/tables/table3/rows/carriedForward/total", 3, 5],
      ["table3/row-total", "/tables/table3/rows/newReceived/total", 5, 3],
    ]);
    const rowTotal = findings[1];
    expect(rowTotal?.cells?.map((cell) => cell.column)).toContain(extraColumn);
    expect(rowTotal?.message.zh).toContain("一、本年新收政府信息公开申请数量");
  });

  it("is rendered by to-html with the renamed row and the extra column", () => {
    const report = fillTotals(madeUpReport());
    const html = toHtml(report);
    expect(html).toContain(renamedLabel);
    expect(html).toContain(extraLabel);
    expect(html).not.toContain("1.本机关不掌握相关政府信息");
    // One header cell per applicant column: the extra column widens the 法人或其他组织 group.
    const cells = tableLayout(edition, "table3").sections.flatMap((section) => section.rows.flat());
    expect(cells.find((cell) => cell.kind === "header" && cell.text === "法人或其他组织")?.colSpan).toBe(6);
  });

  it("is rendered by to-docx with the renamed row and the extra column", async () => {
    const bytes = await toDocx(fillTotals(madeUpReport()));
    const documentXml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
    expect(documentXml).toContain(renamedLabel);
    expect(documentXml).toContain(extraLabel);
  });

  it("comes back from a to-html page through from-html's embedded data", () => {
    const report = fillTotals(madeUpReport());
    const back = fromHtml(toHtmlPage(report)).report;
    expect(back.edition).toBe(edition);
    expect(comparable(back)).toEqual(comparable(report));
  });
});

describe("a made-up third edition, imported through the recognizer", () => {
  const report = fillTotals(madeUpReport());
  const recognized = (back: { report: Report; diagnostics: readonly { ruleId: string }[] }) => ({
    edition: back.report.edition,
    inferred: back.diagnostics.some((diagnostic) => diagnostic.ruleId === "import/edition-inferred"),
  });

  it("comes back from to-html markup without its embedded data, every cell equal", () => {
    const html = toHtml(report).replace(/<script type="application\/json" data-gongkai-report>[\s\S]*?<\/script>/, "");
    expect(html).not.toContain("data-gongkai-report");
    const back = fromHtml(html);
    expect(recognized(back)).toEqual({ edition, inferred: false });
    expect(comparable(back.report)).toEqual(comparable(report));
  });

  it.each(["cellPerLine", "rowPerLine", "linePerCell"] as const)("comes back from text printed %s", (shape) => {
    // Every cell a different number (a shape that drops empty cells cannot place blanks).
    const balanced = balancedReport(edition);
    balanced.meta.year = 2027;
    const back = fromText(printedText(balanced, shape));
    expect(recognized(back)).toEqual({ edition, inferred: false });
    expect(back.report.meta.year).toBe(2027);
    expect(printedCells(back.report)).toEqual(printedCells(balanced));
  });

  it("finds its own part 五 heading by the word its data gives, and no heading without such a word", () => {
    const html = toHtml(report).replace(/<script type="application\/json" data-gongkai-report>[\s\S]*?<\/script>/, "");
    expect(html).toContain(problemsHeading);
    const parts = fromHtml(html).report.parts;
    expect(parts.find((part) => part.code === "problems")?.heading).toBe(problemsHeading);
    // The same page with a heading word that no edition's data gives: part 五 is not found.
    const unknown = fromHtml(html.replace(problemsHeading, "五、工作中的短板和下一步打算")).report.parts;
    expect(unknown.map((part) => part.code)).not.toContain("problems");
  });

  it("comes back from to-docx through from-docx, every cell equal", async () => {
    const back = fromDocx(await toDocx(report));
    expect(recognized(back)).toEqual({ edition, inferred: false });
    expect(comparable(back.report)).toEqual(comparable(report));
  });

  it("leaves a 2021 report a 2021 report: the made-up cues tell only its own tables", () => {
    const report2021 = balancedReport("2021");
    const back = fromText(printedText(report2021, "rowPerLine"));
    expect(back.report.edition).toBe("2021");
    expect(printedCells(back.report)).toEqual(printedCells(report2021));
  });
});
