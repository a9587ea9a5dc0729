import {
  type Diagnostic,
  getEdition,
  type NarrativeBlock,
  type Part,
  type Report,
  reportYearsOf,
  type SourcePosition,
  sectionCodes,
} from "@gongkai/core";
import type { BlockDocument } from "../block-document";
import type { FindingCollector } from "../diagnostics";
import { looksLikeAgencyLine, matchStandaloneDate, matchTitle } from "../meta";
import { foldText } from "../normalize";
import { positionWithin } from "../source-position";
import { isChrome, isMetaLine, type TextUnit, type Unit } from "../structure";
import type { EditionReading } from "./edition";
import { type MetaReading, reportMetaFindings } from "./meta";
import { type FoundPart, partIndexOf } from "./parts";
import { tableParts } from "./regions";
import type { TablesReading } from "./tables";
import { tableIds } from "./tables";
import type { Cut } from "./truncation";

/** What assembling the report needs: every earlier stage's result. */
export interface AssembleInput {
  readonly document: BlockDocument;
  readonly units: readonly Unit[];
  readonly parts: readonly FoundPart[];
  readonly meta: MetaReading;
  readonly edition: EditionReading;
  readonly tables: TablesReading;
  readonly cut: Cut | undefined;
  readonly findings: FindingCollector;
  readonly sourceUrl: string | undefined;
  readonly fileName: string | undefined;
}

/** `source` with `path` set to the file name when it has none. */
export function withPath(source: SourcePosition, fileName: string | undefined): SourcePosition {
  return fileName === undefined || source.path !== undefined ? source : { ...source, path: fileName };
}

function isSubheading(text: string): boolean {
  const folded = foldText(text);
  if (folded.length > 40) return false;
  if (!/^(?:\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|[一二三四五六七八九十]{1,3}是|\d{1,2}[.、])/u.test(folded))
    return false;
  const inner = folded.replace(/[。.]$/u, "");
  return !/[。,，;；]/u.test(inner);
}

/** A narrative block for a run of text: a subheading when it reads as one, else a paragraph. */
export function narrativeOf(text: string, source: SourcePosition): NarrativeBlock {
  return isSubheading(text) ? { type: "subheading", text, source } : { type: "paragraph", text, source };
}

function preambleOf(input: AssembleInput): NarrativeBlock[] {
  const { units, parts, meta, tables, fileName } = input;
  const firstPartUnit = parts[0]?.unit ?? units.length;
  const { title, titleUnit } = meta;
  const preamble: NarrativeBlock[] = [];
  for (let index = 0; index < firstPartUnit; index += 1) {
    const unit = units[index];
    if (unit?.kind !== "text" || tables.tableUnits.has(index) || meta.titleUnits.has(index)) continue;
    const standalone = matchTitle(unit.text);
    if (standalone?.standalone) {
      const rest = unit.text.slice(standalone.length);
      const trimmed = rest.trim();
      if (trimmed.length > 0 && index === titleUnit) {
        const leading = rest.length - rest.trimStart().length;
        preamble.push(
          narrativeOf(
            trimmed,
            withPath(positionWithin(unit.source, unit.text, standalone.length + leading, unit.exact), fileName),
          ),
        );
      }
      continue;
    }
    if (titleUnit !== -1 && index < titleUnit) continue;
    if (isChrome(unit.text) || isMetaLine(unit.text)) continue;
    if (matchStandaloneDate(unit.text) !== undefined) continue;
    if (title && unit.text.trim() === title.agency && index <= titleUnit + 2) continue;
    if (index === titleUnit - 1 && title?.agency === "" && looksLikeAgencyLine(unit.text)) continue;
    preamble.push(narrativeOf(unit.text, withPath(unit.source, fileName)));
  }
  return preamble;
}

function partsOf(input: AssembleInput): Part[] {
  const { units, parts, meta, tables, fileName } = input;
  return parts.map((part, partIndex) => {
    const blocks: NarrativeBlock[] = [];
    const end = parts[partIndex + 1]?.unit ?? meta.contentEnd;
    if (part.rest.length > 0 && !tables.tableUnits.has(part.unit))
      blocks.push(narrativeOf(part.rest, withPath(part.restSource, fileName)));
    for (let index = part.unit + 1; index < end; index += 1) {
      const unit = units[index];
      if (unit?.kind !== "text" || tables.tableUnits.has(index)) continue;
      if (isChrome(unit.text)) continue;
      blocks.push(narrativeOf((unit as TextUnit).text, withPath(unit.source, fileName)));
    }
    const result: Part = { code: part.code, heading: part.heading, source: withPath(part.source, fileName), blocks };
    if (part.numeral !== undefined) result.numeral = part.numeral;
    return result;
  });
}

