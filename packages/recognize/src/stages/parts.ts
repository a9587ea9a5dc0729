import { type SectionCode, type SourcePosition, sectionCodes } from "@gongkai/core";
import { positionWithin } from "../source-position";
import { matchPartHeading, type PartHeading, type Unit } from "../structure";

/** A part heading found in the document, in reading order. */
export interface FoundPart extends PartHeading {
  /** The index of the unit the heading starts. */
  readonly unit: number;
  /** What follows the heading in its unit, trimmed ("" when nothing). */
  readonly rest: string;
  /** Where `rest` starts in the source. */
  readonly restSource: SourcePosition;
  /** Where the heading's unit starts in the source. */
  readonly source: SourcePosition;
}

/**
 * Stage 1: the six part headings, in the template's order. A heading whose part comes at or before
 * one already found (a 二、 quoted inside part 三) is not a new part.
 */
export function findParts(units: readonly Unit[]): FoundPart[] {
  const parts: FoundPart[] = [];
  let lastCode = -1;
  units.forEach((unit, index) => {
    if (unit.kind !== "text") return;
    const heading = matchPartHeading(unit.text);
    if (!heading) return;
    const order = sectionCodes.indexOf(heading.code);
    if (order <= lastCode) return;
    lastCode = order;
    const restRaw = unit.text.slice(heading.length);
    const leading = restRaw.length - restRaw.trimStart().length;
    parts.push({
      ...heading,
      unit: index,
      rest: restRaw.trim(),
      restSource: positionWithin(unit.source, unit.text, heading.length + leading, unit.exact),
      source: unit.source,
    });
  });
  return parts;
}

/** The index in `parts` of the part with `code`, or -1. */
export function partIndexOf(parts: readonly FoundPart[], code: SectionCode): number {
  return parts.findIndex((part) => part.code === code);
}
