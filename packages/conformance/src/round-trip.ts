import { type Cell, getTableDefinition, type Report, tableIds } from "@gongkai/core";
import { conformanceCases } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";

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
    for (const row of getTableDefinition(report.edition, table).rows) {
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

/** A renderer/importer pair under test. */
export interface RoundTripPair {
  /** Render a report to the format's bytes or text. */
  readonly render: (report: Report) => Promise<string | Uint8Array> | string | Uint8Array;
  /** Read it back. */
  readonly read: (rendered: string | Uint8Array) => Promise<Report> | Report;
}

/**
 * Register the shared round-trip suite for one pair: every conformance case, rendered then read
 * back, must come back with every cell and paragraph equal.
 */
export function describeRoundTrip(name: string, pair: RoundTripPair): void {
  describe(`round trip: ${name}`, () => {
    for (const { name: caseName, report } of conformanceCases()) {
      it(caseName, async () => {
        const rendered = await pair.render(report);
        const back = await pair.read(rendered);
        expect(comparable(back)).toEqual(comparable(report));
        // A title the report gives comes back as given (without one, each renderer composes one).
        if (report.meta.title !== undefined) expect(back.meta.title).toBe(report.meta.title);
      });
    }
  });
}
