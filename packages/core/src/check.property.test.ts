import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Cell,
  check,
  checkReport,
  createReport,
  type Diagnostic,
  type EditionId,
  fillTotals,
  getSumRelations,
  getTableDefinition,
  type Report,
  type TableId,
  unreadCell,
} from "./index";
import { relationInstanceState } from "./rules/relation-coverage";

type LooseRows = Record<string, Record<string, Cell>>;
const rowsOf = (report: Report, table: TableId) => report.tables[table]?.rows as unknown as LooseRows;
const numberIn = (cell: Cell | undefined) => (cell?.kind === "number" ? cell.value : 0);

const count = fc.option(fc.nat({ max: 60 }), { nil: undefined, freq: 2 });

/** Random counts in random cells of one applicant column of table 三. */
const applicantColumn = (outcomes: number) =>
  fc.record({
    active: fc.boolean(),
    outcomes: fc.array(count, { minLength: outcomes, maxLength: outcomes }),
    carriedOver: count,
    pending: fc.nat({ max: 30 }),
  });

const table4Group = fc.array(count, { minLength: 4, maxLength: 4 });

function arbitraryReport(edition: EditionId) {
  const table3 = getTableDefinition(edition, "table3");
  const parts = (table3.rows[0]?.columns ?? []).map((column) => column.key).filter((key) => key !== "total");
  const outcomeRows = table3.rows
    .map((row) => row.key)
    .filter((key) => key.startsWith("results.") && key !== "results.totalProcessed");
  return fc
    .record({
      columns: fc.array(applicantColumn(outcomeRows.length), { minLength: parts.length, maxLength: parts.length }),
      groups: fc.array(table4Group, { minLength: 3, maxLength: 3 }),
    })
    .map(({ columns, groups }) => {
      const report = createReport({ edition, year: edition === "2019" ? 2020 : 2022 });
      const rows = rowsOf(report, "table3");
      const set = (row: string, column: string, value: number) => {
        (rows[row] as Record<string, Cell>)[column] = { kind: "number", value };
      };
      columns.forEach((generated, index) => {
        const column = parts[index] as string;
        if (!generated.active) return;
        let handled = 0;
        generated.outcomes.forEach((value, outcome) => {
          if (value === undefined) return;
          set(outcomeRows[outcome] as string, column, value);
          handled += value;
        });
        if (generated.carriedOver !== undefined) set("carriedOver", column, generated.carriedOver);
        // Received enough that nothing is negative: 一 = handled + pending − 二, at least 0.
        set("newReceived", column, Math.max(0, handled + generated.pending - (generated.carriedOver ?? 0)));
      });
      const table4 = rowsOf(report, "table4");
      const t4Columns = getTableDefinition(edition, "table4").rows[0]?.columns.map((column) => column.key) ?? [];
      groups.forEach((values, index) => {
        const row = getTableDefinition(edition, "table4").rows[index]?.key as string;
        values.forEach((value, position) => {
          if (value !== undefined)
            (table4[row] as Record<string, Cell>)[t4Columns[position] as string] = numberCell(value);
        });
      });
      fillTotals(report);
      // Balance by construction: 四 = 一 + 二 − （七）, per column, after the totals are filled.
      for (const column of [...parts, "total"]) {
        const cells = ["newReceived", "carriedOver", "results.totalProcessed"].map((row) => rows[row]?.[column]);
        if (cells.every((cell) => cell?.kind !== "number")) continue;
        const [received, carried, processed] = cells.map(numberIn) as [number, number, number];
        set("carriedForward", column, received + carried - processed);
      }
      return report;
    });
}

function numberCell(value: number): Cell {
  return { kind: "number", value };
}

/** Every number cell of tables 三 and 四, by address. */
function numberCells(report: Report): Array<{ table: TableId; row: string; column: string; value: number }> {
  return (["table3", "table4"] as const).flatMap((table) =>
    Object.entries(rowsOf(report, table)).flatMap(([row, cells]) =>
      Object.entries(cells).flatMap(([column, cell]) =>
        cell.kind === "number" ? [{ table, row, column, value: cell.value }] : [],
      ),
    ),
  );
}

/** The rules that read a cell, from the sum relations: those whose sides and lines include it. */
function rulesReading(edition: EditionId, address: { table: TableId; row: string; column: string }): string[] {
  const rules = getSumRelations(edition)
    .filter((relation) => {
      if (relation.table !== address.table) return false;
      const [key, line] = relation.along === "rows" ? [address.row, address.column] : [address.column, address.row];
      return [...relation.left, ...relation.right].includes(key) && relation.lines.includes(line);
    })
    .map((relation) => relation.ruleId);
  return [...new Set(rules)].sort();
}

// The generated reports leave table 二 blank (and, at times, every table): structure/empty-table
// would report that, which is not what these properties are about.
const options = { rules: { "structure/empty-table": "off" } } as const;

