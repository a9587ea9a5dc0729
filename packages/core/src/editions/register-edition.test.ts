import { describe, expect, it } from "vitest";
import { EditionDataError } from "../errors/edition-data-error";
import { edition2021 } from "./edition-data";
import { getEdition, listEditions } from "./editions";
import { registerEdition } from "./register-edition";

/** 2021's data under another id, with `change` applied to table 三. */
function variant(
  id: string,
  change: (table3: Record<string, unknown>) => Record<string, unknown> = (table3) => table3,
) {
  const data = JSON.parse(JSON.stringify(edition2021));
  return { ...data, id, tables: { ...data.tables, table3: change(data.tables.table3) } };
}

/** The problems an EditionDataError lists for `input`. */
function problemsOf(input: unknown) {
  try {
    registerEdition(input);
  } catch (error) {
    if (EditionDataError.isInstance(error)) return error.problems;
    throw error;
  }
  throw new Error("registered");
}

describe("registerEdition", () => {
  it("adds an edition that getEdition and listEditions then give", () => {
    const data = registerEdition(variant("copy-of-2021"));
    expect(getEdition("copy-of-2021")).toBe(data);
    expect(listEditions().map((edition) => edition.id)).toEqual(["2019", "2021", "copy-of-2021"]);
    // The same data again is no change; other data under the id is refused.
    expect(registerEdition(variant("copy-of-2021"))).toBe(data);
    expect(problemsOf({ ...variant("copy-of-2021"), document: "另一份文件" })).toEqual([
      { pointer: "/id", message: "the edition copy-of-2021 is already registered" },
    ]);
  });

  it("refuses data that is not an edition, or a built-in id", () => {
    expect(problemsOf({ id: "x" }).map((problem) => problem.pointer)).toContain("/tables");
    expect(problemsOf(null)[0]?.pointer).toBe("");
    expect(problemsOf(variant("2021"))).toEqual([{ pointer: "/id", message: "2021 is a built-in edition" }]);
    expect(() => getEdition("no-such-edition")).toThrow(EditionDataError);
  });

  it("refuses a sum expression that names no key, with where it is", () => {
    const problems = problemsOf(
      variant("bad-sum", (table3) => ({
        ...table3,
        relations: [{ rule: "table3/balance", along: "rows", equation: "newReceived = carriedOverr", printed: true }],
      })),
    );
    expect(problems).toEqual([
      { pointer: "/tables/table3/relations/0", message: 'the term "carriedOverr" of "carriedOverr" names no key' },
    ]);
  });

  it("refuses a repeated key and a narrative target naming no cell", () => {
    const repeated = variant("repeated", (table3) => {
      const rows = table3.rows as Array<{ code: string }>;
      return { ...table3, rows: [...rows, rows[0]] };
    });
    expect(problemsOf(repeated)).toEqual([{ pointer: "/tables/table3", message: "the row newReceived occurs twice" }]);
    const target = {
      ...variant("bad-target"),
      narrativeTargets: { newReceived: [{ table: "table3", row: "newReceived", column: "everyone" }] },
    };
    expect(problemsOf(target)).toEqual([
      { pointer: "/narrativeTargets/newReceived/0", message: "table3 has no cell newReceived/everyone" },
    ]);
  });
});
