import * as z from "zod";
import { sourcePositionSchema } from "../model/cell";
import { type DiagnosticRuleId, diagnosticRuleIds } from "./diagnostic-registry";

/** How serious a finding is. */
export const severities = ["error", "warning", "info"] as const;

/** How serious a finding is: `error`, `warning` or `info`. */
export type Severity = (typeof severities)[number];

/** A message in Chinese and English. */
export const localizedTextSchema = z.object({
  zh: z.string().describe("The message in Chinese."),
  en: z.string().describe("The message in English."),
});

/** A message in Chinese and English. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A table cell named by its codes, with its JSON pointer and what it held. */
export const cellReferenceSchema = z.object({
  table: z.enum(["table2", "table3", "table4"]),
  row: z.string().describe("Row key, e.g. `results.granted` or `art20_1.regulations`."),
  column: z.string().describe("Column key, e.g. `naturalPerson`."),
  pointer: z.string().describe("JSON pointer to the cell in the report."),
  value: z
    .union([z.number(), z.literal("blank"), z.literal("notApplicable"), z.literal("unread")])
    .describe("What the cell held."),
  source: sourcePositionSchema.optional(),
});

/** A table cell named by its codes. */
export type CellReference = z.infer<typeof cellReferenceSchema>;

/** Where a finding is: a cell by its codes, a JSON pointer, and the source position when known. */
export const diagnosticLocationSchema = z.object({
  table: z.enum(["table2", "table3", "table4"]).optional(),
  row: z.string().optional(),
  column: z.string().optional(),
  pointer: z.string().describe("JSON pointer into the report ('' for the whole report)."),
  source: sourcePositionSchema.optional().describe("Where in the source file, when the report was imported."),
});

/** Where a finding is. */
export type DiagnosticLocation = z.infer<typeof diagnosticLocationSchema>;

/** One finding about a report, from a rule or an importer. */
export const diagnosticSchema = z.object({
  ruleId: z
    .enum(diagnosticRuleIds as [DiagnosticRuleId, ...DiagnosticRuleId[]])
    .describe(
      "Stable rule id from the diagnostics registry, e.g. `table3/balance` or `import/run-together`. Only this version's ids parse: ids are never renamed or removed, so a diagnostic from a newer version with a new id needs that version to parse.",
    ),
  severity: z.enum(severities),
  message: localizedTextSchema,
  location: diagnosticLocationSchema,
  expected: z.union([z.number(), z.string()]).optional().describe("The value the rule expected."),
  actual: z.union([z.number(), z.string(), z.null()]).optional().describe("The value found (null: blank)."),
  cells: z.array(cellReferenceSchema).optional().describe("The cells the rule read."),
  fix: z
    .object({ value: z.number().optional(), message: localizedTextSchema })
    .optional()
    .describe("A fix that follows from the finding."),
  url: z.string().optional().describe("The rule's documentation page."),
  id: z
    .string()
    .optional()
    .describe("The finding's id, unique within one check's result (stable for the same report and options)."),
  causedBy: z
    .string()
    .optional()
    .describe("The id of the finding this one only follows from (an echo of the same fault), when there is one."),
});

/** One finding about a report. */
export type Diagnostic = z.infer<typeof diagnosticSchema>;
