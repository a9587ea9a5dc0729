import type { EditionId, TableId } from "@gongkai/core";
import type { FindingCollector } from "../diagnostics";
import type { Unit } from "../structure";
import { readTable, type TableReadResult } from "../tables";
import type { FoundPart } from "./parts";
import type { Regions } from "./regions";

/** The three tables, in printed order. */
export const tableIds = ["table2", "table3", "table4"] as const satisfies readonly TableId[];

/** What the tables stage needs. */
export interface TablesInput {
  readonly units: readonly Unit[];
  readonly parts: readonly FoundPart[];
  readonly regions: Regions;
  readonly edition: EditionId;
  /** The report has a closing: the text does not stop inside a table. */
  readonly closed: boolean;
  /** The first unit after the report's content. */
  readonly contentEnd: number;
  readonly findings: FindingCollector;
}

/** What the tables stage read. */
export interface TablesReading {
  /** Each table read from its region (absent when it has no region). */
  readonly tables: Readonly<Partial<Record<TableId, TableReadResult>>>;
  /** The tables the source shows, in printed order. */
  readonly present: readonly TableId[];
  /** The table the text stops inside, before the edition's last row: evidence of a cut text. */
  readonly cutTable: TableId | undefined;
  /** The units the tables took (they are not narrative). */
  readonly tableUnits: ReadonlySet<number>;
}

/**
 * Stage 5: read each table from its region (a part heading's own unit gives only the text after
 * the heading), and tell which table, if any, the text stops inside. The text may stop inside a
 * table only when that table is the last thing and no closing follows.
 */
export function readTables(input: TablesInput): TablesReading {
  const { units, parts, regions, edition, contentEnd, findings } = input;
  const anyContent = parts.length > 0 || Object.values(regions).some((region) => region !== undefined);
  const mayEndIn = (table: TableId): boolean => !input.closed && regions[table]?.to === contentEnd;
  const tables: Partial<Record<TableId, TableReadResult>> = {};
  for (const table of tableIds) {
    const region = regions[table];
    if (!region) continue;
    const regionUnits: { unit: Unit; index: number }[] = [];
    for (let index = region.from; index < region.to; index += 1) {
      const unit = units[index];
      if (!unit) continue;
      const part = parts.find((candidate) => candidate.unit === index);
      if (index === region.from && part) {
        if (part.rest.length > 0) {
          const exact = unit.kind === "text" && unit.exact;
          regionUnits.push({
            unit: { kind: "text", text: part.rest, source: part.restSource, heading: false, exact },
            index,
          });
        }
        continue;
      }
      regionUnits.push({ unit, index });
    }
    tables[table] = readTable({ edition, table, units: regionUnits, truncatedHere: mayEndIn(table), findings });
  }
  const present = tableIds.filter((table) => tables[table]?.present);
  const cutTable = anyContent ? present.find((table) => mayEndIn(table) && !tables[table]?.complete) : undefined;

  // Which units the tables took (everything between a table's first and last used unit).
  const tableUnits = new Set<number>();
  for (const table of present) {
    let from = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const index of tables[table]?.usedUnits ?? []) {
      if (index < from) from = index;
      if (index > last) last = index;
    }
    if (from === Number.POSITIVE_INFINITY) continue;
    // A table the text stops inside takes the rest of its part (a cut-off header is not prose).
    const to = table === cutTable ? contentEnd - 1 : last;
    for (let index = from; index <= to; index += 1) tableUnits.add(index);
  }
  return { tables, present, cutTable, tableUnits };
}
