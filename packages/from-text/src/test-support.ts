import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cell, Diagnostic, Report } from "@gongkai/core";
import { corpusFile, fixturesDirectory } from "@gongkai/test-reports";

/**
 * A corpus excerpt's text (`@gongkai/test-reports`' `corpus/excerpts/NNN.txt`, named
 * `NNN.txt`), read as bytes so the test sees exactly what is on disk.
 */
export function excerpt(name: string): Uint8Array {
  return corpusFile(`excerpts/${name}`);
}

/** The seed report's text (`@gongkai/test-reports`' `fixtures/liuzhou-yanghe-2020.txt`), read as bytes. */
export function seedFixture(): Uint8Array {
  return readFileSync(join(fixturesDirectory, "liuzhou-yanghe-2020.txt"));
}

/** What a cell says, in short: its number, `null` for blank, `"/"` for not applicable, `unread:<reason>` for unread. */
export function shortValue(cell: Cell | undefined): number | null | "/" | `unread:${string}` | undefined {
  if (cell === undefined) return undefined;
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "unread") return `unread:${cell.reason}`;
  return cell.kind === "blank" ? null : "/";
}

/** The values of one row of a table, in column order. */
export function rowValues(report: Report, table: "table2" | "table3" | "table4", row: string): unknown[] | undefined {
  const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
  const cells = rows?.[row];
  return cells === undefined ? undefined : Object.values(cells).map(shortValue);
}

/** The rule ids of the findings, in order. */
export function ruleIds(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.ruleId);
}

/** Seven blanks: a table 三 row the source leaves empty. */
export const blank7 = [null, null, null, null, null, null, null];

/** A table 三 row of seven unread cells, for `reason`. */
export function unread7(reason: string): string[] {
  return new Array<string>(7).fill(`unread:${reason}`);
}

/** The cells of one row of a table, keyed by column, whatever the edition. */
export function rowCells(
  report: Report,
  table: "table2" | "table3" | "table4",
  row: string,
): Record<string, Cell> | undefined {
  const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
  return rows?.[row];
}
