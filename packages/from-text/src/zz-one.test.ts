import { readFileSync } from "node:fs";
import { it } from "vitest";
import { fromText } from "./from-text";
it("one", () => {
  const f = process.env.F ?? "083";
  const { report, diagnostics } = fromText(readFileSync(`/work/shared/corpus/excerpts/${f}.txt`));
  console.log(JSON.stringify(report.meta), report.parts.map((p) => p.heading), diagnostics.map((d) => d.ruleId + " " + d.message.en));
});
