import { readFileSync, writeFileSync } from "node:fs";
import { it } from "vitest";
import { fromText } from "./from-text";

it("dump", () => {
  const dir = "/work/shared/corpus/excerpts/";
  const manifest = readFileSync(dir + "manifest.tsv", "utf8").trim().split("\n").slice(1).map((l) => l.split("\t"));
  const out: string[] = [];
  for (const row of manifest) {
    const [file, , agency, year, edition, , t3, complete] = row;
    try {
      const { report, diagnostics } = fromText(readFileSync(dir + file));
      const ok = (a: unknown, b: unknown) => (String(a) === String(b) ? "  " : "XX");
      out.push(`${file} ${ok(report.meta.year, year)}y=${report.meta.year}/${year} ${edition === "unknown" ? "  " : ok(report.edition, edition)}e=${report.edition}/${edition} ${ok(report.meta.agency.name, agency)}a=${report.meta.agency.name} | ${agency} t3=${t3}:${report.tables.table3 ? "present" : "-"} c=${complete} ${diagnostics.map((d) => d.ruleId.replace("import/", "")).join(",")}`);
    } catch (error) {
      out.push(`${file} THROW ${(error as Error).name} ${(error as Error).message}`);
    }
  }
  writeFileSync("/tmp/dump.txt", out.join("\n") + "\n");
});
