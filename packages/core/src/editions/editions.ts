import { EditionDataError } from "../errors/edition-data-error";
import { type EditionId, editionIds, type TableId, tableIds } from "./edition-codes";
import { edition2019, edition2021 } from "./edition-data";
import type { EditionDataShape, EditionRole, EditionTreeNode } from "./edition-schema";

export {
  type EditionId,
  editionIds,
  type SectionCode,
  sectionCodes,
  type TableId,
  tableIds,
} from "./edition-codes";

/**
 * Both editions as data, keyed by id: every table's row and column tree with the printed labels
 * (zh), an English label, the stable code and, for table 三 outcomes, the 条例 articles.
 */
export const editions = { "2019": edition2019, "2021": edition2021 } as const;

/** The raw data of one edition. */
export type EditionData<E extends EditionId = EditionId> = (typeof editions)[E];

type LeafCode<Node> = Node extends { readonly children: readonly (infer Child)[] }
  ? LeafCode<Child>
  : Node extends { readonly code: infer Code extends string }
    ? Code
    : never;

type SubTableOf<E extends EditionId> = EditionData<E>["tables"]["table2"]["subTables"][number];

/** A row of table 二 as `<sub-table>.<row>`, e.g. `art20_1.regulations`. */
export type Table2Row<E extends EditionId = EditionId> = E extends EditionId
  ? SubTableOf<E> extends infer Sub
    ? Sub extends { readonly code: infer S extends string; readonly rows: readonly (infer R)[] }
      ? `${S}.${LeafCode<R>}`
      : never
    : never
  : never;

/** The columns of one table 二 row. */
export type Table2Column<E extends EditionId, Row extends string> =
  SubTableOf<E> extends infer Sub
    ? Sub extends { readonly code: infer S extends string; readonly columns: readonly (infer C)[] }
      ? Row extends `${S}.${string}`
        ? LeafCode<C>
        : never
      : never
    : never;

/** A row of table 三 (a leaf of the printed row tree), e.g. `results.denied.stateSecret`. */
export type Table3Row<E extends EditionId = EditionId> = E extends EditionId
  ? LeafCode<EditionData<E>["tables"]["table3"]["rows"][number]>
  : never;

type GroupRowCode<Node> = Node extends {
  readonly code: infer Code extends string;
  readonly children: readonly (infer Child)[];
}
  ? (Node extends { readonly mayPrintAsRow: true } ? Code : never) | GroupRowCode<Child>
  : never;

/**
 * A group of table 三 a report may print as one row (`mayPrintAsRow` in the edition data), whose
 * own values the model keeps in an optional row under the group's code: `results.other` in 2021.
 */
export type Table3GroupRow<E extends EditionId = EditionId> = E extends EditionId
  ? GroupRowCode<EditionData<E>["tables"]["table3"]["rows"][number]>
  : never;

/** A column of table 三: `naturalPerson`, the five `legalPerson.*` columns, `total`. */
export type Table3Column = LeafCode<EditionData["tables"]["table3"]["columns"]>;

/** A row of table 四: one of its three groups. */
export type Table4Row = "review" | "litigationDirect" | "litigationPostReview";

/** A column of table 四: an outcome, or the group's `total`. */
export type Table4Column = LeafCode<EditionData["tables"]["table4"]["columns"][0]>;

/** The row keys of a table in an edition. */
export type RowOf<E extends EditionId, T extends TableId> = T extends "table2"
  ? Table2Row<E>
  : T extends "table3"
    ? Table3Row<E>
    : Table4Row;

/** The column keys of a row of a table in an edition. */
export type ColumnOf<E extends EditionId, T extends TableId, Row extends string> = T extends "table2"
  ? Table2Column<E, Row>
  : T extends "table3"
    ? Table3Column
    : Table4Column;

/** A printed label in Chinese, with our English rendering. */
export interface Label {
  /** The code of the node in the edition tree. */
  readonly code: string;
  /** The label exactly as the edition prints it. */
  readonly label: string;
  /** An English label (ours, not official). */
  readonly en: string;
}