describe.each(["2019", "2021"] as const)("check() on generated %s reports", (edition) => {
  it("finds nothing in a report whose totals were filled and whose balance holds by construction", () => {
    fc.assert(
      fc.property(arbitraryReport(edition), (report) => {
        expect(check(report, options)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("fires exactly the rules that read a table 三 or 四 cell when that cell changes", () => {
    const changed = arbitraryReport(edition)
      .filter((report) => numberCells(report).length > 0)
      .chain((report) =>
        fc.record({
          report: fc.constant(report),
          index: fc.nat({ max: numberCells(report).length - 1 }),
          delta: fc.integer({ min: 1, max: 25 }),
          down: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(changed, ({ report, index, delta, down }) => {
        const target = numberCells(report)[index];
        if (!target) throw new Error("no such cell");
        const value = down && target.value >= delta ? target.value - delta : target.value + delta;
        (rowsOf(report, target.table)[target.row] as Record<string, Cell>)[target.column] = numberCell(value);
        const fired = [...new Set(check(report, options).map((diagnostic) => diagnostic.ruleId))].sort();
        expect(fired).toEqual(rulesReading(edition, target));
      }),
      { numRuns: 100 },
    );
  });
});

const arithmeticRules = new Set(["table3/balance", "table3/results-total", "table3/row-total", "table4/group-total"]);

/** Every cell of tables 三 and 四, by address. */
function allCells(report: Report): Array<{ table: TableId; row: string; column: string }> {
  return (["table3", "table4"] as const).flatMap((table) =>
    Object.entries(rowsOf(report, table)).flatMap(([row, cells]) =>
      Object.keys(cells).map((column) => ({ table, row, column })),
    ),
  );
}

const reasons = fc.constantFrom("truncated", "runTogether", "rowNotFound", "unplaced", "illegible" as const);

/** The relation instance an arithmetic finding is about: its relation and line. */
function instanceOf(report: Report, diagnostic: Diagnostic) {
  const relation = getSumRelations(report.edition).find((candidate) => candidate.ruleId === diagnostic.ruleId);
  if (!relation) throw new Error(`no relation for ${diagnostic.ruleId}`);
  const line = relation.along === "rows" ? diagnostic.location.column : diagnostic.location.row;
  return { relation, line: line as string };
}

describe.each(["2019", "2021"] as const)("unread cells in generated %s reports", (edition) => {
  it("never turn a clean report's check into an arithmetic finding, only into lower coverage", () => {
    const marked = arbitraryReport(edition).chain((report) =>
      fc.record({
        report: fc.constant(report),
        unread: fc.uniqueArray(fc.nat({ max: allCells(report).length - 1 }), { maxLength: 12 }),
        reason: reasons,
      }),
    );
    fc.assert(
      fc.property(marked, ({ report, unread, reason }) => {
        const clean = checkReport(report, options).coverage;
        const cells = allCells(report);
        for (const index of unread) {
          const { table, row, column } = cells[index] as (typeof cells)[number];
          (rowsOf(report, table)[row] as Record<string, Cell>)[column] = unreadCell(reason);
        }
        const { diagnostics, coverage } = checkReport(report, options);
        expect(diagnostics.filter((diagnostic) => diagnostic.ruleId !== "coverage/unverifiable")).toEqual([]);
        expect(coverage.verified + coverage.unverifiable).toBe(clean.verified);
        if (unread.length > 0) expect(coverage.unverifiable).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("never hide a fault whose relation does not read the unread cell", () => {
    const faulty = arbitraryReport(edition)
      .filter((report) => numberCells(report).length > 0)
      .chain((report) =>
        fc.record({
          report: fc.constant(report),
          index: fc.nat({ max: numberCells(report).length - 1 }),
          delta: fc.integer({ min: 1, max: 25 }),
          unread: fc.nat({ max: allCells(report).length - 1 }),
        }),
      );
    fc.assert(
      fc.property(faulty, ({ report, index, delta, unread }) => {
        const target = numberCells(report)[index] as ReturnType<typeof numberCells>[number];
        (rowsOf(report, target.table)[target.row] as Record<string, Cell>)[target.column] = numberCell(
          target.value + delta,
        );
        const before = check(report).filter((diagnostic) => arithmeticRules.has(diagnostic.ruleId));
        const cell = allCells(report)[unread] as ReturnType<typeof allCells>[number];
        (rowsOf(report, cell.table)[cell.row] as Record<string, Cell>)[cell.column] = unreadCell("illegible");
        const after = new Map(check(report).map((diagnostic) => [diagnostic.id, diagnostic]));
        for (const finding of before) {
          const { relation, line } = instanceOf(report, finding);
          if (relationInstanceState(report, relation, line).state === "unverifiable") continue;
          const kept = after.get(finding.id);
          expect(kept?.expected).toEqual(finding.expected);
          expect(kept?.actual).toEqual(finding.actual);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Any report: each table 三 and 四 cell blank, `/` or a number, totals included. */
function anyReport(edition: EditionId) {
  const template = createReport({ edition, year: edition === "2019" ? 2020 : 2022 });
  const cells = allCells(template);
  const cell = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Cell>({ kind: "blank" }) },
    { weight: 1, arbitrary: fc.constant<Cell>({ kind: "notApplicable", raw: "/" }) },
    { weight: 3, arbitrary: fc.nat({ max: 40 }).map(numberCell) },
  );
  return fc.array(cell, { minLength: cells.length, maxLength: cells.length }).map((values) => {
    const report = createReport({ edition, year: edition === "2019" ? 2020 : 2022 });
    values.forEach((value, index) => {
      const { table, row, column } = cells[index] as (typeof cells)[number];
      (rowsOf(report, table)[row] as Record<string, Cell>)[column] = value;
    });
    return report;
  });
}

/**
 * Expect `report`'s arithmetic findings on printed totals to stay the same once fillTotals fills
 * its blank totals. A rule that read a blank total otherwise than fillTotals (and the other rules)
 * does would see other numbers once the totals are filled; findings on totals left blank are the
 * blank-total findings, which filling answers.
 */
function expectFilledAlike(report: Report): void {
  const filled = fillTotals(structuredClone(report));
  const printedTotal = (diagnostic: Diagnostic) => {
    if (diagnostic.ruleId === "table3/balance") return true;
    const { table, row, column } = diagnostic.location;
    return rowsOf(report, table as TableId)[row as string]?.[column as string]?.kind !== "blank";
  };
  const shape = (diagnostics: Diagnostic[]) =>
    diagnostics
      .filter((diagnostic) => arithmeticRules.has(diagnostic.ruleId) && printedTotal(diagnostic))
      .map(({ id, expected, actual }) => ({ id, expected, actual }));
  expect(shape(check(filled))).toEqual(shape(check(report)));
}

describe.each(["2019", "2021"] as const)("one meaning per cell in any %s report", (edition) => {
  it("reads every blank derived cell alike in every rule: as fillTotals fills it", () => {
    fc.assert(
      fc.property(anyReport(edition), (report) => {
        expectFilledAlike(report);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

/** 2021's （六）其他处理 items: a report printing the group as one row has none of them read. */
const otherItems = getTableDefinition("2021", "table3").groupRows[0]?.items ?? [];

/**
 * `report` printing （六）其他处理 as one row: the group's own row holds `cellOf(column)`, its items
 * are unread because their rows are not printed (as hongzequ-2023.pdf prints it).
 */
function printOtherAsRow(report: Report, cellOf: (column: string, index: number) => Cell): Report {
  const rows = rowsOf(report, "table3");
  const columns = getTableDefinition("2021", "table3").rows[0]?.columns ?? [];
  rows["results.other"] = Object.fromEntries(columns.map((column, index) => [column.key, cellOf(column.key, index)]));
  for (const item of otherItems) {
    rows[item] = Object.fromEntries(columns.map((column) => [column.key, unreadCell("rowNotFound")]));
  }
  return report;
}

describe("a 2021 report printing （六）其他处理 as one row", () => {
  it("checks clean with every relation verified when the group's row holds its items' sums", () => {
    const collapsed = arbitraryReport("2021").map((report) => {
      const rows = rowsOf(report, "table3");
      return printOtherAsRow(report, (column) => {
        const cells = otherItems.map((item) => rows[item]?.[column]);
        return cells.some((cell) => cell?.kind === "number")
          ? numberCell(cells.reduce((sum, cell) => sum + numberIn(cell), 0))
          : { kind: "blank" };
      });
    });
    fc.assert(
      fc.property(collapsed, (report) => {
        const { diagnostics, coverage } = checkReport(report, options);
        expect(diagnostics).toEqual([]);
        expect(coverage.unverifiable).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("reads every blank derived cell alike in every rule, the group's row included: as fillTotals fills it", () => {
    const cell = fc.oneof(
      { weight: 3, arbitrary: fc.constant<Cell>({ kind: "blank" }) },
      { weight: 1, arbitrary: fc.constant<Cell>({ kind: "notApplicable", raw: "/" }) },
      { weight: 3, arbitrary: fc.nat({ max: 40 }).map(numberCell) },
    );
    const columnCount = getTableDefinition("2021", "table3").rows[0]?.columns.length ?? 0;
    const collapsed = fc
      .tuple(anyReport("2021"), fc.array(cell, { minLength: columnCount, maxLength: columnCount }))
      .map(([report, groupCells]) => printOtherAsRow(report, (_column, index) => groupCells[index] as Cell));
    fc.assert(
      fc.property(collapsed, (report) => {
        expectFilledAlike(report);
        // The group's row is read: no relation is left unverifiable by its unread items.
        expect(checkReport(report).coverage.unverifiable).toBe(0);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
