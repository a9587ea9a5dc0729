import {
  type EditionDataShape,
  type EditionId,
  editionForYear,
  listEditions,
  reportYearsOf,
  type TableId,
  tableIds,
} from "@gongkai/core";
import { comparableOfNormalized, comparableText, normalizeLabel } from "../normalize";
import type { Unit } from "../structure";
import { tableCuesOf } from "./cues";
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

/** One table's edition cues, ready to count. */
interface TableMarkers {
  /** Labels (compared without punctuation) only the edition prints in the table. */
  readonly labels: readonly string[];
  /** A label followed on its row by a value (not by a sub-row's numbering). */
  readonly rowsWithValue: readonly RegExp[];
}

/** The edition cues of an edition's data (`tables.<table>.cues`), ready to count, by table. */
const markers = new WeakMap<EditionDataShape, Readonly<Record<TableId, TableMarkers>>>();

function markersOf(data: EditionDataShape): Readonly<Record<TableId, TableMarkers>> {
  const cached = markers.get(data);
  if (cached) return cached;
  const byTable = {} as Record<TableId, TableMarkers>;
  for (const table of tableIds) {
    const cues = tableCuesOf(data, table);
    byTable[table] = {
      labels: (cues.edition ?? []).map(comparableText),
      rowsWithValue: (cues.editionRowWithValue ?? []).map(
        (label) => new RegExp(`${escapeRegExp(normalizeLabel(label))}\\|{0,2}(?:/|-|\\d+(?![\\d.、]))`, "u"),
      ),
    };
  }
  markers.set(data, byTable);
  return byTable;
}

/** How many of an edition's cues the tables' texts show. */
function scoreOf(data: EditionDataShape, texts: (table: TableId) => RegionTexts): number {
  let score = 0;
  const byTable = markersOf(data);
  for (const table of tableIds) {
    const marker = byTable[table];
    if (marker.labels.length === 0 && marker.rowsWithValue.length === 0) continue;
    const text = texts(table);
    score += marker.labels.filter((label) => text.comparable.includes(label)).length;
    score += marker.rowsWithValue.filter((pattern) => pattern.test(text.normalized)).length;
  }
  return score;
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
 * The edition the cues could not tell among `candidates` (those that scored best): the one whose
 * report years cover `year` (`editionForYear`); else the latest one to start on or before `year`
 * (any, without a year); else the earliest one.
 */
function editionByYear(candidates: readonly EditionDataShape[], year: number | undefined): EditionId {
  const byYear = year === undefined ? undefined : editionForYear(year);
  if (byYear !== undefined && candidates.some((data) => data.id === byYear)) return byYear;
  const starts = candidates.map((data) => ({ id: data.id, from: reportYearsOf(data).from }));
  let latest: { id: string; from: number } | undefined;
  let earliest: { id: string; from: number } | undefined;
  for (const start of starts) {
    if ((year === undefined || start.from <= year) && (latest === undefined || start.from > latest.from)) {
      latest = start;
    }
    if (earliest === undefined || start.from < earliest.from) earliest = start;
  }
  return (latest ?? earliest)?.id as EditionId;
}

/**
 * Stage 4: the edition, from the labels only one edition prints (each edition's data gives them as
 * its tables' `cues.edition` and `cues.editionRowWithValue`: table 二's column labels, table 三's
 * （六） rows), scored for every edition registered; when the best score is shared, from the year
 * (`editionForYear`), marked inferred.
 */
export function detectEdition(units: readonly Unit[], regions: Regions, year: number | undefined): EditionReading {
  const texts = new Map<TableId, RegionTexts>();
  const textOf = (table: TableId): RegionTexts => {
    let text = texts.get(table);
    if (!text) {
      text = regionText(units, regions, table);
      texts.set(table, text);
    }
    return text;
  };
  let best = -1;
  let candidates: EditionDataShape[] = [];
  for (const data of listEditions()) {
    const score = scoreOf(data, textOf);
    if (score > best) {
      best = score;
      candidates = [data];
    } else if (score === best) candidates.push(data);
  }
  const [only] = candidates;
  if (candidates.length === 1 && only) return { edition: only.id as EditionId, inferred: false };
  return { edition: editionByYear(candidates, year), inferred: true };
}
