import { type Cell, type Report, reportRowsOf, tableIds } from "@gongkai/core";
import { conformanceCases } from "@gongkai/test-reports";
import { beforeAll, describe, expect, it } from "vitest";

/** What a round trip must preserve of a cell: what it means, not where it was read. */
function meaning(cell: Cell | undefined): unknown {
  if (!cell) return "absent";
  if (cell.kind === "number") return cell.unit === undefined ? cell.value : `${cell.value} ${cell.unit}`;
  return cell.kind;
}

/**
 * The part of a report every renderer/importer pair must bring back: edition, the agency (name,
 * kind, whether the kind was inferred, region), year, published date, every part with its heading
 * and every block's type and text, and every cell's meaning. Source positions and raw text are the
 * importer's own and are not compared; nor is `sourceUrl`, which no rendering states for an
 * importer to read (a page shows it as a link).
 */
export function comparable(report: Report): unknown {
  const cells: Record<string, unknown> = {};
  for (const table of tableIds) {
    const rows = report.tables[table]?.rows as Record<string, Record<string, Cell>> | undefined;
    for (const row of reportRowsOf(report, table)) {
      for (const column of row.columns) {
        cells[`${table}/${row.key}/${column.key}`] = rows ? meaning(rows[row.key]?.[column.key]) : "no table";
      }
    }
  }
  return {
    edition: report.edition,
    agency: {
      name: report.meta.agency.name,
      kind: report.meta.agency.kind,
      kindInferred: report.meta.agency.kindInferred === true,
      region: report.meta.agency.region,
    },
    year: report.meta.year,
    publishedDate: report.meta.publishedDate,
    preamble: report.preamble.map((block) => [block.type, block.text]),
    parts: report.parts.map((part) => ({
      code: part.code,
      heading: part.heading,
      blocks: part.blocks.map((block) => [block.type, block.text]),
    })),
    cells,
  };
}

/**
 * What a laid-out format (PDF) must bring back: edition, agency, year, published date, every part
 * with its heading, and every cell's meaning. Its prose is laid out by the printer (a line
 * separator becomes a line break, a short subheading line reads as the start of a paragraph), so
 * blocks are compared by {@link comparable} only.
 */
export function comparableCells(report: Report): unknown {
  const { parts, ...rest } = comparable(report) as { parts: { code: string; heading: string }[] } & Record<
    string,
    unknown
  >;
  const { preamble: _preamble, agency, ...kept } = rest;
  // A printed page states no agency kind or region (only a gongkai DOCX or HTML carries them).
  const { name } = agency as { name: string };
  return { ...kept, agency: name, parts: parts.map(({ code, heading }) => ({ code, heading })) };
}

/** A renderer/importer pair under test. */
export interface RoundTripPair {
  /** Render a report to the format's bytes or text. */
  readonly render: (report: Report) => Promise<string | Uint8Array> | string | Uint8Array;
  /**
   * Turn every case's rendering into what `read` reads, at once, before the tests run: for a
   * converter with a slow start (LibreOffice, a browser) that prints every document in one go.
   */
  readonly convertAll?: (rendered: readonly (string | Uint8Array)[]) => Promise<(string | Uint8Array)[]>;
  /** Read it back. */
  readonly read: (rendered: string | Uint8Array) => Promise<Report> | Report;
  /** What must come back equal: everything {@link comparable} holds (default), or {@link comparableCells}. */
  readonly compare?: "all" | "cells";
}

/**
 * Register the shared round-trip suite for one pair: every conformance case, rendered then read
 * back, must come back with every cell and paragraph equal.
 */
export function describeRoundTrip(name: string, pair: RoundTripPair): void {
  describe(`round trip: ${name}`, () => {
    const cases = conformanceCases();
    const project = pair.compare === "cells" ? comparableCells : comparable;
    let converted: (string | Uint8Array)[] | undefined;
    const { convertAll } = pair;
    if (convertAll) {
      beforeAll(async () => {
        const rendered = await Promise.all(cases.map(({ report }) => pair.render(report)));
        converted = await convertAll(rendered);
        if (converted.length !== cases.length) throw new Error(`convertAll returned ${converted.length} results`);
      }, 600_000);
    }
    cases.forEach(({ name: caseName, report }, index) => {
      it(caseName, async () => {
        const rendered = converted ? (converted[index] as string | Uint8Array) : await pair.render(report);
        const back = await pair.read(rendered);
        expect(project(back)).toEqual(project(report));
        // A title the report gives comes back as given (without one, each renderer composes one).
        if (pair.compare !== "cells" && report.meta.title !== undefined)
          expect(back.meta.title).toBe(report.meta.title);
      });
    });
  });
}
