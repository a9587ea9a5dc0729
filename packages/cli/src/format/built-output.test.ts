import { join } from "node:path";
import { corpusDirectory } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { fixturesDir, runBuiltCli } from "../test-cli";

// What a user sees when the importer could not read part of a report, through the built command.
// Corpus excerpt 045 (西咸新区太平镇人民政府 2022, a page cut off inside table 三);
// liuzhou-yanghe-2020.json is the seed, whose 总计 column's imbalance only echoes 自然人's.
const cut = join(corpusDirectory, "excerpts/045.txt");
// Corpus excerpt 107 (平潭综合实验区 2019): its rows' digits ran together; 一、本年新收 printed
// "230 000023", three splits.
const runTogether = join(corpusDirectory, "excerpts/107.txt");
const seedJson = "liuzhou-yanghe-2020.json";
const seedText = "liuzhou-yanghe-2020.txt";

const gongkai = (args: readonly string[]) => runBuiltCli(args, { cwd: fixturesDir });

interface JsonResult {
  file: string;
  coverage: { verified: number; unverifiable: number; inferred: number } | null;
  diagnostics: Array<{ id?: string; ruleId: string; severity: string; causedBy?: string }>;
}

describe("the built gongkai on imperfect input", { timeout: 60_000 }, () => {
  it("gives each JSON result core's coverage, and no arithmetic error for a cut-off table", () => {
    const { code, stdout } = gongkai(["check", cut, seedJson, "--format", "json"]);
    expect(code).toBe(1);
    const results = (JSON.parse(stdout) as { results: JsonResult[] }).results;
    const [taiping, seed] = results;
    // Table 三 stops after （三）3: 32 of its relation instances read a cell the text never reached,
    // and table 四's 3 are not there at all (the info findings say which).
    expect(taiping?.coverage).toEqual({ verified: 7, unverifiable: 35, inferred: 0 });
    expect(taiping?.diagnostics.filter((diagnostic) => /^table[34]\//.test(diagnostic.ruleId))).toEqual([]);
    expect(seed?.coverage?.unverifiable).toBe(0);
    expect(seed?.coverage?.inferred).toBe(0);
    expect(seed?.coverage?.verified).toBeGreaterThan(0);
    const echo = seed?.diagnostics.find((diagnostic) => diagnostic.causedBy !== undefined);
    expect(echo).toMatchObject({
      ruleId: "table3/balance",
      id: "table3/balance@/tables/table3/rows/carriedForward/total",
      causedBy: "table3/balance@/tables/table3/rows/carriedForward/naturalPerson",
    });
    expect(seed?.diagnostics.some((diagnostic) => diagnostic.id === echo?.causedBy)).toBe(true);
  });

  it("prints one coverage line per file in stylish output, in the run's language", () => {
    const zh = gongkai(["check", cut]);
    expect(zh.stdout).toContain("\n  已核对 7 项勾稽关系，35 项因单元格或表格未读出无法核对\n");
    expect(zh.stdout).not.toMatch(/个原因/);
    const en = gongkai(["check", cut, "--lang", "en"]);
    expect(en.stdout).toContain("\n  verified 7 sum relations; 35 could not be verified (cells or tables not read)\n");
  });

  it("folds the seed's echo under the finding it follows from and counts causes", () => {
    const { stdout } = gongkai(["check", seedText]);
    const lines = stdout.split("\n");
    const echo = lines.findIndex((line) => line.startsWith("  ↳ "));
    expect(lines[echo]).toMatch(/^ {2}↳ 185:1 +错误 {2}总计列不平衡/);
    expect(lines[echo - 1]).toMatch(/^ {2}179:1 +错误 {2}自然人列不平衡/);
    expect(lines.filter((line) => line.startsWith("  ↳ "))).toHaveLength(1);
    expect(stdout).toContain("✖ 共 9 个问题（8 个原因；7 个错误，2 个警告，0 个提示）");
  });

  it("lists a caused finding's root in SARIF relatedLocations", () => {
    const { stdout } = gongkai(["check", seedText, "--format", "sarif", "--lang", "en"]);
    const log = JSON.parse(stdout) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          locations: Array<{ physicalLocation: { region: { startLine: number } } }>;
          relatedLocations?: Array<{
            id: number;
            message: { text: string };
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
            logicalLocations?: Array<{ fullyQualifiedName: string; kind: string }>;
          }>;
          properties: { id?: string; causedBy?: string };
        }>;
      }>;
    };
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(9);
    const caused = results.filter((result) => result.relatedLocations !== undefined);
    expect(caused).toHaveLength(1);
    const [echo] = caused;
    expect(echo?.locations[0]?.physicalLocation.region.startLine).toBe(185);
    // SARIF 2.1.0 §3.27.22: relatedLocations is an array of location objects; each id an integer ≥ 0.
    expect(echo?.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: seedText },
          region: expect.objectContaining({ startLine: 179, startColumn: 1 }),
        },
        logicalLocations: [{ fullyQualifiedName: "/tables/table3/rows/carriedForward/naturalPerson", kind: "member" }],
        message: { text: expect.stringMatching(/^Follows from: Column Natural persons does not balance/) },
      },
    ]);
    expect(echo?.properties.causedBy).toBe("table3/balance@/tables/table3/rows/carriedForward/naturalPerson");
  });

  it("writes the state of every cell in the CSV, and no value for an unread one", () => {
    const { code, stdout } = gongkai(["import", cut, "--format", "csv"]);
    expect(code).toBe(0);
    const lines = stdout.split("\r\n");
    expect(lines[0]).toBe("table,row,column,value,raw,source,state");
    const rows = lines.slice(1, -1).map((line) => line.split(","));
    const states = new Map<string, number>();
    for (const row of rows) states.set(row[6] as string, (states.get(row[6] as string) ?? 0) + 1);
    // Table 二 and table 三 through （三）3 were read; the 126 table 三 cells after the cut are unread.
    expect(states.get("unread")).toBe(126);
    for (const row of rows.filter((fields) => fields[6] === "unread")) expect(row[3]).toBe("");
    expect(rows.every((row) => row.length === 7)).toBe(true);
  });

  it("keeps run-together digits unread by default, and takes the one split that holds with --infer-splits", () => {
    const plain = JSON.parse(gongkai(["check", runTogether, "--format", "json"]).stdout) as { results: JsonResult[] };
    expect(plain.results[0]?.coverage).toEqual({ verified: 32, unverifiable: 8, inferred: 0 });
    const inferred = JSON.parse(gongkai(["check", runTogether, "--format", "json", "--infer-splits"]).stdout) as {
      results: JsonResult[];
    };
    // 一、本年新收 becomes 23|0|0|0|0|0|23: its 7 balances and its row total chose it.
    expect(inferred.results[0]?.coverage).toEqual({ verified: 32, unverifiable: 0, inferred: 8 });
    expect(inferred.results[0]?.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const stylish = gongkai(["check", runTogether, "--infer-splits", "--lang", "en"]).stdout;
    expect(stylish).toContain(
      "\n  verified 32 sum relations; 8 used to infer the split of run-together digits (not counted as verified)\n",
    );

    const csv = gongkai(["import", runTogether, "--format", "csv", "--infer-splits"]).stdout.split("\r\n");
    const newReceived = csv.filter((line) => line.startsWith("table3,newReceived,"));
    expect(newReceived.map((line) => line.split(",").slice(2, 4).concat(line.split(",").slice(-1)))).toEqual([
      ["naturalPerson", "23", "inferred"],
      ["legalPerson.commercial", "0", "inferred"],
      ["legalPerson.research", "0", "inferred"],
      ["legalPerson.socialWelfare", "0", "inferred"],
      ["legalPerson.legalService", "0", "inferred"],
      ["legalPerson.other", "0", "inferred"],
      ["total", "23", "inferred"],
    ]);
    // Table 二 has no sum relations: its 19 run-together cells stay unread, with no value.
    const table2 = csv.filter((line) => line.startsWith("table2,") && line.endsWith(",unread"));
    expect(table2).toHaveLength(19);
    const json = JSON.parse(gongkai(["import", runTogether, "--infer-splits"]).stdout) as {
      tables: { table3: { rows: { newReceived: { naturalPerson: unknown } } } };
    };
    expect(json.tables.table3.rows.newReceived.naturalPerson).toMatchObject({
      kind: "number",
      value: 23,
      raw: "230 000023",
      inferred: { from: "runTogether", relation: "table3/balance,table3/row-total" },
    });
  });
});