/**
 * Stage 6: the report and the findings about what is missing: the truncation (with
 * `meta.truncatedAt`), tables not found (none after the point the text stops), meta facts not
 * found, an inferred edition. Source positions get the file name.
 */
export function assemble(input: AssembleInput): { report: Report; diagnostics: Diagnostic[] } {
  const { units, parts, meta, edition, tables, cut, findings, fileName } = input;
  const preamble = preambleOf(input);
  const reportParts = partsOf(input);
  const truncatedAt = cut === undefined ? undefined : { ...cut, end: withPath(cut.end, fileName) };
  if (truncatedAt !== undefined) {
    const { end } = truncatedAt;
    findings.add("import/truncated", {
      data:
        truncatedAt.reason === "tableIncomplete"
          ? { line: end.line, reason: truncatedAt.reason, table: truncatedAt.table }
          : { line: end.line, reason: truncatedAt.reason },
      location: { pointer: "", source: end },
    });
  }
  const lastFoundOrder = parts.length === 0 ? -1 : sectionCodes.indexOf(parts[parts.length - 1]?.code ?? "overview");
  for (const table of tableIds) {
    if (tables.tables[table]?.present) continue;
    const partOrder = sectionCodes.indexOf(tableParts[table]);
    if (cut !== undefined && lastFoundOrder <= partOrder) continue;
    const part = parts[partIndexOf(parts, tableParts[table])];
    findings.add("import/missing-table", {
      data: { table },
      location: part
        ? { table, pointer: `/tables/${table}`, source: withPath(part.source, fileName) }
        : { table, pointer: `/tables/${table}` },
    });
  }
  reportMetaFindings(meta, findings);
  if (edition.inferred) {
    findings.add("import/edition-inferred", {
      data: { edition: edition.edition },
      location: { pointer: "/edition" },
    });
  }

  const { agencyName, agencyKind, agencyKindInferred, agencyRegion } = meta;
  const reportMeta: Report["meta"] = {
    agency: {
      name: agencyName,
      kind: agencyKind,
      ...(agencyKindInferred && agencyKind !== "unknown" ? { kindInferred: true } : {}),
      ...(agencyRegion === undefined ? {} : { region: agencyRegion }),
    },
    // Without a year in the text, the first year the edition applies to.
    year: meta.year ?? reportYearsOf(getEdition(edition.edition)).from,
  };
  if (meta.published !== undefined) reportMeta.publishedDate = meta.published.date;
  if (meta.title) reportMeta.title = meta.title.title;
  // Where the meta facts were read, so findings about them point into the source.
  const titleSource = meta.titleUnit >= 0 ? units[meta.titleUnit]?.source : undefined;
  const metaSources: NonNullable<Report["meta"]["sources"]> = {};
  if (meta.title && titleSource) metaSources.title = withPath(titleSource, fileName);
  if (meta.title?.agency && titleSource) metaSources.agency = withPath(titleSource, fileName);
  if (meta.published?.source) metaSources.publishedDate = withPath(meta.published.source, fileName);
  if (Object.keys(metaSources).length > 0) reportMeta.sources = metaSources;
  if (input.sourceUrl !== undefined) reportMeta.sourceUrl = input.sourceUrl;
  if (truncatedAt !== undefined) {
    const at: NonNullable<Report["meta"]["truncatedAt"]> = { source: truncatedAt.end };
    if (truncatedAt.part !== undefined) at.part = truncatedAt.part;
    if (truncatedAt.table !== undefined) at.table = truncatedAt.table;
    reportMeta.truncatedAt = at;
  }

  const reportTables: Record<string, unknown> = {};
  for (const table of tables.present) {
    const read = tables.tables[table];
    if (!read) continue;
    if (fileName !== undefined) {
      for (const cells of Object.values(read.rows)) {
        for (const [key, cell] of Object.entries(cells)) {
          if (!cell.source) continue;
          // A position that names its element path (HTML) keeps it: the cell needs no copy.
          const source = withPath(cell.source, fileName);
          if (source !== cell.source) cells[key] = { ...cell, source };
        }
      }
    }
    reportTables[table] =
      read.source === undefined ? { rows: read.rows } : { source: withPath(read.source, fileName), rows: read.rows };
  }
  const report = {
    edition: edition.edition,
    meta: reportMeta,
    preamble,
    parts: reportParts,
    tables: reportTables,
  } as unknown as Report;
  const diagnostics = findings.finish();
  if (fileName !== undefined) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.location.source) diagnostic.location.source = withPath(diagnostic.location.source, fileName);
    }
  }
  return { report, diagnostics };
}
