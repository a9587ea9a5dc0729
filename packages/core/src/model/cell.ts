import * as z from "zod";

/**
 * A box on a page, in PDF points (1/72 inch) from the top-left corner of the page as displayed
 * (rotation applied), x to the right and y downwards.
 */
export const pageBoxSchema = z
  .object({
    x: z.number().describe("Distance of the left edge from the page's left edge, in points."),
    y: z.number().describe("Distance of the top edge from the page's top edge, in points."),
    width: z.number().min(0).describe("Width in points."),
    height: z.number().min(0).describe("Height in points."),
  })
  .describe("A box on a page, in points from the page's top-left corner.");

/** A box on a page, in points from the page's top-left corner. */
export type PageBox = z.infer<typeof pageBoxSchema>;

/**
 * Where something was read in its source file. Lines and columns are 1-based; offsets are
 * 0-based UTF-16 indexes into the decoded text. HTML sources add the element path; PDF sources
 * add the page and the box on it (their line is the line's number on that page).
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
    page: z.number().int().min(1).optional().describe("1-based page number in a paged source (PDF)."),
    box: pageBoxSchema
      .optional()
      .describe("The box the value occupies on its page (PDF), in points from the page's top-left corner."),
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

/**
 * How a number was chosen when the source did not give it unambiguously: today only a split of
 * run-together digits taken because exactly one candidate made every relation that reads the row
 * hold (`resolveRunTogether`). The relation then counts as used for reading, not as verified.
 */
export const inferenceSchema = z
  .object({
    from: z.literal("runTogether").describe("What was resolved: a split of run-together digits."),
    relation: z.string().describe("The sum relation that chose the split, e.g. `table3/row-total`."),
  })
  .describe("How an inferred value was chosen.");

/** How an inferred value was chosen. */
export type Inference = z.infer<typeof inferenceSchema>;

/** A cell holding a number: a count, a signed change, or money with its unit. */
export const numberCellSchema = z
  .object({
    kind: z.literal("number"),
    value: z.number().refine(Number.isFinite, "must be a finite number").describe("The value."),
    unit: z.enum(moneyUnits).optional().describe("The money unit written in or above the cell."),
    inferred: inferenceSchema
      .optional()
      .describe("Set when the value was inferred (opt-in), not read; absent for every value read as printed."),
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
 * Why an importer could not read a cell:
 * - `truncated`: the source text stops before the cell;
 * - `runTogether`: the row's digits ran together and more than one split fits;
 * - `rowNotFound`: the table was read but this row's label was not found in it;
 * - `unplaced`: a value was seen but could not be placed in a row or column with confidence;
 * - `illegible`: the text where the value should be is not a value (garbled, undecodable).
 */
export const unreadReasons = ["truncated", "runTogether", "rowNotFound", "unplaced", "illegible"] as const;

/** Why an importer could not read a cell. */
export type UnreadReason = (typeof unreadReasons)[number];

/** How messages and renderers name each reason a cell was not read (zh and en). */
export const unreadReasonLabels: Readonly<Record<UnreadReason, { readonly zh: string; readonly en: string }>> = {
  truncated: { zh: "原文在此之前截断", en: "the source text stops before it" },
  runTogether: { zh: "数字粘连，拆分不唯一", en: "its digits ran together and more than one split fits" },
  rowNotFound: { zh: "未找到该行", en: "its row was not found" },
  unplaced: { zh: "数值无法确定所在行列", en: "a value could not be placed in its row or column" },
  illegible: { zh: "原文无法辨认", en: "the source text is illegible" },
};

/**
 * A cell the importer could not read. Not a blank, not a 0: no rule evaluates a relation that
 * reads it, and renderers show it as unread. `candidates` holds the values the cell takes in each
 * possible reading, index-aligned across the row (reading `k` of the row gives every unread cell
 * of it its `candidates[k]`); `candidateCount` counts all readings when more than were listed.
 */
export const unreadCellSchema = z
  .object({
    kind: z.literal("unread"),
    reason: z.enum(unreadReasons).describe("Why the cell could not be read."),
    candidates: z
      .array(z.number())
      .optional()
      .describe("This cell's value in each possible reading of its row, index-aligned across the row."),
    candidateCount: z.number().int().min(0).optional().describe("How many readings there are in all."),
    ...provenance,
  })
  .describe("A cell the importer could not read: neither blank nor 0, and never checked.");

/**
 * One table cell: what the report said (`raw`, `source`) and what it means (`kind`, `value`).
 * Number, blank, not-applicable and unread stay apart.
 */
export const cellSchema = z
  .discriminatedUnion("kind", [numberCellSchema, blankCellSchema, notApplicableCellSchema, unreadCellSchema])
  .describe("A table cell: a number, blank, not applicable or unread, with its raw text and source position.");

/** One table cell. */
export type Cell = z.infer<typeof cellSchema>;

/** A cell that holds a number. */
export type NumberCell = z.infer<typeof numberCellSchema>;

/** A blank cell. */
export type BlankCell = z.infer<typeof blankCellSchema>;

/** A not-applicable cell. */
export type NotApplicableCell = z.infer<typeof notApplicableCellSchema>;

/** A cell the importer could not read. */
export type UnreadCell = z.infer<typeof unreadCellSchema>;

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

/** An unread cell, for importers: why, and what the source had there when anything. */
export function unreadCell(reason: UnreadReason, details: Omit<UnreadCell, "kind" | "reason"> = {}): UnreadCell {
  return { kind: "unread", reason, ...details };
}
