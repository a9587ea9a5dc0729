import { type EditionId, editionIds, getTableDefinition, type TableId, tableIds } from "@gongkai/core";
import { comparableText, labelKey } from "../normalize";

/**
 * The cues that tell where a table lies and which edition it is printed in, as data: per edition
 * and table, beside the labels core's edition data gives. Shaped to move into the edition data
 * (issue 12) unchanged: plain strings and numbers, no code.
 */
export interface TableCueData {
  /**
   * Words the table prints in its header besides its row and column labels (信息内容, the 勾稽
   * note). They are matched as labels of the table (a header, not a row), and each is a strong cue.
   */
  readonly headerLabels: readonly string[];
  /**
   * Fragments only this table prints, each a strong cue on its own (the table's own header
   * words): found as a substring of a unit's normalised text.
   */
  readonly strong: readonly string[];
  /**
   * Labels printed in other tables or in prose too often to start a table alone (a row label
   * mentioned in a sentence). Each weak cue found adds {@link cueWeights.weak}. The table's own
   * row and column labels of four or more characters are weak cues as well, read from core's
   * edition data.
   */
  readonly weak: readonly string[];
}

/** What one cue adds to a table's score, and the score at which a table is taken to start. */
export const cueWeights = { strong: 3, weak: 1, threshold: 3 } as const;

/**
 * How far after a unit with a cue the other cues are gathered (in units, and never past the next
 * part heading or the end of the content).
 */
export const cueWindow = 60;

const table3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

const table2Cues: TableCueData = { headerLabels: ["信息内容"], strong: ["第二十条第"], weak: ["信息内容"] };
const table3Cues: TableCueData = {
  headerLabels: [table3Note],
  strong: ["本列数据的勾稽关系", "申请人情况", "本年新收政府信息公开申请"],
  weak: ["钩稽关系", "法人或其他组织", "本年度办理结果"],
};
const table4Cues: TableCueData = { headerLabels: [], strong: ["尚未审结", "结果维持"], weak: ["未经复议直接起诉"] };

/** The cues of each table, by edition. */
export const tableCues: Readonly<Record<EditionId, Readonly<Record<TableId, TableCueData>>>> = {
  "2019": { table2: table2Cues, table3: table3Cues, table4: table4Cues },
  "2021": { table2: table2Cues, table3: table3Cues, table4: table4Cues },
};

/**
 * Labels only one edition prints, which tell the editions apart: table 二's column labels and
 * table 三's （六） rows. `rowWithValue` is a label that tells only when values follow it on its
 * row (the 2019 edition's one-row （六）其他处理).
 */
export interface EditionCueData {
  readonly table2: readonly string[];
  readonly table3: readonly string[];
  readonly table3RowWithValue: readonly string[];
}

/** The labels that mark each edition (compared without spaces, punctuation or numbering). */
export const editionCues: Readonly<Record<EditionId, EditionCueData>> = {
  "2019": {
    table2: [
      "新制作",
      "新公开数量",
      "对外公开总数",
      "上一年项目",
      "本年增减",
      "其他对外管理服务",
      "采购项目",
      "采购总金额",
    ],
    table3: [],
    table3RowWithValue: ["（六）其他处理"],
  },
  "2021": {
    table2: ["制发件数", "废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量"],
    table3: ["逾期不补正", "缴纳费用", "收费通知"],
    table3RowWithValue: [],
  },
};

/** A table's cues ready for searching: each fragment (as `comparableText` gives it) with its weight. */
export interface TableCueSet {
  readonly fragments: readonly { readonly text: string; readonly weight: number }[];
}

const cueSets = new Map<TableId, TableCueSet>();

/**
 * The cues of a table in either edition (the edition is not known before the tables are found):
 * its strong and weak fragments, and its row and column labels of four characters or more that no
 * other table prints.
 */
export function cueSetOf(table: TableId): TableCueSet {
  const cached = cueSets.get(table);
  if (cached) return cached;
  const labelsOf = (of: TableId): Set<string> => {
    const labels = new Set<string>();
    for (const edition of editionIds) {
      for (const row of getTableDefinition(edition, of).rows) {
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
  for (const edition of editionIds) {
    const data = tableCues[edition][table];
    for (const text of data.weak) weights.set(comparableText(text), cueWeights.weak);
    for (const text of data.strong) weights.set(comparableText(text), cueWeights.strong);
  }
  const set = { fragments: [...weights].map(([text, weight]) => ({ text, weight })) };
  cueSets.set(table, set);
  return set;
}
