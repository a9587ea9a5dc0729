import type { CellReference } from "../diagnostics/diagnostic";
import { type TableId, tableIds } from "../editions/editions";
import type { SumRelation } from "../editions/sum-relations";
import type { Report } from "../model/report";
import { tableRows } from "./effective-value";
import type { CoreRule } from "./emit";
import { checkedRelations, relationInstanceState, type SkipReason } from "./relation-coverage";
import { referenceOf } from "./table-cells";
import { isTableCutOff } from "./truncation";

/** What a `coverage/unverifiable` finding is worded from. */
export interface UnverifiableData {
  readonly table: TableId;
  /** Whether the table is absent (the source stops before it) rather than holding unread cells. */
  readonly absent: boolean;
  /** How many relation instances were skipped, and how many unread cells they read. */
  readonly total: number;
  readonly unreadCells: number;
  /** The skipped relations' rule ids with their counts, in order. */
  readonly skipped: readonly { readonly ruleId: string; readonly count: number }[];
  /** Why, in the order first met. */
  readonly reasons: readonly SkipReason[];
}

/** Whether a table holds an unread cell (the cheap test before evaluating its relations). */
function hasUnread(report: Report, table: TableId): boolean {
  const rows = tableRows(report, table);
  if (rows === undefined) return false;
  for (const row in rows) {
    const cells = rows[row];
    for (const column in cells) if (cells[column]?.kind === "unread") return true;
  }
  return false;
}

/** One relation's skipped instances: how many lines, and the line kind for the message. */
interface Skipped {
  readonly relation: SumRelation;
  count: number;
}

/**
 * `coverage/unverifiable`: at most one `info` finding per table, naming the sum relations that
 * were not evaluated because a term was not read (cut off, digits run together, row not found, …)
 * or because the source stops before the table, and why. No arithmetic rule reports on such a relation: an
 * unread cell is never read as a blank or a 0.
 */
export const coverageUnverifiable: CoreRule<UnverifiableData> = {
  run({ report, options, arithmetic }, emit) {
    const relations = checkedRelations(report, options, arithmetic);
    for (const table of tableIds) {
      const tableRelations = relations.filter((relation) => relation.table === table);
      if (tableRelations.length === 0) continue;
      const absent = report.tables[table] === undefined;
      // An absent table is the importer's finding (import/missing-table) unless the source stopped
      // before it; either way its relations count as unverifiable in the coverage.
      if (absent ? !isTableCutOff(report, table) : !hasUnread(report, table)) continue;
      const skipped: Skipped[] = [];
      const reasons = new Set<SkipReason>();
      const cells: CellReference[] = [];
      const seen = new Set<string>();
      let total = 0;
      for (const relation of tableRelations) {
        let entry: Skipped | undefined;
        for (const line of relation.lines) {
          const state = relationInstanceState(report, relation, line, arithmetic);
          if (state.state !== "unverifiable") continue;
          total += 1;
          if (entry === undefined) {
            entry = { relation, count: 0 };
            skipped.push(entry);
          }
          entry.count += 1;
          for (const reason of state.reasons) reasons.add(reason);
          for (const read of state.unread) {
            const reference = referenceOf(read);
            if (seen.has(reference.pointer)) continue;
            seen.add(reference.pointer);
            cells.push(reference);
          }
        }
      }
      if (total === 0) continue;
      const data: UnverifiableData = {
        table,
        absent,
        total,
        unreadCells: cells.length,
        skipped: skipped.map((entry) => ({ ruleId: entry.relation.ruleId, count: entry.count })),
        reasons: [...reasons],
      };
      const source = cells.find((cell) => cell.source !== undefined)?.source ?? report.tables[table]?.source;
      const pointer = `/tables/${table}`;
      emit({
        data,
        location: source === undefined ? { table, pointer } : { table, pointer, source },
        actual: total,
        ...(cells.length === 0 ? {} : { cells }),
      });
    }
  },
};
