import { diagnosticSchema, parseReport } from "@gongkai/core";
import { corpusExcerptNames } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fromText } from "./from-text";
import { excerpt, seedFixture } from "./test-support";

// Whatever the input, the import is a valid report and every finding a valid diagnostic with a
// location.
// The corpus excerpts (named corpus-NNN.txt, as when they were copies here), then the seed, both
// from @gongkai/test-reports.
const inputs: [string, () => Uint8Array][] = [
  ...corpusExcerptNames().map((name): [string, () => Uint8Array] => [`corpus-${name}`, () => excerpt(name)]),
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
