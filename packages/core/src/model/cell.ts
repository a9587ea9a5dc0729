import * as z from "zod";

/**
 * Where something was read in its source file. Lines and columns are 1-based; offsets are
 * 0-based UTF-16 indexes into the decoded text. HTML sources add the element path.
 */
export const sourcePositionSchema = z
  .object({
    line: z.number().int().min(1).describe("1-based line of the first character."),
    column: z.number().int().min(1).describe("1-based column of the first character."),
    endLine: z.number().int().min(1).optional().describe("1-based line of the last character."),
    endColumn: z.number().int().min(1).optional().describe("1-based column after the last character."),
    offset: z.number().int().min(0).optional().describe("0-based offset of the first character."),
    endOffset: z.number().int().min(0).optional().describe("0-based offset after the last character."),
    path: z.string().optional().describe("Element path in an HTML or DOCX source, e.g. `body>table[2]>tr[4]>td[3]`."),
  })
  .describe("Where a value was read in its source file.");

/** Where something was read in its source file. */
export type SourcePosition = z.infer<typeof sourcePositionSchema>;

/** Units a money cell may carry. */
export const moneyUnits = ["元", "万元", "亿元"] as const;

/** A money unit: 元, 万元 or 亿元. */
export type MoneyUnit = (typeof moneyUnits)[number];

const provenance = {
  raw: z.string().optional().describe("The cell text exactly as the source had it."),
  source: sourcePositionSchema.optional().describe("Where the cell was read, when imported."),
};

/** A cell holding a number: a count, a signed change, or money with its unit. */
export const numberCellSchema = z
  .object({
    kind: z.literal("number"),
    value: z.number().refine(Number.isFinite, "must be a finite number").describe("The value."),
    unit: z.enum(moneyUnits).optional().describe("The money unit written in or above the cell."),
    ...provenance,
  })
  .describe("A cell that holds a number.");

/** A cell left empty. A blank is not a 0. */
export const blankCellSchema = z
  .object({ kind: z.literal("blank"), ...provenance })
  .describe("An empty cell: the report gave no value (not the same as 0).");

/** A cell marked not applicable (`/`): neither blank nor 0. */
export const notApplicableCellSchema = z
  .object({ kind: z.literal("notApplicable"), ...provenance })
  .describe("A cell marked not applicable, usually written '/'.");

/**
 * One table cell: what the report said (`raw`, `source`) and what it means (`kind`, `value`).
 * Blank, zero and not-applicable stay apart.
 */
export const cellSchema = z
  .discriminatedUnion("kind", [numberCellSchema, blankCellSchema, notApplicableCellSchema])
  .describe("A table cell: a number, blank, or not applicable, with its raw text and source position.");

/** One table cell. */
export type Cell = z.infer<typeof cellSchema>;

/** A cell that holds a number. */
export type NumberCell = z.infer<typeof numberCellSchema>;

/** A blank cell. */
export type BlankCell = z.infer<typeof blankCellSchema>;

/** A not-applicable cell. */
export type NotApplicableCell = z.infer<typeof notApplicableCellSchema>;

/** The blank cell, for authoring. */
export function blankCell(): BlankCell {
  return { kind: "blank" };
}

/** A number cell, for authoring; `unit` is for money columns. */
export function numberCell(value: number, unit?: MoneyUnit): NumberCell {
  return unit === undefined ? { kind: "number", value } : { kind: "number", value, unit };
}

/** The not-applicable cell (`/`), for authoring. */
export function notApplicableCell(): NotApplicableCell {
  return { kind: "notApplicable", raw: "/" };
}
