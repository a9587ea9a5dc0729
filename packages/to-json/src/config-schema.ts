import { agencyKinds, importRuleIds, ruleIds, ruleLevels } from "@gongkai/core";
import * as z from "zod";

/** Where the JSON Schema of the config file shipped in this package is published. */
export const configSchemaUrl = "https://unpkg.com/@gongkai/to-json/schema/config.schema.json";

/** A rule's configured level: its severity, or `off`. */
export const ruleLevelSchema = z.enum(ruleLevels).describe("The rule's severity, or `off` to skip it.");

const ruleIdSchema = z.enum([...ruleIds, ...importRuleIds]);

/**
 * The gongkai config file: `gongkai.config.json`, `gongkai.config.js` (its default export) or a
 * `"gongkai"` key in package.json, found upward from the working directory. Paths in it are
 * relative to the folder the config file is in. Command-line flags win over it.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional().describe("The JSON Schema this file follows."),
    rules: z
      .partialRecord(ruleIdSchema, ruleLevelSchema)
      .optional()
      .describe('Severity per rule id (check() rules and import/* findings), e.g. { "meta/deadline": "off" }.'),
    agencyKind: z
      .enum(agencyKinds)
      .optional()
      .describe("The agency kind every checked report is taken to have (it decides the publication deadline)."),
    deadlines: z
      .partialRecord(
        z.enum(agencyKinds),
        z
          .string()
          .regex(/^\d{2}-\d{2}$/)
          .nullable(),
      )
      .optional()
      .describe("Publication deadlines as MM-DD of the year after the report year, per agency kind; null for none."),
    maxWarnings: z
      .int()
      .min(-1)
      .optional()
      .describe("Fail when there are more warnings than this (-1: no limit), as --max-warnings."),
    prior: z
      .record(z.string(), z.string())
      .optional()
      .describe('Last year\'s report of each checked file: { "reports/2024.json": "reports/2023.json" }.'),
    ignore: z
      .array(z.string())
      .optional()
      .describe("Files and folders not to read when expanding folders and globs (.gitignore patterns)."),
    lang: z
      .enum(["zh", "en"])
      .optional()
      .describe("The language of findings and messages (default: from LANG, else zh)."),
  })
  .strict()
  .describe("The gongkai config file.");

/** The gongkai config file, as {@link configSchema} reads it. */
export type Config = z.infer<typeof configSchema>;

/**
 * The JSON Schema (draft 2020-12) of the config file, generated from {@link configSchema}; the same
 * schema is shipped as `schema/config.schema.json`.
 */
export function configJsonSchema(): z.core.JSONSchema.BaseSchema {
  const generated = z.toJSONSchema(configSchema, { target: "draft-2020-12", io: "input" });
  return JSON.parse(
    JSON.stringify({ ...generated, $id: configSchemaUrl, title: "gongkai config file" }),
  ) as z.core.JSONSchema.BaseSchema;
}
