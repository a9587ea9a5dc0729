import { readdirSync } from "node:fs";
import { diagnosticSchema, parseReport } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { fixture, seedFixture } from "./test-support";

// Whatever the input, the import is a valid report and every finding a valid diagnostic with a
// location.
// The corpus excerpts here, then the seed from @gongkai/test-reports.
const inputs: [string, () => Uint8Array][] = [
  ...readdirSync(new URL("./__fixtures__/", import.meta.url))
    .filter((name) => name.endsWith(".txt"))
    .map((name): [string, () => Uint8Array] => [name, () => fixture(name)]),
  ["liuzhou-yanghe-2020.txt", seedFixture],
];

describe("every fixture imports to a valid report", () => {
  it.each(inputs)("%s", (name, bytes) => {
    const { report, diagnostics } = fromText(bytes(), { fileName: name });
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    for (const diagnostic of diagnostics) {
      expect(diagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
      expect(diagnostic.ruleId.startsWith("import/")).toBe(true);
    }
  });
});
