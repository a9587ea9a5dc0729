import { describe, expect, it } from "vitest";
import {
  type Cell,
  checkReport,
  createReport,
  fillTotals,
  type Report,
  resolveRunTogether,
  setCell,
  type TableId,
  unreadCell,
} from "../index";

type LooseRows = Record<string, Record<string, Cell>>;
const rowsOf = (report: Report, table: TableId) => report.tables[table]?.rows as unknown as LooseRows;
const cellAt = (report: Report, table: TableId, row: string, column: string) => rowsOf(report, table)[row]?.[column];

const columns2021 = [
  "naturalPerson",
  "legalPerson.commercial",
  "legalPerson.research",
  "legalPerson.socialWelfare",
  "legalPerson.legalService",
  "legalPerson.other",
  "total",
] as const;

/**
 * Built after corpus excerpt 107 (平潭综合实验区 2019, whose table 三 has the seven applicant columns): 一、本年新收 printed
 * "230 000023", which splits three ways (2|30|0|0|0|0|23, 23|0|0|0|0|0|23, 230|0|0|0|0|2|3); the
 * rest of table 三 was read: 23 granted for 自然人, nothing carried over or forward.
 */
function runTogetherReport(): Report {
  const report = createReport({ edition: "2021", year: 2022, agency: { name: "某区管委会", kind: "department" } });
  for (const column of columns2021) {
    setCell(report, { table: "table3", row: "carriedOver", column }, 0);
    setCell(report, { table: "table3", row: "carriedForward", column }, 0);
    setCell(report, { table: "table3", row: "results.granted", column }, 0);
  }
  setCell(report, { table: "table3", row: "results.granted", column: "naturalPerson" }, 23);
  setCell(report, { table: "table3", row: "results.granted", column: "total" }, 23);
  fillTotals(report);
  const readings = [
    [2, 30, 0, 0, 0, 0, 23],
    [23, 0, 0, 0, 0, 0, 23],
    [230, 0, 0, 0, 0, 2, 3],
  ];
  columns2021.forEach((column, index) => {
    setCell(
      report,
      { table: "table3", row: "newReceived", column },
      unreadCell("runTogether", {
        raw: "230 000023",
        candidates: readings.map((reading) => reading[index] as number),
        candidateCount: 3,
      }),
    );
  });
  return report;
}

describe("resolveRunTogether", () => {
  it("leaves run-together digits unread by default: check() reads none of them", () => {
    const report = runTogetherReport();
    const { diagnostics, coverage } = checkReport(report);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith("table3/"))).toEqual([]);
    // The row's 7 cells are read by 7 balances and its row total.
    expect(coverage.unverifiable).toBe(8);
    expect(cellAt(report, "table3", "newReceived", "naturalPerson")?.kind).toBe("unread");
  });

  it("takes the one reading that makes every relation reading the row hold, and marks it inferred", () => {
    const report = runTogetherReport();
    const before = structuredClone(report);
    const { report: resolved, resolved: rows, unresolved } = resolveRunTogether(report);
    expect(report).toEqual(before);
    expect(unresolved).toBe(0);
    expect(rows).toEqual([
      {
        table: "table3",
        row: "newReceived",
        columns: [...columns2021],
        values: [23, 0, 0, 0, 0, 0, 23],
        relations: ["table3/balance", "table3/row-total"],
      },
    ]);
    expect(cellAt(resolved, "table3", "newReceived", "naturalPerson")).toEqual({
      kind: "number",
      value: 23,
      raw: "230 000023",
      inferred: { from: "runTogether", relation: "table3/balance,table3/row-total" },
    });
    // Only table 三 is filled in: the other tables' structure/empty-table warnings are not the point.
    const options = { rules: { "structure/empty-table": "off" } } as const;
    const { diagnostics, coverage } = checkReport(resolved, options);
    expect(diagnostics).toEqual([]);
    // The 8 instances that chose the reading count as read with, not verified.
    expect(coverage).toEqual({ ...checkReport(report, options).coverage, unverifiable: 0, inferred: 8 });
  });

  it("takes nothing when two readings fit", () => {
    const report = runTogetherReport();
    // 2|21 and 21|2 both make a total of 23 hold when nothing else reads the row's cells.
    const ambiguous = createReport({ edition: "2021", year: 2022 });
    setCell(ambiguous, { table: "table4", row: "review", column: "total" }, 23);
    setCell(
      ambiguous,
      { table: "table4", row: "review", column: "maintain" },
      unreadCell("runTogether", { candidates: [2, 21], candidateCount: 2 }),
    );
    setCell(
      ambiguous,
      { table: "table4", row: "review", column: "correct" },
      unreadCell("runTogether", { candidates: [21, 2], candidateCount: 2 }),
    );
    const result = resolveRunTogether(ambiguous);
    expect(result.resolved).toEqual([]);
    expect(result.unresolved).toBe(2);
    expect(cellAt(result.report, "table4", "review", "maintain")?.kind).toBe("unread");
    expect(resolveRunTogether(report).resolved).toHaveLength(1);
  });

  it("takes nothing when no reading fits, when a relation cannot be evaluated, or when readings were left out", () => {
    const none = runTogetherReport();
    setCell(none, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 5);
    expect(resolveRunTogether(none).resolved).toEqual([]);

    // 四、结转下年度 of 自然人 not read either: its balance cannot be evaluated.
    const blocked = runTogetherReport();
    setCell(blocked, { table: "table3", row: "carriedForward", column: "naturalPerson" }, unreadCell("truncated"));
    expect(resolveRunTogether(blocked).resolved).toEqual([]);

    // The importer listed 3 readings of 5: another one might fit as well.
    const partial = runTogetherReport();
    for (const cell of Object.values(rowsOf(partial, "table3").newReceived ?? {})) {
      if (cell.kind === "unread") cell.candidateCount = 5;
    }
    expect(resolveRunTogether(partial).resolved).toEqual([]);
  });

  it("uses only the relations of rules that are on", () => {
    const report = runTogetherReport();
    // Without row-total the balances alone still single out 23|0|…: 2|30 unbalances 自然人, 230 too.
    const withoutRowTotal = resolveRunTogether(report, { rules: { "table3/row-total": "off" } });
    expect(withoutRowTotal.resolved[0]?.relations).toEqual(["table3/balance"]);
    const noSums = resolveRunTogether(report, {
      rules: { "table3/row-total": "off", "table3/balance": "off" },
    });
    expect(noSums.resolved).toEqual([]);
  });

  it("never resolves table 二, which has no sum relations (107's 行政事业性收费 printed 350)", () => {
    const report = createReport({ edition: "2019", year: 2019 });
    setCell(
      report,
      { table: "table2", row: "art20_8.fees", column: "prevYearItems" },
      unreadCell("runTogether", { raw: "350", candidates: [3, 35], candidateCount: 2 }),
    );
    setCell(
      report,
      { table: "table2", row: "art20_8.fees", column: "changeThisYear" },
      unreadCell("runTogether", { raw: "350", candidates: [50, 0], candidateCount: 2 }),
    );
    const result = resolveRunTogether(report);
    expect(result.resolved).toEqual([]);
    expect(result.unresolved).toBe(2);
  });
});
