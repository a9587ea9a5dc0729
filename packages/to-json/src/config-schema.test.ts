import { readFileSync } from "node:fs";
import { importRuleIds, ruleIds } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { configJsonSchema, configSchema, configSchemaUrl } from "./index";

describe("configSchema", () => {
  it("reads a config with every field", () => {
    const config = configSchema.parse({
      rules: { "meta/deadline": "off", "import/split-digits": "error" },
      agencyKind: "peoplesGovernment",
      deadlines: { department: "02-28", townshipStreet: null },
      maxWarnings: 0,
      prior: { "2024.json": "2023.json" },
      ignore: ["drafts/"],
      lang: "en",
    });
    expect(config.rules?.["meta/deadline"]).toBe("off");
    expect(config.deadlines?.townshipStreet).toBeNull();
  });

  it("rejects an unknown rule, a bad level, a bad deadline and an unknown key, each at its path", () => {
    const result = configSchema.safeParse({
      rules: { "table9/nope": "off", "meta/deadline": "loud" },
      deadlines: { department: "Jan 31" },
      colour: true,
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("/")).sort();
    expect(paths).toEqual(["", "deadlines/department", "rules", "rules/meta/deadline"].sort());
  });

  it("has a JSON Schema that lists every rule id and is the file shipped in schema/", () => {
    const schema = configJsonSchema() as { $id: string; properties: Record<string, { propertyNames?: unknown }> };
    expect(schema.$id).toBe(configSchemaUrl);
    const text = JSON.stringify(schema.properties.rules);
    for (const id of [...ruleIds, ...importRuleIds]) expect(text).toContain(`"${id}"`);
    const shipped = JSON.parse(readFileSync(new URL("../schema/config.schema.json", import.meta.url), "utf8"));
    expect(shipped).toEqual(schema);
  });
});
