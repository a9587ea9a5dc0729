import { check } from "../check";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic";
import { type RuleId, ruleIds } from "../diagnostics/diagnostic-registry";
import type { TableId } from "../editions/editions";
import type { SumRelation } from "../editions/sum-relations";
import type { Cell, NumberCell, UnreadCell } from "../model/cell";
import type { Report } from "../model/report";
import { checkedRelations, relationInstanceState } from "../rules/relation-coverage";
import type { CheckOptions } from "../rules/rule";
import { cloneReport } from "./create-report";

/** Options for {@link resolveRunTogether}. */
export interface ResolveRunTogetherOptions {
  /** Rule levels as `check()` takes them: a sum relation whose rule is `off` is not used to choose. */
  readonly rules?: CheckOptions["rules"];
}

/** One row whose run-together digits {@link resolveRunTogether} split. */
export interface RunTogetherResolution {
  /** The table. */
  readonly table: TableId;
  /** The row key. */
  readonly row: string;
  /** The columns that were unread and now hold the chosen reading's values, in the row's order. */
  readonly columns: readonly string[];
  /** The values they now hold, in the same order. */
  readonly values: readonly number[];
  /** The ids of the sum relations that chose the reading, e.g. `table3/row-total`. */
  readonly relations: readonly string[];
}

/** What {@link resolveRunTogether} returns. */
export interface ResolveRunTogetherResult<R extends Report> {
  /** A copy of the report with the resolved cells as inferred numbers (the input is not changed). */
  readonly report: R;
  /** The rows resolved, in table and edition row order. */
  readonly resolved: readonly RunTogetherResolution[];
  /** How many run-together cells stay unread (no reading, or more than one, makes every relation hold). */
  readonly unresolved: number;
}

type MutableRows = Record<string, Record<string, Cell>>;

/** A relation on one line: the unit a check verifies. */
interface RelationInstance {
  readonly relation: SumRelation;
  readonly line: string;
}

/** A row's run-together cells and its readings: `readings[k]` gives each cell its value in reading `k`. */
interface RunTogetherRow {
  readonly table: TableId;
  readonly row: string;
  readonly cells: ReadonlyArray<readonly [column: string, cell: UnreadCell]>;
  readonly readings: ReadonlyArray<readonly number[]>;
}

/**
 * The run-together rows that can be resolved at all: every unread cell of the row is
 * `runTogether` with its candidates, the candidates list every reading (`candidateCount` no
 * larger), and the lists line up. Identical readings (the same values in every cell) count once.
 */
function runTogetherRows(report: Report): RunTogetherRow[] {
  const found: RunTogetherRow[] = [];
  for (const table of ["table2", "table3", "table4"] as const) {
    const rows = report.tables[table]?.rows as MutableRows | undefined;
    if (!rows) continue;
    for (const [row, cells] of Object.entries(rows)) {
      const unread: Array<readonly [string, UnreadCell]> = [];
      let resolvable = true;
      for (const [column, cell] of Object.entries(cells)) {
        if (cell.kind !== "unread") continue;
        unread.push([column, cell]);
        const count = cell.candidates?.length ?? 0;
        if (cell.reason !== "runTogether" || count === 0 || (cell.candidateCount ?? count) > count) resolvable = false;
      }
      if (unread.length === 0 || !resolvable) continue;
      const count = unread[0]?.[1].candidates?.length ?? 0;
      if (unread.some(([, cell]) => cell.candidates?.length !== count)) continue;
      const readings = new Map<string, number[]>();
      for (let index = 0; index < count; index += 1) {
        const values = unread.map(([, cell]) => cell.candidates?.[index] as number);
        readings.set(values.join("|"), values);
      }
      found.push({ table, row, cells: unread, readings: [...readings.values()] });
    }
  }
  return found;
}

/** The relation instances that read any of `row`'s unread cells (through blank totals too). */
function instancesReading(report: Report, relations: readonly SumRelation[], row: RunTogetherRow): RelationInstance[] {
  const instances: RelationInstance[] = [];
  for (const relation of relations) {
    if (relation.table !== row.table) continue;
    for (const line of relation.lines) {
      const state = relationInstanceState(report, relation, line);
      if (state.unread.some((read) => read.row === row.row && row.cells.some(([column]) => column === read.column))) {
        instances.push({ relation, line });
      }
    }
  }
  return instances;
}

/** The line of a relation a sum finding is on: its total or last term's cell lies on it. */
function findingLine(diagnostic: Diagnostic, relation: SumRelation): string | undefined {
  return relation.along === "rows" ? diagnostic.location.column : diagnostic.location.row;
}

