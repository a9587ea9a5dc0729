import { readdirSync } from "node:fs";
import { diagnosticSchema, parseReport } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { fixture } from "./test-support";

// Whatever the input, the import is a valid report and every finding a valid diagnostic with a
// location.
const names = readdirSync(new URL("./__fixtures__/", import.meta.url)).filter((name) => name.endsWith(".txt"));

describe("every fixture imports to a valid report", () => {
  it.each(names)("%s", (name) => {
    const { report, diagnostics } = fromText(fixture(name), { fileName: name });
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    for (const diagnostic of diagnostics) {
      expect(diagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
      expect(diagnostic.ruleId.startsWith("import/")).toBe(true);
    }
  });
});
