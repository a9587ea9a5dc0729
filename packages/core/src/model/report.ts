import * as z from "zod";
import {
  type ColumnOf,
  type EditionId,
  getTableDefinition,
  type RowOf,
  sectionCodes,
  type Table3Column,
  type Table3GroupRow,
  type TableId,
} from "../editions/editions";
import { agencyKinds } from "../taxonomy/agency-kind";
import { cellSchema, sourcePositionSchema } from "./cell";

/** A sub-heading of a part, e.g. （一）主动公开情况. */
export const subheadingBlockSchema = z
  .object({
    type: z.literal("subheading"),
    text: z.string().describe("The sub-heading as printed, numbering included."),
    source: sourcePositionSchema.optional(),
  })
  .describe("A sub-heading inside a part.");

/** A paragraph of prose. */
export const paragraphBlockSchema = z
  .object({
    type: z.literal("paragraph"),
    text: z.string().describe("The paragraph text."),
    source: sourcePositionSchema.optional(),
  })
  .describe("A paragraph of prose.");

/** One block of a part's narrative: a sub-heading or a paragraph. */
export const narrativeBlockSchema = z.discriminatedUnion("type", [subheadingBlockSchema, paragraphBlockSchema]);

/** One block of a part's narrative. */
export type NarrativeBlock = z.infer<typeof narrativeBlockSchema>;

/** The part codes, 一 to 六. */
export const sectionCodeSchema = z.enum(sectionCodes).describe("Which of the six parts (一 … 六).");

/**
 * One of the six parts as the report printed it: its heading, the numeral it carried, and its
 * narrative. A part's table lives in `tables`, not here.
 */
export const partSchema = z
  .object({
    code: sectionCodeSchema,
    numeral: z.string().optional().describe("The numeral the report printed before the heading (一 … 六), if any."),
    heading: z.string().describe("The heading as printed, numeral included."),
    source: sourcePositionSchema.optional(),
    blocks: z.array(narrativeBlockSchema).describe("Sub-headings and paragraphs, in order."),
  })
  .describe("One of the six parts of the report.");

/** One of the six parts. */
export type Part = z.infer<typeof partSchema>;

/** Who published the report. */
export const agencySchema = z
  .object({
    name: z.string().describe("The agency's name as the report gives it."),
    kind: z.enum(agencyKinds).describe("department, peoplesGovernment, townshipStreet or unknown."),
    kindInferred: z.boolean().optional().describe("True when the kind was inferred from the name, not stated."),
    region: z.string().optional().describe("Province, city or county, when known."),
  })
  .describe("The agency that publishes the report.");

/** What the report is about and where it came from. */
export const metaSchema = z
  .object({
    agency: agencySchema,
    year: z.number().int().min(1900).max(9999).describe("The calendar year the report covers."),
    publishedDate: z.iso.date().optional().describe("The date the report was published (YYYY-MM-DD)."),
    title: z.string().optional().describe("The report's title as printed."),
    sourceUrl: z.string().optional().describe("The page the report was read from."),
    sources: z
      .object({
        title: sourcePositionSchema.optional().describe("Where the title was read."),
        agency: sourcePositionSchema.optional().describe("Where the agency name was read."),
        publishedDate: sourcePositionSchema.optional().describe("Where the published date was read."),
      })
      .optional()
      .describe("Where each fact of the metadata was read, when imported."),
    truncatedAt: z
      .object({
        part: sectionCodeSchema.optional().describe("The last part the source reached, when it reached any."),
        table: z.enum(["table2", "table3", "table4"]).optional().describe("The table the source stops in, if any."),
        source: sourcePositionSchema.optional().describe("Where the source stops."),
      })
      .optional()
      .describe(
        "Set by an importer when the source stops before the report ends: what lies after this point was not in the source, so no rule reports it missing.",
      ),
  })
  .describe("Report metadata.");

/** Report metadata. */
export type ReportMeta = z.infer<typeof metaSchema>;

type CellObjectShape<Keys extends string> = { [Key in Keys]: typeof cellSchema };

/** The zod shape of a table's rows in an edition, with the optional rows of groups printed as one row. */
type RowsShape<E extends EditionId, T extends TableId> = {
  [Row in RowOf<E, T>]: z.ZodObject<CellObjectShape<ColumnOf<E, T, Row> & string>>;
} & (T extends "table3"
  ? { [Group in Table3GroupRow<E>]: z.ZodOptional<z.ZodObject<CellObjectShape<Table3Column>>> }
  : unknown);

function tableSchema<E extends EditionId, T extends TableId>(edition: E, table: T) {
  const definition = getTableDefinition(edition, table);
  const rows: Record<string, z.ZodType> = {};
  for (const row of definition.rows) {
    const columns: Record<string, z.ZodType> = {};
    for (const column of row.columns) columns[column.key] = cellSchema;
    rows[row.key] = z.object(columns).describe(`${row.label} (${row.en})`);
  }
  // A group a report may print as one row (`mayPrintAsRow`): its own values, when printed so.
  for (const group of definition.groupRows) {
    const columns: Record<string, z.ZodType> = {};
    for (const column of group.columns) columns[column.key] = cellSchema;
    rows[group.key] = z
      .object(columns)
      .optional()
      .describe(
        `${group.label} (${group.en}) printed as one row: the group's own values, its items then not printed. Absent when the report prints the items.`,
      );
  }
  return z
    .object({
      source: sourcePositionSchema.optional().describe("Where the table starts in the source."),
      rows: z.object(rows) as unknown as z.ZodObject<RowsShape<E, T>>,
    })
    .describe(definition.title);
}

function reportSchemaFor<E extends EditionId>(edition: E) {
  return z
    .object({
      edition: z.literal(edition).describe("The format edition the report is laid out in."),
      meta: metaSchema,
      preamble: z.array(narrativeBlockSchema).describe("Paragraphs before part 一."),
      parts: z.array(partSchema).describe("The parts as the report has them, in order."),
      tables: z
        .object({
          table2: tableSchema(edition, "table2").optional(),
          table3: tableSchema(edition, "table3").optional(),
          table4: tableSchema(edition, "table4").optional(),
        })
        .describe("Tables 二, 三 and 四; a table the source did not have is absent."),
    })
    .describe(`A 政府信息公开工作年度报告 in the ${edition} edition.`);
}

/** A report laid out in the 2019 edition. */
export const report2019Schema = reportSchemaFor("2019");

/** A report laid out in the 2021 edition. */
export const report2021Schema = reportSchemaFor("2021");

/**
 * A 政府信息公开工作年度报告: metadata, the six parts' narrative, and tables 二, 三, 四 shaped by
 * the edition (a discriminated union on `edition`).
 */
export const reportSchema = z.discriminatedUnion("edition", [report2019Schema, report2021Schema]);

const registeredSchemas = new Map<string, z.ZodType<Report>>();

/**
 * The schema of a report in an edition added with `registerEdition` (the built-in editions'
 * schemas are {@link reportSchema}'s members); built once per edition.
 */
export function registeredReportSchema(edition: string): z.ZodType<Report> {
  let schema = registeredSchemas.get(edition);
  if (!schema) {
    schema = reportSchemaFor(edition as EditionId) as unknown as z.ZodType<Report>;
    registeredSchemas.set(edition, schema);
  }
  return schema;
}

/** A report in either edition. */
export type Report = z.infer<typeof reportSchema>;

/** A report in one edition. */
export type ReportOf<E extends EditionId> = Extract<Report, { edition: E }>;

/** The tables of a report. */
export type ReportTables = Report["tables"];
