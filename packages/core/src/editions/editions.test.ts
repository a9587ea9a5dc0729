import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editionIds, editions, getTableDefinition } from "../index";

const specUrl = new URL("../../../../../shared/spec/format-editions.json", import.meta.url);
const hasSpec = existsSync(specUrl);

interface SpecNode {
  readonly code: string;
  readonly label: string;
  readonly children?: readonly SpecNode[];
  readonly rows?: readonly SpecNode[];
  readonly columns?: readonly SpecNode[];
}

/** Codes and labels of a tree, nothing else: what both files must agree on. */
function codesAndLabels(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(codesAndLabels);
  const { code, label, children, rows, columns } = node as SpecNode;
  return {
    code,
    label,
    ...(children === undefined ? {} : { children: codesAndLabels(children) }),
    ...(rows === undefined ? {} : { rows: codesAndLabels(rows) }),
    ...(columns === undefined ? {} : { columns: codesAndLabels(columns) }),
  };
}

function spec(): {
  editions: Array<Record<string, unknown> & { id: string; tables: Record<string, Record<string, unknown>> }>;
} {
  return JSON.parse(readFileSync(specUrl, "utf8"));
}

describe("edition data", () => {
  it.skipIf(!hasSpec)("has the editions of the spec, in order", () => {
    expect(spec().editions.map((edition) => edition.id)).toEqual([...editionIds]);
  });

  for (const id of editionIds) {
    describe(`the ${id} edition`, () => {
      const ours = editions[id];
      const theirs = () => {
        const found = spec().editions.find((edition) => edition.id === id);
        if (!found) throw new Error(`format-editions.json has no edition ${id}`);
        return found;
      };

      it.skipIf(!hasSpec)("matches the spec's document, title and sections", () => {
        const edition = theirs();
        expect(ours.document).toBe(edition.document);
        expect(ours.formatTitle).toBe(edition.formatTitle);
        expect(ours.issued).toBe(edition.issued);
        expect(codesAndLabels(ours.sections)).toEqual(codesAndLabels(edition.sections));
      });

      it.skipIf(!hasSpec)("matches every code and label of table 二", () => {
        const table = theirs().tables.table2 as Record<string, unknown>;
        expect(ours.tables.table2.title).toBe(table.title);
        expect(ours.tables.table2.firstColumnHeader).toBe(table.firstColumnHeader);
        expect(codesAndLabels(ours.tables.table2.subTables)).toEqual(codesAndLabels(table.subTables));
        const signed = (subTables: unknown) =>
          (subTables as Array<{ columns: Array<{ code: string; signed?: boolean; unit?: string | null }> }>).flatMap(
            (sub) => sub.columns.map((column) => [column.code, column.signed === true, column.unit ?? null]),
          );
        expect(signed(ours.tables.table2.subTables)).toEqual(signed(table.subTables));
      });

      it.skipIf(!hasSpec)("matches every code and label of table 三, and the 条例 articles of its outcomes", () => {
        const table = theirs().tables.table3 as Record<string, unknown>;
        expect(ours.tables.table3.title).toBe(table.title);
        expect(ours.tables.table3.headerNote).toBe(table.headerNote);
        expect(codesAndLabels(ours.tables.table3.columns)).toEqual(codesAndLabels(table.columns));
        expect(codesAndLabels(ours.tables.table3.rows)).toEqual(codesAndLabels(table.rows));
        const articles = (rows: unknown): unknown[] =>
          (rows as Array<SpecNode & { articles?: readonly string[] }>).flatMap((row) => [
            [row.code, row.articles ?? []],
            ...articles(row.children ?? []),
          ]);
        expect(articles(ours.tables.table3.rows)).toEqual(articles(table.rows));
      });

      it.skipIf(!hasSpec)("matches every code and label of table 四", () => {
        const table = theirs().tables.table4 as Record<string, unknown>;
        expect(ours.tables.table4.title).toBe(table.title);
        expect(codesAndLabels(ours.tables.table4.columns)).toEqual(codesAndLabels(table.columns));
      });

      it("gives every table 三 row the same columns, and table 四 three groups of five", () => {
        const table3 = getTableDefinition(id, "table3");
        const columns = table3.rows.map((row) => row.columns.map((column) => column.key).join());
        expect(new Set(columns).size).toBe(1);
        expect(getTableDefinition(id, "table4").rows.map((row) => [row.key, row.columns.length])).toEqual([
          ["review", 5],
          ["litigationDirect", 5],
          ["litigationPostReview", 5],
        ]);
      });

      it("marks the money columns and the total row and columns from the edition data", () => {
        // FORMAT.md §4: money is 2019 采购总金额 and 2021 本年收费金额（单位：万元）; §5: （七）总计 is the
        // sum of the outcome items, 总计 the sum of the applicant columns; §6: 总计 of each table 四 group.
        const table2 = getTableDefinition(id, "table2");
        const money = table2.rows.flatMap((row) =>
          row.columns.filter((column) => column.money).map((column) => `${row.key}/${column.key}`),
        );
        expect(money).toEqual(
          id === "2019" ? ["art20_9.centralProcurement/procurementAmount"] : ["art20_8.fees/amount"],
        );
        const table3 = getTableDefinition(id, "table3");
        expect(table3.rows.filter((row) => row.derived).map((row) => row.key)).toEqual(["results.totalProcessed"]);
        expect(table3.rows[0]?.columns.filter((column) => column.derived).map((column) => column.key)).toEqual([
          "total",
        ]);
        expect(
          getTableDefinition(id, "table4").rows.map((row) => row.columns.filter((column) => column.derived).length),
        ).toEqual([1, 1, 1]);
      });
    });
  }
});
