import type { SectionCode, TableId } from "@gongkai/core";
import { normalizeLabel } from "../normalize";
import type { Unit } from "../structure";
import { type FoundPart, partIndexOf } from "./parts";

/** A table's stretch of the document: units `from` (inclusive) to `to` (exclusive). */
export interface Region {
  readonly from: number;
  readonly to: number;
}

/** Where each table lies, when the document shows it. */
export type Regions = Readonly<Record<TableId, Region | undefined>>;

/** The part each table belongs to. */
export const tableParts: Readonly<Record<TableId, SectionCode>> = {
  table2: "activeDisclosure",
  table3: "applications",
  table4: "reviewLitigation",
};

const tableSignatures: Record<TableId, RegExp> = {
  table2: /第二十条第/u,
  table3: /本年新收政府信息公开申请|本列数据的勾稽关系|申请人情况/u,
  table4: /尚未审结|结果维持/u,
};

/** A unit's text as matching sees it: a grid's cells joined by `|`. */
export function textOfUnit(unit: Unit): string {
  if (unit.kind === "text") return unit.text;
  const parts: string[] = [];
  for (const row of unit.block.rows) for (const slot of row) parts.push(slot.text);
  return parts.join("|");
}

/**
 * Stage 3: where each table lies. A table lies in its part (from the part's heading to the next
 * heading, or the end of the content); with no heading for its part, it starts at the first unit
 * that carries one of its signature labels.
 */
export function findRegions(units: readonly Unit[], parts: readonly FoundPart[], contentEnd: number): Regions {
  const regionOf = (table: TableId): Region | undefined => {
    const partIndex = partIndexOf(parts, tableParts[table]);
    const found = parts[partIndex];
    if (found) return { from: found.unit, to: Math.max(found.unit + 1, parts[partIndex + 1]?.unit ?? contentEnd) };
    const signature = tableSignatures[table];
    const start = units.findIndex(
      (unit, index) => index < contentEnd && signature.test(normalizeLabel(textOfUnit(unit).slice(0, 5000))),
    );
    if (start === -1) return undefined;
    const next = parts.find((part) => part.unit > start);
    return { from: start, to: next?.unit ?? contentEnd };
  };
  return { table2: regionOf("table2"), table3: regionOf("table3"), table4: regionOf("table4") };
}
