import { check, checkReport, type EditionId, getCellLoose, getTableDefinition } from "@gongkai/core";
import {
  balancedReport,
  type PrintedShape,
  type PrintedTextOptions,
  printedCells,
  printedText,
} from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { ruleIds } from "./test-support";

// Issue 7, "a recognizer that bends, not breaks": printed variants seen in real reports. Each is a
// report built in code (every cell a number, every relation holding), printed as a report page
// with the variant, and must import to the cells it printed, with no row or table lost.

const shapes = ["cellPerLine", "rowPerLine", "linePerCell"] as const satisfies readonly PrintedShape[];

function expectReadBack(edition: EditionId, shape: PrintedShape, options: PrintedTextOptions): void {
  const original = balancedReport(edition);
  const { report, diagnostics } = fromText(printedText(original, shape, options));
  expect(report.edition).toBe(edition);
  expect(printedCells(report)).toEqual(printedCells(original));
  expect(ruleIds(diagnostics)).toEqual(["import/meta-missing"]); // no published date
}

const relabel =
  (from: RegExp, to: string): NonNullable<PrintedTextOptions["label"]> =>
  (label) =>
    label.replace(from, to);

describe.each(["2019", "2021"] as const)("printed variants, %s edition", (edition) => {
  describe.each(shapes)("%s", (shape) => {
    it("reads 7.属于行政执法案件 (案件 for 案卷) as its row", () => {
      expectReadBack(edition, shape, { label: relabel(/案卷/u, "案件") });
    });

    it("reads 2.其他法律行政止公开 (characters missing) as its row", () => {
      expectReadBack(edition, shape, { label: relabel(/^2\.其他法律行政法规禁止公开$/u, "2.其他法律行政止公开") });
    });

    it("reads a table 三 whose 勾稽 note writes 钩稽", () => {
      expectReadBack(edition, shape, {
        table3Note: "（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      });
    });

    it("reads sub-rows numbered 1、2、3、", () => {
      expectReadBack(edition, shape, { label: relabel(/^(\d)\./u, "$1、") });
    });

    it("reads a label with one character added and one with two characters swapped", () => {
      expectReadBack(edition, shape, {
        label: (label) =>
          label.replace("要求提供公开出版物", "要求提供公开的出版物").replace("确认或重新", "认确或重新"),
      });
    });
  });

  it("reads row labels printed one character per line", () => {
    expectReadBack(edition, "linePerCell", {
      label: (label) => (label === "三、本年度办理结果" || label === "四、结转下年度继续办理" ? [...label] : label),
    });
  });

  it("reads labels wrapped over two lines", () => {
    expectReadBack(edition, "linePerCell", {
      label: (label) =>
        label.length > 8
          ? [label.slice(0, Math.ceil(label.length / 2)), label.slice(Math.ceil(label.length / 2))]
          : label,
    });
  });
});

describe("规范性文件 in a 2021-layout table 二", () => {
  it.each(shapes)("reads it as 行政规范性文件 (%s)", (shape) => {
    expectReadBack("2021", shape, { label: (label) => (label === "行政规范性文件" ? "规范性文件" : label) });
  });
});

describe("（六）其他处理 printed as one row in a 2021-layout table 三", () => {
  it.each(shapes)(
    "keeps the group row as the group's total, leaves its items unread, and check() verifies （七）总计 (%s)",
    (shape) => {
      const original = balancedReport("2021");
      // The group's values as printed: the sum of its three items in each column.
      const columns = getTableDefinition("2021", "table3").rows[0]?.columns ?? [];
      const items = ["overdueCorrection", "overdueFee", "otherReasons"].map((key) => `results.other.${key}`);
      const groupValues = columns.map((column) =>
        String(
          items.reduce((sum, row) => {
            const cell = getCellLoose(original, { table: "table3", row, column: column.key });
            return sum + (cell?.kind === "number" ? cell.value : 0);
          }, 0),
        ),
      );
      const { report, diagnostics } = fromText(
        printedText(original, shape, { groupRows: { "（六）其他处理": groupValues } }),
      );
      const expected = printedCells(original);
      for (const row of items) for (const column of columns) expected[`table3/${row}/${column.key}`] = "";
      // The group's row, as printed, is the group's total (not in the finding only, as before).
      columns.forEach((column, index) => {
        expected[`table3/results.other/${column.key}`] = groupValues[index] as string;
      });
      expect(printedCells(report)).toEqual(expected);
      expect(getCellLoose(report, { table: "table3", row: "results.other", column: "total" })).toMatchObject({
        kind: "number",
        raw: groupValues.at(-1),
        source: { line: expect.any(Number) },
      });
      for (const row of items)
        expect(getCellLoose(report, { table: "table3", row, column: "total" })).toMatchObject({
          kind: "unread",
          reason: "rowNotFound",
        });
      expect(ruleIds(diagnostics)).toEqual(["import/group-as-row", "import/meta-missing"]);
      expect(diagnostics[0]).toMatchObject({ actual: groupValues.join(" | "), location: { table: "table3" } });
      expect(diagnostics[0]?.location.source).toBeDefined();
      const arithmetic = check(report).filter((diagnostic) => /^table[34]\//u.test(diagnostic.ruleId));
      expect(arithmetic).toEqual([]);
      // Every relation is verified, （七）总计 and the balance reading the group's row.
      expect(checkReport(report).coverage).toMatchObject({ unverifiable: 0 });
      // A group value off by one is a fault of the report: （七）总计 no longer adds up.
      const changed = fromText(
        printedText(original, shape, {
          groupRows: {
            "（六）其他处理": groupValues.map((value, index) => (index === 0 ? String(Number(value) + 1) : value)),
          },
        }),
      ).report;
      expect(
        check(changed)
          .filter((diagnostic) => diagnostic.ruleId === "table3/results-total")
          .map((diagnostic) => diagnostic.location.column),
      ).toEqual(["naturalPerson"]);
    },
  );
});
