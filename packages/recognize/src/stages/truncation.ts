import type { LocalizedText, SectionCode, SourcePosition, TableId } from "@gongkai/core";
import { lastLineOf } from "../source-position";
import { endsMidSentence, isCutPartHeading, type Unit } from "../structure";
import type { MetaReading } from "./meta";
import type { FoundPart } from "./parts";
import type { Regions } from "./regions";
import type { TablesReading } from "./tables";

/** Where and why the text stops before the report ends. */
export interface Cut {
  /** Why the text is taken to stop early. */
  readonly reason: LocalizedText;
  /** Where the text stops: the end of its last unit. */
  readonly end: SourcePosition;
  /** The last part the text reached, when it reached any. */
  readonly part?: SectionCode;
  /** The table the text stops inside, when it does. */
  readonly table?: TableId;
}

const tableNames: Record<TableId, LocalizedText> = {
  table2: { zh: "表二（主动公开政府信息情况）", en: "Table 2 (proactive disclosure)" },
  table3: { zh: "表三（收到和处理政府信息公开申请情况）", en: "Table 3 (requests received and handled)" },
  table4: { zh: "表四（行政复议、行政诉讼情况）", en: "Table 4 (reconsideration and litigation)" },
};

/** A table's printed name, for messages. */
export function tableName(table: TableId): LocalizedText {
  return tableNames[table];
}

/** Where a unit ends in the source. */
export function endOf(unit: Unit): SourcePosition {
  if (unit.kind === "text" && !unit.exact) return unit.source;
  if (unit.kind === "text") {
    const line = lastLineOf(unit.source, unit.text);
    const lastBreak = unit.text.lastIndexOf("\n");
    const column = lastBreak === -1 ? unit.source.column + unit.text.length : unit.text.length - lastBreak;
    return { line, column };
  }
  let line = unit.source.line;
  let column = unit.source.column;
  for (const row of unit.block.rows) {
    for (const slot of row) {
      if (slot.source && (slot.source.line > line || (slot.source.line === line && slot.source.column > column))) {
        line = slot.source.line;
        column = slot.source.column + slot.text.length;
      }
    }
  }
  return { line, column };
}

/**
 * Whether the text stops before the report ends. Truncation needs evidence: a table the text stops
 * inside, a part heading cut short, or prose that stops mid-sentence, each as the last thing with
 * no closing; or a text that is only part 一.
 */
export function findCut(
  units: readonly Unit[],
  parts: readonly FoundPart[],
  meta: MetaReading,
  regions: Regions,
  tables: TablesReading,
): Cut | undefined {
  const { contentEnd, closing, titleUnit } = meta;
  const lastUnit = units[contentEnd - 1];
  if (!lastUnit) return undefined;
  const lastPart = parts[parts.length - 1];
  const anyContent = parts.length > 0 || Object.values(regions).some((region) => region !== undefined);
  const at = (reason: LocalizedText, table?: TableId): Cut => {
    const cut: { reason: LocalizedText; end: SourcePosition; part?: SectionCode; table?: TableId } = {
      reason,
      end: endOf(lastUnit),
    };
    if (lastPart) cut.part = lastPart.code;
    if (table) cut.table = table;
    return cut;
  };
  if (tables.cutTable !== undefined) {
    const name = tableNames[tables.cutTable];
    return at({ zh: `${name.zh}未完`, en: `${name.en} is incomplete` }, tables.cutTable);
  }
  if (
    !(anyContent || meta.title !== undefined) ||
    closing !== undefined ||
    lastUnit.kind !== "text" ||
    tables.tableUnits.has(contentEnd - 1) ||
    contentEnd - 1 === titleUnit
  )
    return undefined;
  if (isCutPartHeading(lastUnit.text)) return at({ zh: "部分标题不完整", en: "a part heading is cut short" });
  if (endsMidSentence(lastUnit.text))
    return at({ zh: "最后一段话没有结束", en: "the last paragraph stops mid-sentence" });
  if (lastPart?.unit === contentEnd - 1 && lastPart.rest.length === 0 && lastPart.code !== "other")
    return at({ zh: "最后一个部分标题之后没有内容", en: "nothing follows the last part heading" });
  // A report is never only its part 一: text that stops there, tables and all later parts
  // unprinted, stops early (the 2,000-character captures of the corpus stop in part 一).
  if (lastPart?.code === "overview" && tables.present.length === 0)
    return at({ zh: "文本停在第一部分（总体情况）之内", en: "the text stops inside part 一 (overview)" });
  return undefined;
}