/** A column of a table row, with the header groups above it. */
export interface ColumnDefinition extends Label {
  /** The column key used in the model, e.g. `legalPerson.commercial` or `made`. */
  readonly key: string;
  /** Header cells above this one, outermost first (e.g. 申请人情况 › 法人或其他组织). */
  readonly groups: readonly Label[];
  /** The value may be negative (2019 `本年增/减`). */
  readonly signed: boolean;
  /** The column holds money; `unit` is the printed unit when the edition prints one. */
  readonly money: boolean;
  /** The unit the edition prints for the column, if any (`万元` in 2021 `本年收费金额`). */
  readonly unit: string | null;
  /** The column is a total of other columns (a sum relation computes it). */
  readonly derived: boolean;
  /** The sum expression of a total column as the edition data gives it (`naturalPerson + sum(legalPerson.*)`), else null. */
  readonly sum: string | null;
  /** The rule that checks a total column's sum, else null. */
  readonly sumRule: string | null;
  /** What the column means to the cross-year rules (table 二's `inForce` …), else null. */
  readonly role: EditionRole | null;
}

/** A row of a table, with the row groups it sits in and its columns. */
export interface RowDefinition extends Label {
  /** The row key used in the model, e.g. `art20_1.regulations` or `results.denied.stateSecret`. */
  readonly key: string;
  /** Row groups around this row, outermost first (e.g. 三、本年度办理结果 › （三）不予公开). */
  readonly groups: readonly Label[];
  /** The 条例 articles behind this outcome, where the spec records them. */
  readonly articles: readonly string[];
  /** The row is a total of other rows. */
  readonly derived: boolean;
  /** The sum expression of a total row as the edition data gives it (`sum(results.*)`), else null. */
  readonly sum: string | null;
  /** The rule that checks a total row's sum, else null. */
  readonly sumRule: string | null;
  /** What the row means to the cross-year rules (table 三's `fromLastYear`, `toNextYear`), else null. */
  readonly role: EditionRole | null;
  /** The columns of this row, in printed order. */
  readonly columns: readonly ColumnDefinition[];
}

/**
 * A row a report may have for a group of rows: the group printed as one row with its own values
 * (`mayPrintAsRow` in the edition data, e.g. 2021's （六）其他处理). Its key is the group's code.
 */
export interface GroupRowDefinition extends RowDefinition {
  /** The keys of the rows under the group, in printed order. */
  readonly items: readonly string[];
}

/** One table of one edition as a flat list of rows (leaves of the printed tree). */
export interface TableDefinition {
  /** Which table. */
  readonly id: TableId;
  /** The printed title, e.g. 三、收到和处理政府信息公开申请情况. */
  readonly title: string;
  /** The rows, in printed order. */
  readonly rows: readonly RowDefinition[];
  /**
   * The groups a report may print as one row (`mayPrintAsRow`), each an optional row of the model
   * keyed by the group's code, in printed order; empty for most tables.
   */
  readonly groupRows: readonly GroupRowDefinition[];
}

type TreeNode = EditionTreeNode;

function labelOf(node: TreeNode): Label {
  return { code: node.code, label: node.label, en: node.en };
}

function leaves(
  nodes: readonly TreeNode[],
  groups: readonly Label[] = [],
): Array<{ node: TreeNode; groups: readonly Label[] }> {
  return nodes.flatMap((node) =>
    node.children ? leaves(node.children, [...groups, labelOf(node)]) : [{ node, groups }],
  );
}

function columnsFrom(
  nodes: readonly TreeNode[],
  keyOf: (node: TreeNode) => string,
  groups: readonly Label[] = [],
): ColumnDefinition[] {
  return leaves(nodes, groups).map(({ node, groups: above }) => ({
    ...labelOf(node),
    key: keyOf(node),
    groups: above,
    signed: node.signed === true,
    money: node.money === true,
    unit: node.unit ?? null,
    derived: node.derived !== undefined,
    sum: node.derived ?? null,
    sumRule: node.rule ?? null,
    role: node.role ?? null,
  }));
}

/** The groups of a tree whose children are all leaves (table 四's three groups), with the labels above each. */
function leafGroups(
  nodes: readonly TreeNode[],
  above: readonly Label[] = [],
): Array<{ node: TreeNode; groups: readonly Label[] }> {
  return nodes.flatMap((node) =>
    node.children === undefined
      ? []
      : node.children.every((child) => child.children === undefined)
        ? [{ node, groups: above }]
        : leafGroups(node.children, [...above, labelOf(node)]),
  );
}

