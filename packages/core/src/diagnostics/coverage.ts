import * as z from "zod";

/**
 * How many of the edition's relation instances (a sum relation on one line: 自然人列's balance,
 * the “（一）予以公开” row's total, …) a check could evaluate.
 */
export const coverageSchema = z
  .object({
    verified: z.number().int().min(0).describe("Relation instances whose every term was read, and evaluated."),
    unverifiable: z
      .number()
      .int()
      .min(0)
      .describe("Relation instances not evaluated: a term was not read, or its table is absent or cut off."),
    inferred: z
      .number()
      .int()
      .min(0)
      .describe("Relation instances used to choose an inferred value (`resolveRunTogether`): read with, not verified."),
  })
  .describe("How many of the edition's relation instances were verified, could not be, or were used for reading.");

/** How many relation instances a check verified, could not verify, or used to infer a value. */
export type Coverage = z.infer<typeof coverageSchema>;
