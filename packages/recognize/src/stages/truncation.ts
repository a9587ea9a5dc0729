import type { SectionCode, SourcePosition, TableId, TruncationReason } from "@gongkai/core";
import { lastLineOf } from "../source-position";
import { endsMidSentence, isCutPartHeading, type Unit } from "../structure";
import type { MetaReading } from "./meta";
import type { FoundPart } from "./parts";
import type { Regions } from "./regions";
import type { TablesReading } from "./tables";

/** Why the text stops before the report ends (with the table, when it stops inside one). */
type CutReason =
  | {
      /** Why the text is taken to stop early. */
      readonly reason: Exclude<TruncationReason, "tableIncomplete">;
      /** Not inside a table. */
      readonly table?: undefined;
    }
  | {
      /** The text stops inside a table. */
      readonly reason: "tableIncomplete";
      /** The table the text stops inside. */
      readonly table: TableId;
    };

/** Where and why the text stops before the report ends. */
export type Cut = CutReason & {
  /** Where the text stops: the end of its last unit. */
  readonly end: SourcePosition;
  /** The last part the text reached, when it reached any. */
  readonly part?: SectionCode;
};

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
  const at = (reason: CutReason): Cut => ({
    ...reason,
    end: endOf(lastUnit),
    ...(lastPart === undefined ? {} : { part: lastPart.code }),
  });
  if (tables.cutTable !== undefined) return at({ reason: "tableIncomplete", table: tables.cutTable });
  if (
    !(anyContent || meta.title !== undefined) ||
    closing !== undefined ||
    lastUnit.kind !== "text" ||
    tables.tableUnits.has(contentEnd - 1) ||
    contentEnd - 1 === titleUnit
  )
    return undefined;
  if (isCutPartHeading(lastUnit.text)) return at({ reason: "partHeadingCut" });
  if (endsMidSentence(lastUnit.text)) return at({ reason: "midSentence" });
  if (lastPart?.unit === contentEnd - 1 && lastPart.rest.length === 0 && lastPart.code !== "other")
    return at({ reason: "emptyLastPart" });
  // A report is never only its part 一: text that stops there, tables and all later parts
  // unprinted, stops early (the 2,000-character captures of the corpus stop in part 一).
  if (lastPart?.code === "overview" && tables.present.length === 0) return at({ reason: "onlyOverview" });
  return undefined;
}