/** The groups of a row tree a report may print as one row, with the labels above each. */
function groupsAsRows(
  nodes: readonly TreeNode[],
  above: readonly Label[] = [],
): Array<{ node: TreeNode; groups: readonly Label[] }> {
  return nodes.flatMap((node) => {
    if (node.children === undefined) return [];
    const inner = groupsAsRows(node.children, [...above, labelOf(node)]);
    return node.mayPrintAsRow === true ? [{ node, groups: above }, ...inner] : inner;
  });
}

function buildTables(edition: EditionDataShape): Record<TableId, TableDefinition> {
  const { table2, table3, table4 } = edition.tables;
  const t2Rows: RowDefinition[] = table2.subTables.flatMap((sub) => {
    const columns = columnsFrom(sub.columns, (node) => node.code);
    return sub.rows.map((row) => ({
      ...labelOf(row),
      key: `${sub.code}.${row.code}`,
      groups: [labelOf(sub)],
      articles: [],
      derived: false,
      sum: null,
      sumRule: null,
      role: row.role ?? null,
      columns,
    }));
  });
  const t3Columns = columnsFrom([table3.columns], (node) => node.code);
  const t3Rows: RowDefinition[] = leaves(table3.rows).map(({ node, groups }) => ({
    ...labelOf(node),
    key: node.code,
    groups,
    articles: node.articles ?? [],
    derived: node.derived !== undefined,
    sum: node.derived ?? null,
    sumRule: node.rule ?? null,
    role: node.role ?? null,
    columns: t3Columns,
  }));
  const t3GroupRows: GroupRowDefinition[] = groupsAsRows(table3.rows).map(({ node, groups }) => ({
    ...labelOf(node),
    key: node.code,
    groups,
    articles: node.articles ?? [],
    derived: false,
    sum: null,
    sumRule: null,
    role: node.role ?? null,
    columns: t3Columns,
    items: leaves(node.children ?? []).map((leaf) => leaf.node.code),
  }));
  const t4Rows: RowDefinition[] = leafGroups(table4.columns).map(({ node: group, groups }) => ({
    ...labelOf(group),
    key: group.code,
    groups,
    articles: [],
    derived: false,
    sum: null,
    sumRule: null,
    role: group.role ?? null,
    columns: columnsFrom(group.children ?? [], (node) => node.code),
  }));
  return {
    table2: { id: "table2", title: table2.title, rows: t2Rows, groupRows: [] },
    table3: { id: "table3", title: table3.title, rows: t3Rows, groupRows: t3GroupRows },
    table4: { id: "table4", title: table4.title, rows: t4Rows, groupRows: [] },
  };
}

/** The built-in editions, as every edition's data is read (this also checks their shape). */
const builtIn: Readonly<Record<EditionId, EditionDataShape>> = editions;

/** Editions added with `registerEdition`, by id. */
const registered = new Map<string, EditionDataShape>();

/** {@link editionForYear} by report year, as found (emptied when an edition is added). */
const editionsByYear = new Map<number, EditionId | undefined>();

/**
 * Every edition by id, built in and registered: one `Map` lookup per `findEdition`. (An object
 * keyed by the built-in ids would be slower: `"2019"` is an array-index key.)
 */
const byId = new Map<string, EditionDataShape>(Object.entries(builtIn));

/**
 * Add an edition already validated and checked (see `registerEdition`, which is the public way in).
 * An id is taken once: registering the same data again does nothing.
 */
export function addEdition(data: EditionDataShape): void {
  const existing = registered.get(data.id);
  if (existing !== undefined && existing !== data) {
    throw new EditionDataError({
      problems: [{ pointer: "/id", message: `the edition ${data.id} is already registered` }],
    });
  }
  registered.set(data.id, data);
  byId.set(data.id, data);
  editionsByYear.clear();
}

/**
 * The data of an edition, built in (`2019`, `2021`) or added with `registerEdition`.
 *
 * @throws {EditionDataError} when no edition has that id.
 * @example
 * getEdition("2021").sections.map((section) => section.label)
 */
export function getEdition(edition: string): EditionDataShape {
  const data = findEdition(edition);
  if (data === undefined) {
    throw new EditionDataError({
      problems: [{ pointer: "", message: `no edition has the id ${JSON.stringify(edition)}` }],
    });
  }
  return data;
}

