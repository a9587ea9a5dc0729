import { type EditionId, getTableDefinition, type TableId } from "./editions";

/**
 * A sum relation of section 7 of the format reference, as data. On every line it holds on (a
 * column when `along` is `rows`, a row when `along` is `columns`), the cells of `left` add up to
 * the cells of `right`. When `total` is set, `left` is that one total and the relation can
 * compute it.
 */
export interface SumRelation {
  /** The id of the rule that checks it, e.g. `table3/balance`. */
  readonly ruleId: string;
  /** The table it holds in. */
  readonly table: TableId;
  /** `rows`: sums run down each column; `columns`: sums run across each row. */
  readonly along: "rows" | "columns";
  /** The keys (rows or columns) on the left side. */
  readonly left: readonly string[];
  /** The keys on the right side. */
  readonly right: readonly string[];
  /** The lines (columns or rows) it holds on. */
  readonly lines: readonly string[];
  /** Whether the rule is printed on the form (the 勾稽 note of table 三). */
  readonly printed: boolean;
  /** The left side is one total that the right side computes. */
  readonly total?: string;
}

function relationsFor(edition: EditionId): readonly SumRelation[] {
  const table3 = getTableDefinition(edition, "table3");
  const table4 = getTableDefinition(edition, "table4");
  const t3Columns = (table3.rows[0]?.columns ?? []).map((column) => column.key);
  const t3Rows = table3.rows.map((row) => row.key);
  const outcomeRows = table3.rows.filter((row) => row.key.startsWith("results.") && !row.derived).map((row) => row.key);
  const t4Columns = (table4.rows[0]?.columns ?? []).map((column) => column.key);
  return [
    {
      ruleId: "table3/balance",
      table: "table3",
      along: "rows",
      left: ["newReceived", "carriedOver"],
      right: ["results.totalProcessed", "carriedForward"],
      lines: t3Columns,
      printed: true,
    },
    {
      ruleId: "table3/results-total",
      table: "table3",
      along: "rows",
      left: ["results.totalProcessed"],
      right: outcomeRows,
      lines: t3Columns,
      printed: false,
      total: "results.totalProcessed",
    },
    {
      ruleId: "table3/row-total",
      table: "table3",
      along: "columns",
      left: ["total"],
      right: t3Columns.filter((key) => key !== "total"),
      lines: t3Rows,
      printed: false,
      total: "total",
    },
    {
      ruleId: "table4/group-total",
      table: "table4",
      along: "columns",
      left: ["total"],
      right: t4Columns.filter((key) => key !== "total"),
      lines: table4.rows.map((row) => row.key),
      printed: false,
      total: "total",
    },
  ];
}

const relations: Record<EditionId, readonly SumRelation[]> = {
  "2019": relationsFor("2019"),
  "2021": relationsFor("2021"),
};

/** The sum relations that hold in an edition's tables (section 7 of the format reference). */
export function getSumRelations(edition: EditionId): readonly SumRelation[] {
  return relations[edition];
}
