import {
  type EditionDataShape,
  type EditionId,
  getEdition,
  getTableDefinition,
  type TableId,
  tableIds,
} from "@gongkai/core";
import { fromRegisteredEditions } from "../editions-derived";
import { comparableText, labelKey } from "../normalize";

/** What one cue adds to a table's score, and the score at which a table is taken to start. */
export const cueWeights = { strong: 3, weak: 1, threshold: 3 } as const;

/**
 * How far after a unit with a cue the other cues are gathered (in units, and never past the next
 * part heading or the end of the content).
 */
export const cueWindow = 60;

/** A table's cues as its edition's data gives them (`tables.<table>.cues`: strong, weak, edition…). */
export type TableCues = NonNullable<EditionDataShape["tables"][TableId]["cues"]>;

/** The cues of a table in an edition's data (none when the data gives none). */
export function tableCuesOf(data: EditionDataShape, table: TableId): TableCues {
  return data.tables[table].cues ?? {};
}

/**
 * Words an edition prints in a table's header besides its row and column labels: table 二's first
 * column header (信息内容) and table 三's 勾稽 note, from the edition's data. They are matched as
 * labels of the table (a header, not a row).
 */
export function headerLabelsOf(edition: EditionId, table: TableId): readonly string[] {
  const { tables } = getEdition(edition);
  if (table === "table2") return [tables.table2.firstColumnHeader];
  if (table === "table3") return [tables.table3.headerNote];
  return [];
}

/** A table's cues ready for searching: each fragment (as `comparableText` gives it) with its weight. */
export interface TableCueSet {
  readonly fragments: readonly { readonly text: string; readonly weight: number }[];
}

/**
 * The cues of a table in any edition (the edition is not known before the tables are found): the
 * strong and weak fragments every registered edition's data gives for it, and its row and column
 * labels of four characters or more that no other table prints.
 */
export function cueSetOf(table: TableId): TableCueSet {
  return cueSets()[table];
}

/** Every table's cue set, for the editions registered so far. */
const cueSets = fromRegisteredEditions(
  (editions) =>
    Object.fromEntries(tableIds.map((table) => [table, buildCueSet(table, editions)])) as Record<TableId, TableCueSet>,
);

function buildCueSet(table: TableId, editions: readonly EditionDataShape[]): TableCueSet {
  const labelsOf = (of: TableId): Set<string> => {
    const labels = new Set<string>();
    for (const data of editions) {
      for (const row of getTableDefinition(data.id as EditionId, of).rows) {
        labels.add(labelKey(row.label).core);
        for (const column of row.columns) labels.add(labelKey(column.label).core);
      }
    }
    return labels;
  };
  const others = new Set<string>();
  for (const other of tableIds) if (other !== table) for (const label of labelsOf(other)) others.add(label);
  const weights = new Map<string, number>();
  for (const label of labelsOf(table)) if (label.length >= 4 && !others.has(label)) weights.set(label, cueWeights.weak);
  for (const data of editions) {
    const cues = tableCuesOf(data, table);
    for (const text of cues.weak ?? []) weights.set(comparableText(text), cueWeights.weak);
    for (const text of cues.strong ?? []) weights.set(comparableText(text), cueWeights.strong);
  }
  return { fragments: [...weights].map(([text, weight]) => ({ text, weight })) };
}
