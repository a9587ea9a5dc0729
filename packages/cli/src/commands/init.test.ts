import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createReport } from "@gongkai/core";
import { parseJson, reportSchemaUrl, toJson } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { runCli, temporaryDirectory } from "../test-cli";

describe("gongkai init", () => {
  it("prints an empty report of the edition and year as canonical JSON", async () => {
    const { code, stdout } = await runCli([
      "init",
      "--edition",
      "2021",
      "--year",
      "2025",
      "--agency",
      "某市统计局",
      "--kind",
      "department",
    ]);
    expect(code).toBe(0);
    const expected = createReport({ edition: "2021", year: 2025, agency: { name: "某市统计局", kind: "department" } });
    expect(stdout).toBe(toJson(expected));
    expect(parseJson(stdout)).toEqual(expected);
    expect(JSON.parse(stdout).$schema).toBe(reportSchemaUrl);
  });

  it("writes a template that check reads and does not pass: every table is blank (exit 1)", async () => {
    const blank = await runCli(["init", "--year", "2025", "--kind", "department", "--agency", "某市统计局"]);
    const checked = await runCli(["check", "-", "--lang", "en", "--format", "json"], { stdin: blank.stdout });
    expect(checked.code).toBe(1);
    const findings = JSON.parse(checked.stdout).results[0].diagnostics as Array<Record<string, unknown>>;
    expect(findings.map(({ ruleId, severity }) => [ruleId, severity])).toEqual([
      ["structure/empty-table", "error"],
      ["structure/empty-table", "error"],
      ["structure/empty-table", "error"],
    ]);
  });

  it("takes the edition from the year when --edition is left out, and writes -o", async () => {
    const directory = temporaryDirectory();
    expect((await runCli(["init", "--year", "2020", "-o", "new/report.json"], { cwd: directory })).code).toBe(0);
    const report = parseJson(readFileSync(join(directory, "new/report.json"), "utf8"));
    expect(report.edition).toBe("2019");
    expect(report.meta).toEqual({ agency: { name: "", kind: "unknown" }, year: 2020 });
  });

  it("refuses a missing or bad year, edition or kind", async () => {
    for (const args of [
      ["init"],
      ["init", "--year", "25"],
      ["init", "--year", "2018"],
      ["init", "--year", "2025", "--edition", "2027"],
      ["init", "--year", "2025", "--kind", "ministry"],
      ["init", "--year", "2025", "extra.json"],
    ]) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(/^gongkai: /);
    }
  });
});
