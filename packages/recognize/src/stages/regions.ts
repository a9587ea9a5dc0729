import type { SectionCode, TableId } from "@gongkai/core";
import { comparableText } from "../normalize";
import type { Unit } from "../structure";
import { cueSetOf, cueWeights, cueWindow } from "./cues";
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

/** The joined text of each grid unit, kept while the unit lives (the cue search and edition detection each ask). */
const gridTexts = new WeakMap<Unit, string>();

/** A unit's text as matching sees it: a grid's cells joined by `|`. */
export function textOfUnit(unit: Unit): string {
  if (unit.kind === "text") return unit.text;
  const known = gridTexts.get(unit);
  if (known !== undefined) return known;
  const parts: string[] = [];
  for (const row of unit.block.rows) for (const slot of row) parts.push(slot.text);
  const text = parts.join("|");
  gridTexts.set(unit, text);
  return text;
}

/** The longest stretch of a unit's text searched for cues. */
const cueTextLimit = 5000;

/**
 * The first unit where `table` starts, by its cues (`cues.ts`): a unit with a cue of the table
 * starts it when the distinct cues found from there on (within `cueWindow` units, before the next
 * part heading and the end of the content) add up to the threshold. One strong cue (a header word
 * only the table prints) is enough; weak ones (row and column labels) must come together, so one
 * printed variant (钩稽 for 勾稽, 案件 for 案卷) never hides a table, and labels mentioned in prose
 * (a text unit with a full stop) never start one.
 */
function startByCues(
  table: TableId,
  units: readonly Unit[],
  parts: readonly FoundPart[],
  contentEnd: number,
): number | undefined {
  const { fragments } = cueSetOf(table);
  const hitsCache = new Map<number, readonly number[]>();
  const hitsAt = (index: number): readonly number[] => {
    const cached = hitsCache.get(index);
    if (cached) return cached;
    const unit = units[index];
    // A sentence of prose ("本年出台行政规范性文件：制发件数2件…。") mentions labels; it is not a table.
    const prose = unit?.kind === "text" && /[。！？]/u.test(unit.text);
    const text = unit && !prose ? comparableText(textOfUnit(unit).slice(0, cueTextLimit)) : "";
    const hits: number[] = [];
    fragments.forEach((fragment, cue) => {
      if (text.includes(fragment.text)) hits.push(cue);
    });
    hitsCache.set(index, hits);
    return hits;
  };
  for (let start = 0; start < contentEnd; start += 1) {
    if (hitsAt(start).length === 0) continue;
    const nextPart = parts.find((part) => part.unit > start)?.unit ?? contentEnd;
    const end = Math.min(start + cueWindow, nextPart, contentEnd);
    const found = new Set<number>();
    let score = 0;
    for (let index = start; index < end && score < cueWeights.threshold; index += 1) {
      for (const cue of hitsAt(index)) {
        if (found.has(cue)) continue;
        found.add(cue);
        score += fragments[cue]?.weight ?? 0;
      }
    }
    if (score >= cueWeights.threshold) return start;
  }
  return undefined;
}

/**
 * Stage 3: where each table lies. A table lies in its part (from the part's heading to the next
 * heading, or the end of the content); with no heading for its part, it starts where its cues
 * say (several cues with a score, `cues.ts`), up to the next heading.
 */
export function findRegions(units: readonly Unit[], parts: readonly FoundPart[], contentEnd: number): Regions {
  const regionOf = (table: TableId): Region | undefined => {
    const partIndex = partIndexOf(parts, tableParts[table]);
    const found = parts[partIndex];
    if (found) return { from: found.unit, to: Math.max(found.unit + 1, parts[partIndex + 1]?.unit ?? contentEnd) };
    const start = startByCues(table, units, parts, contentEnd);
    if (start === undefined) return undefined;
    const next = parts.find((part) => part.unit > start);
    return { from: start, to: next?.unit ?? contentEnd };
  };
  return { table2: regionOf("table2"), table3: regionOf("table3"), table4: regionOf("table4") };
}