/**
 * Resolve run-together digits where the arithmetic allows exactly one reading (opt-in: `check()`
 * never does this; the CLI's `--infer-splits`). A row whose unread cells are all `runTogether`
 * with their candidates (index-aligned across the row, every reading listed) takes reading `k`
 * only when it is the one reading for which every sum relation instance that reads those cells
 * can be evaluated and holds, as `check()` evaluates it (its arithmetic rules decide, so a
 * reading is taken exactly when they would find nothing on those relations). The cells become
 * number cells with `inferred: { from: "runTogether", relation }` (`relation`: the ids of the
 * relations that chose it, comma-separated) and keep `raw` and `source`; `checkReport` then counts
 * those relation instances as `inferred`, not verified. Rows are tried again while one resolution
 * makes another row's relations evaluable. The input report is not changed.
 *
 * Table 二 has no sum relations: its run-together rows always stay unread.
 *
 * @example
 * const { report: resolved, resolved: rows } = resolveRunTogether(report);
 * checkReport(resolved).coverage; // { verified: 32, unverifiable: 0, inferred: 8 }
 */
export function resolveRunTogether<R extends Report>(
  report: R,
  options: ResolveRunTogetherOptions = {},
): ResolveRunTogetherResult<R> {
  const result = cloneReport(report);
  const relations = checkedRelations(result, { rules: options.rules ?? {} });
  const sumRuleIds = new Set(relations.map((relation) => relation.ruleId));
  // Only the rules of the relations used run, at their default level (their findings decide).
  const rules = Object.fromEntries(ruleIds.map((id) => [id, sumRuleIds.has(id) ? "error" : "off"])) as Partial<
    Record<RuleId, Severity | "off">
  >;
  const resolved: RunTogetherResolution[] = [];
  let pending = runTogetherRows(result);
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const still: RunTogetherRow[] = [];
    for (const row of pending) {
      const instances = instancesReading(result, relations, row);
      const cells = (result.tables[row.table]?.rows as MutableRows | undefined)?.[row.row];
      if (cells === undefined) continue;
      const fitting: Array<readonly number[]> = [];
      if (instances.length > 0) {
        for (const values of row.readings) {
          row.cells.forEach(([column, cell], index) => {
            cells[column] = { ...provenanceOf(cell), kind: "number", value: values[index] as number };
          });
          if (holdsEverywhere(result, instances, rules)) fitting.push(values);
          if (fitting.length > 1) break;
        }
      }
      const chosen = fitting.length === 1 ? fitting[0] : undefined;
      if (chosen === undefined) {
        for (const [column, cell] of row.cells) cells[column] = cell;
        still.push(row);
        continue;
      }
      const used = [...new Set(instances.map(({ relation }) => relation.ruleId))];
      row.cells.forEach(([column, cell], index) => {
        const inferred: NumberCell = {
          kind: "number",
          value: chosen[index] as number,
          inferred: { from: "runTogether", relation: used.join(",") },
          ...provenanceOf(cell),
        };
        cells[column] = inferred;
      });
      resolved.push({
        table: row.table,
        row: row.row,
        columns: row.cells.map(([column]) => column),
        values: chosen,
        relations: used,
      });
      progress = true;
    }
    pending = still;
  }
  const unresolved = countRunTogether(result);
  return { report: result, resolved: orderOf(report, resolved), unresolved };
}

/** Every instance can be evaluated and `check()` finds nothing on it. */
function holdsEverywhere(
  report: Report,
  instances: readonly RelationInstance[],
  rules: Partial<Record<RuleId, Severity | "off">>,
): boolean {
  for (const { relation, line } of instances) {
    if (relationInstanceState(report, relation, line).state === "unverifiable") return false;
  }
  const findings = check(report, { rules });
  return !instances.some(({ relation, line }) =>
    findings.some(
      (finding) =>
        finding.ruleId === relation.ruleId &&
        finding.location.table === relation.table &&
        findingLine(finding, relation) === line,
    ),
  );
}

/** A cell's `raw` and `source`, when it has them. */
function provenanceOf(cell: UnreadCell): Pick<Cell, "raw" | "source"> {
  return {
    ...(cell.raw === undefined ? {} : { raw: cell.raw }),
    ...(cell.source === undefined ? {} : { source: cell.source }),
  };
}

/** How many cells are still unread for run-together digits. */
function countRunTogether(report: Report): number {
  let count = 0;
  for (const table of ["table2", "table3", "table4"] as const) {
    const rows = report.tables[table]?.rows as MutableRows | undefined;
    for (const cells of Object.values(rows ?? {})) {
      for (const cell of Object.values(cells)) if (cell.kind === "unread" && cell.reason === "runTogether") count += 1;
    }
  }
  return count;
}

/** Resolutions in table order, then in the order the report's rows were found. */
function orderOf(report: Report, resolved: RunTogetherResolution[]): RunTogetherResolution[] {
  const order = runTogetherRows(report).map(({ table, row }) => `${table}/${row}`);
  return resolved.sort((a, b) => order.indexOf(`${a.table}/${a.row}`) - order.indexOf(`${b.table}/${b.row}`));
}
