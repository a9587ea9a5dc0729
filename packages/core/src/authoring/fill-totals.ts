import { getSumRelations, type SumRelation } from "../editions/sum-relations";
import type { Cell } from "../model/cell";
import type { Report } from "../model/report";

type LooseRows = Record<string, Record<string, Cell> | undefined>;

interface Target {
  readonly relation: SumRelation;
  readonly line: string;
}

/**
 * Fill every total the sum relations can compute, in place, without overwriting a reported
 * value: a blank total becomes the sum of its parts when at least one part is a number (blank
 * and not-applicable parts count as 0). A total whose parts are themselves blank totals is
 * computed from them once they are filled, whatever the order of the relations.
 *
 * @returns the same report, for chaining.
 */
export function fillTotals<R extends Report>(report: R): R {
  const relations = getSumRelations(report.edition).filter((relation) => relation.total !== undefined);
  const targets = new Map<string, Target[]>();
  const keyOf = (table: string, row: string, column: string) => `${table}\u0000${row}\u0000${column}`;
  const coordinates = (relation: SumRelation, line: string, key: string): [string, string] =>
    relation.along === "rows" ? [key, line] : [line, key];
  for (const relation of relations) {
    for (const line of relation.lines) {
      const [row, column] = coordinates(relation, line, relation.total as string);
      const key = keyOf(relation.table, row, column);
      targets.set(key, [...(targets.get(key) ?? []), { relation, line }]);
    }
  }
  const resolved = new Map<string, number | undefined>();
  const resolve = (table: string, row: string, column: string): number | undefined => {
    const key = keyOf(table, row, column);
    if (resolved.has(key)) return resolved.get(key);
    const rows = report.tables[table as keyof Report["tables"]]?.rows as LooseRows | undefined;
    const cell = rows?.[row]?.[column];
    if (cell?.kind === "number") return cell.value;
    if (cell?.kind !== "blank") return undefined;
    resolved.set(key, undefined); // guards against cycles
    for (const { relation, line } of targets.get(key) ?? []) {
      let sum = 0;
      let any = false;
      for (const part of relation.right) {
        const value = resolve(table, ...coordinates(relation, line, part));
        if (value !== undefined) {
          sum += value;
          any = true;
        }
      }
      if (any) {
        resolved.set(key, sum);
        const target = rows?.[row];
        if (target) target[column] = { kind: "number", value: sum };
        return sum;
      }
    }
    return undefined;
  };
  for (const [key] of targets) {
    const [table, row, column] = key.split("\u0000") as [string, string, string];
    resolve(table, row, column);
  }
  return report;
}
