import {
  agencySchema,
  blankCellSchema,
  type Cell,
  metaSchema,
  type NarrativeBlock,
  notApplicableCellSchema,
  numberCellSchema,
  type Part,
  paragraphBlockSchema,
  parseReport,
  partSchema,
  type Report,
  reportRowsOf,
  type SourcePosition,
  sourcePositionSchema,
  subheadingBlockSchema,
  tableIds,
  unreadCellSchema,
} from "@gongkai/core";
import { reportSchemaUrl, reportSchemaVersion } from "./report-schema-constants";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function keysOf(...shapes: Array<Record<string, unknown>>): readonly string[] {
  return [...new Set(shapes.flatMap((shape) => Object.keys(shape)))];
}

// Key orders come from the schemas, so a field added to core lands in its schema position.
const sourceKeys = keysOf(sourcePositionSchema.shape);
const cellKeys = keysOf(
  numberCellSchema.shape,
  blankCellSchema.shape,
  notApplicableCellSchema.shape,
  unreadCellSchema.shape,
);
const blockKeys = keysOf(subheadingBlockSchema.shape, paragraphBlockSchema.shape);
const partKeys = keysOf(partSchema.shape);
const metaKeys = keysOf(metaSchema.shape);
const agencyKeys = keysOf(agencySchema.shape);

/** Copy `keys` of `value` in that order, skipping absent ones, converting with `convert`. */
function pick(
  value: object,
  keys: readonly string[],
  convert: Partial<Record<string, (child: never) => Json>> = {},
): JsonObject {
  const record = value as Record<string, unknown>;
  const result: JsonObject = {};
  for (const key of keys) {
    const child = record[key];
    if (child === undefined) continue;
    const converter = convert[key];
    result[key] = converter ? converter(child as never) : (child as Json);
  }
  return result;
}

const source = (position: SourcePosition): Json => pick(position, sourceKeys);
const cell = (value: Cell): Json => pick(value, cellKeys, { source });
const block = (value: NarrativeBlock): Json => pick(value, blockKeys, { source });
const blocks = (values: readonly NarrativeBlock[]): Json => values.map(block);
const part = (value: Part): Json => pick(value, partKeys, { source, blocks });

function tables(report: Report): JsonObject {
  const result: JsonObject = {};
  for (const table of tableIds) {
    const data = report.tables[table] as
      | { source?: SourcePosition; rows: Record<string, Record<string, Cell>> }
      | undefined;
    if (!data) continue;
    const rows: JsonObject = {};
    // A group printed as one row (2021's （六）其他处理 with its own values) comes before its items.
    for (const row of reportRowsOf(report, table)) {
      const cells = data.rows[row.key] as Record<string, Cell>;
      const ordered: JsonObject = {};
      for (const column of row.columns) ordered[column.key] = cell(cells[column.key] as Cell);
      rows[row.key] = ordered;
    }
    result[table] = data.source ? { source: source(data.source), rows } : { rows };
  }
  return result;
}

/**
 * Canonical JSON of a report: `$schema`, `schemaVersion`, then the report's fields in schema
 * order; table rows and columns in the edition's printed order; cells as `kind`, `value`, `unit`,
 * `raw`, `source`. Two-space indent and a final newline. Equal reports give byte-identical text,
 * whatever order their keys were in; unknown keys are dropped.
 *
 * @throws {ReportValidationError} when `report` is not a valid report (it is validated first).
 * @example
 * await writeFile("report.json", toJson(report));
 */
export function toJson(report: Report): string {
  const valid = parseReport(report);
  const document: JsonObject = {
    $schema: reportSchemaUrl,
    schemaVersion: reportSchemaVersion,
    edition: valid.edition,
    meta: pick(valid.meta, metaKeys, { agency: (agency: object) => pick(agency, agencyKeys) }),
    preamble: blocks(valid.preamble),
    parts: valid.parts.map(part),
    tables: tables(valid),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
