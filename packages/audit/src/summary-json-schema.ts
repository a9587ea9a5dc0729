import * as z from "zod";
import { auditSummarySchema } from "./summary";

/** Where the summary's JSON Schema is published (also written beside `summary.json`). */
export const auditSummarySchemaUrl = "https://unpkg.com/@gongkai/audit/schema/summary.schema.json";

/**
 * The JSON Schema (draft 2020-12) of `summary.json`, generated from {@link auditSummarySchema}
 * (`z.toJSONSchema`). Shipped as `schema/summary.schema.json`.
 */
export function auditSummaryJsonSchema(): z.core.JSONSchema.BaseSchema {
  return JSON.parse(
    JSON.stringify(z.toJSONSchema(auditSummarySchema, { target: "draft-2020-12", unrepresentable: "throw" })),
  ) as z.core.JSONSchema.BaseSchema;
}
