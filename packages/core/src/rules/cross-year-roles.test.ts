// The cross-year rules find the rows and columns they compare by the roles the edition data gives
// (`fromLastYear`, `toNextYear`, `issuedThisYear`, `repealedThisYear`, `inForce`), not by their codes:
// an edition made up for this test codes them differently, and the rules still compare them, also
// against a 2021 report of last year.
import { describe, expect, it } from "vitest";
import {
  type CellAddress,
  check,
  createReport,
  type EditionId,
  type EditionTreeNode,
  edition2021,
  registerEdition,
  setCell,
} from "../index";

const table3 = edition2021.tables.table3;
const table2 = edition2021.tables.table2;
const recode = (code: string): string =>
  ({ carriedOver: "fromPriorYear", carriedForward: "toFollowingYear", made: "issued", valid: "inForce" })[code] ?? code;
const recoded = (nodes: readonly EditionTreeNode[]): EditionTreeNode[] =>
  nodes.map((node) => ({ ...node, code: recode(node.code) }));

registerEdition({
  ...edition2021,
  id: "test-roles",
  appliesToReportYears: "2040-",
  narrativeTargets: {
    ...edition2021.narrativeTargets,
    carriedOver: [{ table: "table3", row: "fromPriorYear", column: "total" }],
    carriedForward: [{ table: "table3", row: "toFollowingYear", column: "total" }],
    normativeDocumentsMade: [{ table: "table2", row: "art20_1.normativeDocuments", column: "issued" }],
  },
  tables: {
    ...edition2021.tables,
    table2: {
      ...table2,
      subTables: table2.subTables.map((sub) => ({ ...sub, columns: recoded(sub.columns) })),
    },
    table3: {
      ...table3,
      relations: [
        { ...table3.relations[0], equation: "newReceived + fromPriorYear = results.totalProcessed + toFollowingYear" },
      ],
      rows: recoded(table3.rows),
    },
  },
});
const edition = "test-roles" as EditionId;
const at = (table: "table2" | "table3", row: string, column: string) =>
  ({ table, row, column }) as unknown as CellAddress;

/** A report of the test edition for 2041 and last year's. */
const reports = () => ({
  current: createReport({ edition, year: 2041 }),
  prior: createReport({ edition, year: 2040 }),
});

describe("cross-year rules read the roles in the edition data", () => {
  it("cross-year/carry-over compares the rows marked fromLastYear and toNextYear", () => {
    const { current, prior } = reports();
    const ruleId = "cross-year/carry-over";
    setCell(prior, at("table3", "toFollowingYear", "naturalPerson"), 3);
    setCell(current, at("table3", "fromPriorYear", "naturalPerson"), 2);
    const found = check(current, { prior }).filter((diagnostic) => diagnostic.ruleId === ruleId);
    expect(found.map(({ location, expected, actual }) => [location.row, location.column, expected, actual])).toEqual([
      ["fromPriorYear", "naturalPerson", 3, 2],
    ]);
    // Against last year's 2021 report, whose row is coded carriedForward.
    const prior2021 = createReport({ edition: "2021", year: 2040 });
    setCell(prior2021, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 3);
    const across = check(current, { prior: prior2021 }).filter((diagnostic) => diagnostic.ruleId === ruleId);
    expect(across.map(({ location, expected, actual }) => [location.row, expected, actual])).toEqual([
      ["fromPriorYear", 3, 2],
    ]);
  });

  it("cross-year/valid-documents reads the columns marked issuedThisYear, repealedThisYear and inForce", () => {
    const { current, prior } = reports();
    const ruleId = "cross-year/valid-documents";
    setCell(prior, at("table2", "art20_1.regulations", "inForce"), 10);
    setCell(current, at("table2", "art20_1.regulations", "issued"), 3);
    setCell(current, at("table2", "art20_1.regulations", "repealed"), 1);
    setCell(current, at("table2", "art20_1.regulations", "inForce"), 11);
    const found = check(current, { prior }).filter((diagnostic) => diagnostic.ruleId === ruleId);
    expect(found.map(({ location, expected, actual }) => [location.row, location.column, expected, actual])).toEqual([
      ["art20_1.regulations", "inForce", 12, 11],
    ]);
  });
});
