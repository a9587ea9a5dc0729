import {
  cellSchema,
  metaSchema,
  narrativeBlockSchema,
  partSchema,
  report2019Schema,
  report2021Schema,
  reportSchema,
  sourcePositionSchema,
} from "@gongkai/core";
import * as z from "zod";
import { reportSchemaUrl, reportSchemaVersion } from "./report-schema-constants";

type Meta = Record<string, unknown>;

function isSchema(value: unknown): value is z.core.$ZodType {
  if (typeof value !== "object" || value === null || !("_zod" in value)) return false;
  const internals = (value as { _zod: { def?: { type?: unknown } } })._zod;
  return typeof internals.def?.type === "string";
}

/**
 * Copy the metadata (`.describe()`, `.meta()`) of every schema reachable from `root` out of the
 * global registry into `registry`, so named definitions can be added without touching the global
 * registry that core's schemas live in.
 */
function copyMetadata(root: z.core.$ZodType, registry: z.core.$ZodRegistry<Meta>): void {
  const seen = new Set<unknown>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    if (isSchema(value)) {
      const meta = z.globalRegistry.get(value);
      if (meta) registry.add(value, { ...meta });
      const { def } = value._zod;
      for (const key of Object.keys(def)) {
        if (key === "checks" || key === "parent") continue;
        pending.push((def as unknown as Record<string, unknown>)[key]);
      }
      continue;
    }
    // A shape: the values of a plain object.
    if (Object.getPrototypeOf(value) === Object.prototype) pending.push(...Object.values(value));
  }
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

function name(registry: z.core.$ZodRegistry<Meta>, schema: z.core.$ZodType, id: string): void {
  registry.add(schema, { ...(registry.get(schema) ?? {}), id });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function buildReportJsonSchema(): Readonly<z.core.JSONSchema.BaseSchema> {
  const registry = z.registry<Meta>();
  copyMetadata(reportSchema, registry);
  name(registry, cellSchema, "Cell");
  name(registry, sourcePositionSchema, "SourcePosition");
  name(registry, narrativeBlockSchema, "NarrativeBlock");
  name(registry, partSchema, "Part");
  name(registry, metaSchema, "Meta");
  for (const [edition, schema] of [
    ["2019", report2019Schema],
    ["2021", report2021Schema],
  ] as const) {
    name(registry, schema, `Report${edition}`);
    const tables = schema.shape.tables.shape;
    name(registry, unwrapOptional(tables.table2), `Table2Edition${edition}`);
    name(registry, unwrapOptional(tables.table3), `Table3Edition${edition}`);
    name(registry, unwrapOptional(tables.table4), `Table4Edition${edition}`);
  }
  // A JSON round trip keeps plain data only (no `~standard` or other non-JSON members).
  const generated = JSON.parse(
    JSON.stringify(
      z.toJSONSchema(reportSchema, {
        target: "draft-2020-12",
        io: "input",
        metadata: registry,
        unrepresentable: "throw",
      }),
    ),
  ) as z.core.JSONSchema.BaseSchema;
  const { $schema, $defs, ...rest } = generated;
  if (!$defs) throw new Error("JSON Schema generation produced no $defs");
  // The envelope keys canonical JSON adds; parseJson accepts and strips them.
  for (const id of ["Report2019", "Report2021"]) {
    const definition = $defs[id];
    if (!definition) throw new Error(`JSON Schema generation lost the ${id} definition`);
    definition.properties = {
      $schema: { type: "string", description: "The JSON Schema this file follows." },
      schemaVersion: {
        type: "integer",
        const: reportSchemaVersion,
        description: "The version of the gongkai report JSON format.",
      },
      ...definition.properties,
    };
  }
  return deepFreeze({
    $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
    $id: reportSchemaUrl,
    title: "政府信息公开工作年度报告 (gongkai report)",
    description:
      "A Government Information Disclosure annual report as gongkai models it, in the 2019 or 2021 format edition (discriminated by `edition`). Generated from @gongkai/core's zod schema.",
    ...rest,
    $defs,
  });
}

let built: Readonly<z.core.JSONSchema.BaseSchema> | undefined;

/**
 * The JSON Schema (draft 2020-12) of a report file, generated from core's zod `reportSchema`
 * (`z.toJSONSchema`, input types). `oneOf` the two editions, told apart by the `edition` constant;
 * shared pieces (`Cell`, `SourcePosition`, `Part`, …) are named under `$defs`. The same schema is
 * shipped as `schema/report.schema.json`. Deeply frozen. Built on the first call (tens of
 * milliseconds) and the same object returned after that, so loading the package (for `parseJson`,
 * say) never pays for it.
 *
 * @example
 * const schema = reportJsonSchema();
 * schema.$id // "https://unpkg.com/@gongkai/to-json/schema/report.schema.json"
 */
export function reportJsonSchema(): Readonly<z.core.JSONSchema.BaseSchema> {
  built ??= buildReportJsonSchema();
  return built;
}
