import { type EditionId, editionForYear, type TableId } from "@gongkai/core";
import { comparableOfNormalized, comparableText, normalizeLabel } from "../normalize";
import type { Unit } from "../structure";
import { editionCues } from "./cues";
import { type Regions, textOfUnit } from "./regions";

/** Which edition the tables are printed in, and whether that was only inferred from the year. */
export interface EditionReading {
  readonly edition: EditionId;
  /** No table label told the edition apart: it follows from the report year. */
  readonly inferred: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

interface EditionMarkers {
  readonly table2: readonly string[];
  readonly table3: readonly string[];
  /** A label followed on its row by a value (not by a sub-row's numbering). */
  readonly table3RowWithValue: readonly RegExp[];
}

/** The edition cues of `cues.ts`, ready to count. */
const markers: Readonly<Record<EditionId, EditionMarkers>> = {
  "2019": markersOf("2019"),
  "2021": markersOf("2021"),
};

function markersOf(edition: EditionId): EditionMarkers {
  const cues = editionCues[edition];
  return {
    table2: cues.table2.map(comparableText),
    table3: cues.table3.map(comparableText),
    table3RowWithValue: cues.table3RowWithValue.map(
      (label) => new RegExp(`${escapeRegExp(normalizeLabel(label))}\\|{0,2}(?:/|-|\\d+(?![\\d.、]))`, "u"),
    ),
  };
}

function scoreOf(edition: EditionId, table2: RegionTexts, table3: RegionTexts): number {
  const marker = markers[edition];
  return (
    marker.table2.filter((text) => table2.comparable.includes(text)).length +
    marker.table3.filter((text) => table3.comparable.includes(text)).length +
    marker.table3RowWithValue.filter((pattern) => pattern.test(table3.normalized)).length
  );
}

interface RegionTexts {
  /** Normalised (spaces and quotes dropped, cells joined by `|`). */
  readonly normalized: string;
  /** Punctuation dropped too. */
  readonly comparable: string;
}

/** A region's text, normalised and capped at 200,000 characters. */
function regionText(units: readonly Unit[], regions: Regions, table: TableId): RegionTexts {
  const region = regions[table];
  if (!region) return { normalized: "", comparable: "" };
  const texts: string[] = [];
  let length = 0;
  for (let index = region.from; index < region.to && length < 200_000; index += 1) {
    const unit = units[index];
    if (!unit) continue;
    const text = textOfUnit(unit);
    texts.push(text);
    length += text.length;
  }
  const joined = texts.join("|").slice(0, 200_000);
  const normalized = normalizeLabel(joined);
  return { normalized, comparable: comparableOfNormalized(normalized) };
}

/**
 * Stage 4: the edition, from the labels only one edition prints (`editionCues`: table 二's column
 * labels, table 三's （六） rows); when they do not tell, from the year (`editionForYear`), marked inferred.
 */
export function detectEdition(units: readonly Unit[], regions: Regions, year: number | undefined): EditionReading {
  const table2Text = regionText(units, regions, "table2");
  const table3Text = regionText(units, regions, "table3");
  const score2019 = scoreOf("2019", table2Text, table3Text);
  const score2021 = scoreOf("2021", table2Text, table3Text);
  if (score2019 > score2021) return { edition: "2019", inferred: false };
  if (score2021 > score2019) return { edition: "2021", inferred: false };
  return { edition: year === undefined ? "2021" : (editionForYear(year) ?? "2019"), inferred: true };
}
