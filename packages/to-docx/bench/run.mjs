// Times toDocx() against the docx package packing a document with the same paragraphs and tables
// built directly (same cells, spans and widths, no layout logic, no byte fixing), on the seed report
// (柳州市阳和工业新区(北部生态新区) 2020) and a full 2021-edition report, and prints the ratio
// toDocx / baseline (aim: at most 1.3). Run against the built package:
//   npx tsup && node bench/run.mjs
import { readFileSync } from "node:fs";
import { createReport, fillTotals, getTableDefinition, setCell, tableIds } from "@gongkai/core";
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import { toDocx } from "../dist/index.js";

const warmUp = 15;
const iterations = 60;
const rounds = 6;

const lines = readFileSync(
  new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.txt", import.meta.url),
  "utf8",
).split("\n");

function seedReport() {
  const report = createReport({ edition: "2019", year: 2020, agency: { name: "柳州市阳和工业新区(北部生态新区)" } });
  report.meta.title = lines[3];
  report.meta.publishedDate = "2021-02-09";
  const blocks = (from, to) =>
    lines.slice(from - 1, to).map((text) => ({
      type: /^\([一二三四五六]\)/.test(text) && text.length < 40 ? "subheading" : "paragraph",
      text,
    }));
  const content = { overview: blocks(6, 18), problems: blocks(226, 229), other: blocks(231, 231) };
  for (const part of report.parts) part.blocks = content[part.code] ?? [];
  setCell(report, { table: "table3", row: "newReceived", column: "naturalPerson" }, 49);
  setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 4);
  setCell(report, { table: "table3", row: "results.unableToProvide.notHeld", column: "naturalPerson" }, 44);
  setCell(
    report,
    { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
    {
      kind: "number",
      value: 287.36,
      unit: "万元",
    },
  );
  return report;
}

function fullReport() {
  const report = createReport({ edition: "2021", year: 2024, agency: { name: "某市统计局" } });
  for (const part of report.parts) part.blocks = blocks2021();
  let value = 1;
  for (const table of tableIds) {
    for (const row of getTableDefinition("2021", table).rows) {
      for (const column of row.columns) {
        if (!column.derived && !row.derived) setCell(report, { table, row: row.key, column: column.key }, value++);
      }
    }
  }
  return fillTotals(report);
}

function blocks2021() {
  const text = lines[6];
  return [
    { type: "subheading", text: "（一）主动公开情况" },
    { type: "paragraph", text },
    { type: "paragraph", text: text + text },
  ];
}

// The baseline: the same paragraphs and table cells, written straight with docx.
const font = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋_GB2312", cs: "Times New Roman" };
const paragraph = (text, size = 32) =>
  new Paragraph({
    spacing: { line: 579, lineRule: LineRuleType.EXACT },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font, size, characterSpacing: -5 })],
  });
function baselineTable(edition, table, rows) {
  const definition = getTableDefinition(edition, table);
  const columns = definition.rows[0].columns.length + 3;
  const width = Math.floor(8844 / columns);
  const cell = (text, extra = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...extra,
      children: [
        new Paragraph({
          spacing: { line: 280, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text, font, size: 21 })],
        }),
      ],
    });
  const header = [0, 1, 2].map(
    (level) =>
      new TableRow({
        children: Array.from({ length: columns }, (_, index) =>
          cell(
            level === 0 && index === 0 ? "表头" : "",
            index < 3 ? { verticalMerge: level === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {},
          ),
        ),
      }),
  );
  const body = definition.rows.map(
    (row) =>
      new TableRow({
        children: [
          cell(row.groups[0]?.label ?? ""),
          cell(row.groups[1]?.label ?? ""),
          cell(row.label),
          ...row.columns.map((column) => {
            const value = rows?.[row.key]?.[column.key];
            return cell(value?.kind === "number" ? String(value.value) : value?.kind === "notApplicable" ? "/" : "");
          }),
        ],
      }),
  );
  return new Table({
    rows: [...header, ...body],
    width: { size: 8844, type: WidthType.DXA },
    columnWidths: Array(columns).fill(width),
    layout: TableLayoutType.FIXED,
  });
}
function baseline(report) {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: report.meta.title ?? "", size: 44 })],
    }),
  ];
  for (const block of report.preamble) children.push(paragraph(block.text));
  const tableOf = { activeDisclosure: "table2", applications: "table3", reviewLitigation: "table4" };
  for (const part of report.parts) {
    children.push(paragraph(part.heading));
    for (const block of part.blocks) children.push(paragraph(block.text));
    const table = tableOf[part.code];
    if (table) children.push(baselineTable(report.edition, table, report.tables[table]?.rows));
  }
  const footer = (alignment) =>
    new Footer({
      children: [
        new Paragraph({ alignment, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 28 })] }),
      ],
    });
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, right: 1475, bottom: 1984, left: 1587 } },
        },
        footers: { default: footer(AlignmentType.RIGHT), even: footer(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toArrayBuffer(document).then((buffer) => new Uint8Array(buffer));
}

/** Mean milliseconds per call of each runner, measured in alternating rounds so load drifts hit both. */
async function measure(runners, report) {
  const totals = runners.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [index, run] of runners.entries()) {
      // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
      const start = performance.now();
      for (let iteration = 0; iteration < iterations / rounds; iteration++) await run(report);
      totals[index] += performance.now() - start;
    }
  }
  return totals.map((total) => total / iterations);
}

for (const [name, report] of [
  ["seed 2019", seedReport()],
  ["full 2021", fullReport()],
]) {
  for (let index = 0; index < warmUp; index++) {
    await toDocx(report);
    await baseline(report);
  }
  const [ours, base] = await measure([toDocx, baseline], report);
  const bytes = (await toDocx(report)).length;
  console.log(
    `${name}: toDocx ${ours.toFixed(2)} ms, docx baseline ${base.toFixed(2)} ms, ratio ${(ours / base).toFixed(2)} (${bytes} bytes)`,
  );
}