/** The data of an edition, built in or registered; undefined when no edition has that id. */
export function findEdition(edition: string): EditionDataShape | undefined {
  if (typeof edition === "string") return byId.get(edition);
  // Not a string (a report that was not parsed): looked up as a property key, as it always was.
  return Object.hasOwn(builtIn, edition) ? builtIn[edition as EditionId] : registered.get(edition);
}

/** Whether `edition` was added with `registerEdition` (not built in). */
export function isRegisteredEdition(edition: string): boolean {
  return registered.has(edition);
}

/** Every edition: the built-in ones, oldest first, then those registered, in the order they were. */
export function listEditions(): readonly EditionDataShape[] {
  return [...editionIds.map((id) => builtIn[id]), ...registered.values()];
}

const definitions = new WeakMap<EditionDataShape, Record<TableId, TableDefinition>>();

/** The flat definitions of an edition's tables (built once per edition). */
export function tableDefinitionsOf(data: EditionDataShape): Record<TableId, TableDefinition> {
  let built = definitions.get(data);
  if (!built) {
    built = buildTables(data);
    definitions.set(data, built);
  }
  return built;
}

/**
 * The flat definition of one table of one edition: its rows in printed order, each with its
 * columns, labels, header groups and (table 三) 条例 articles. Rules, importers and renderers
 * read tables through this, never by fixed positions.
 *
 * @throws {EditionDataError} when no edition has that id.
 * @example
 * getTableDefinition("2021", "table3").rows.map((row) => row.key)
 */
export function getTableDefinition(edition: EditionId, table: TableId): TableDefinition {
  return tableDefinitionsOf(getEdition(edition))[table];
}

/** A row of an edition's table, found by what it means (its `role`), with the table it is in. */
export interface RoleRow {
  readonly table: TableId;
  readonly row: RowDefinition;
}

/**
 * The rows of an edition whose `role` is `role` (a role of a row, such as table 三's
 * `fromLastYear`), in table order: how the cross-year rules find the rows they compare without
 * naming their codes.
 */
export function rowsWithRole(edition: EditionId, role: EditionRole): readonly RoleRow[] {
  const definitions = tableDefinitionsOf(getEdition(edition));
  return tableIds.flatMap((table) =>
    definitions[table].rows.filter((row) => row.role === role).map((row) => ({ table, row })),
  );
}

/** The key of the column of `row` whose `role` is `role` (table 二's `inForce` …), if it has one. */
export function columnWithRole(row: RowDefinition, role: EditionRole): string | undefined {
  return row.columns.find((column) => column.role === role)?.key;
}

/**
 * The first and last report year an edition applies to, from its `appliesToReportYears` (the last
 * undefined for an open range such as `2021-`).
 *
 * @example
 * reportYearsOf(getEdition("2019")) // { from: 2019, to: 2020 }
 */
export function reportYearsOf(data: EditionDataShape): { readonly from: number; readonly to: number | undefined } {
  const years = data.appliesToReportYears;
  if (Array.isArray(years)) return { from: Math.min(...years), to: Math.max(...years) };
  const [from, to] = (years as string).split("-");
  return { from: Number(from), to: to === undefined || to === "" ? undefined : Number(to) };
}

/**
 * The edition a report for `year` should use, from each edition's `appliesToReportYears`: `2019`
 * for 2019 and 2020, `2021` from 2021 on (a registered edition whose years include `year` and that
 * starts later wins). Years before 2019 have no edition of this format and return `undefined`.
 */
export function editionForYear(year: number): EditionId | undefined {
  if (editionsByYear.has(year)) return editionsByYear.get(year);
  const found = latestEditionFor(year);
  // Whole years only, and not without bound: any other value is worked out each time.
  if (Number.isInteger(year) && editionsByYear.size < 1000) editionsByYear.set(year, found);
  return found;
}

function latestEditionFor(year: number): EditionId | undefined {
  let found: EditionDataShape | undefined;
  for (const data of listEditions()) {
    const { from, to } = reportYearsOf(data);
    const applies = Array.isArray(data.appliesToReportYears)
      ? data.appliesToReportYears.includes(year)
      : year >= from && (to === undefined || year <= to);
    if (applies && (found === undefined || from >= reportYearsOf(found).from)) found = data;
  }
  return found?.id as EditionId | undefined;
}
