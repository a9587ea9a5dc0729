import { readFileSync } from "node:fs";
import { editionIds, getTableDefinition, tableIds } from "@gongkai/core";
import { seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { reportJsonSchema as buildSchema, reportSchemaUrl, toJson } from "./index";

type Schema = {
  $ref?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
};

const reportJsonSchema = buildSchema();
const defs = (reportJsonSchema.$defs ?? {}) as Record<string, Schema>;

function resolve(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace("#/$defs/", "");
    const target = defs[name];
    if (!target) throw new Error(`dangling $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** Pick the `oneOf` branch whose constants (the discriminator) all match the value. */
function branchFor(schema: Schema, value: Record<string, unknown>): Schema {
  const resolved = resolve(schema);
  const options = resolved.oneOf ?? resolved.anyOf;
  if (!options) return resolved;
  const matches = options
    .map(resolve)
    .filter((option) =>
      Object.entries(option.properties ?? {}).every(
        ([key, property]) => resolve(property).const === undefined || resolve(property).const === value[key],
      ),
    );
  expect(matches, `one branch for ${JSON.stringify(value).slice(0, 60)}`).toHaveLength(1);
  return matches[0] as Schema;
}

/**
 * Walk a JSON value alongside the schema: every key must be declared, every required key
 * present, every const and enum matched, every type right. Not a validator, a structural check.
 */
function assertFits(value: unknown, schema: Schema, pointer: string): void {
  const resolved = resolve(schema);
  if (Array.isArray(value)) {
    expect(resolved.type, pointer).toBe("array");
    value.forEach((item, index) => {
      assertFits(item, resolved.items ?? {}, `${pointer}/${index}`);
    });
    return;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const branch = branchFor(resolved, record);
    expect(branch.type, pointer).toBe("object");
    for (const key of branch.required ?? []) expect(Object.keys(record), `${pointer} requires ${key}`).toContain(key);
    for (const [key, child] of Object.entries(record)) {
      const property = branch.properties?.[key];
      expect(property, `${pointer}/${key} is declared`).toBeDefined();
      assertFits(child, property ?? {}, `${pointer}/${key}`);
    }
    return;
  }
  if (resolved.const !== undefined) expect(value, pointer).toBe(resolved.const);
  if (resolved.enum) expect(resolved.enum, pointer).toContain(value);
  const type =
    typeof value === "number" ? (Number.isInteger(value) ? ["number", "integer"] : ["number"]) : [typeof value];
  if (resolved.type) expect(type, pointer).toContain(resolved.type);
}

describe("reportJsonSchema", () => {
  it("is the file shipped in schema/report.schema.json", () => {
    const shipped = readFileSync(new URL("../schema/report.schema.json", import.meta.url), "utf8");
    expect(shipped).toBe(`${JSON.stringify(reportJsonSchema, null, 2)}\n`);
  });

  it("is draft 2020-12, identified by the URL canonical JSON points at", () => {
    expect(reportJsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(reportJsonSchema.$id).toBe(reportSchemaUrl);
  });

  it("is oneOf the two editions, told apart by the edition constant, with the report's required keys", () => {
    const branches = (reportJsonSchema.oneOf ?? []).map((branch) => resolve(branch as Schema));
    expect(branches.map((branch) => resolve(branch.properties?.edition ?? {}).const)).toEqual(["2019", "2021"]);
    for (const branch of branches) {
      expect(branch.required).toEqual(["edition", "meta", "preamble", "parts", "tables"]);
      expect(resolve(branch.properties?.schemaVersion ?? {}).const).toBe(1);
      expect(Object.keys(branch.properties ?? {})).toContain("$schema");
    }
  });

  it("declares every row and column of both editions, each cell a Cell", () => {
    const cell = defs.Cell;
    expect(cell?.oneOf?.map((option) => resolve(option.properties?.kind ?? {}).const)).toEqual([
      "number",
      "blank",
      "notApplicable",
      "unread",
    ]);
    for (const edition of editionIds) {
      for (const table of tableIds) {
        const tableSchema = resolve({ $ref: `#/$defs/${table[0]?.toUpperCase()}${table.slice(1)}Edition${edition}` });
        const rows = resolve(tableSchema.properties?.rows ?? {});
        const definition = getTableDefinition(edition, table);
        // Every row, then the optional rows of groups a report may print as one row (2021's （六）其他处理).
        const listed = [...definition.rows, ...definition.groupRows];
        expect(Object.keys(rows.properties ?? {})).toEqual(listed.map((row) => row.key));
        expect(rows.required).toEqual(definition.rows.map((row) => row.key));
        for (const row of listed) {
          const columns = resolve(rows.properties?.[row.key] ?? {});
          expect(Object.keys(columns.properties ?? {})).toEqual(row.columns.map((column) => column.key));
          for (const column of row.columns) expect(columns.properties?.[column.key]).toEqual({ $ref: "#/$defs/Cell" });
        }
      }
    }
  });

  it("fits the canonical JSON of a real report, key by key", () => {
    const document = JSON.parse(toJson(seedReport())) as unknown;
    assertFits(document, reportJsonSchema as Schema, "");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(reportJsonSchema)).toBe(true);
    expect(Object.isFrozen(reportJsonSchema.$defs?.Cell)).toBe(true);
    expect(buildSchema()).toBe(reportJsonSchema);
  });
});
