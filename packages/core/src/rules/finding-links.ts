import type { Diagnostic } from "../diagnostics/diagnostic";
import { round } from "./arithmetic";
import type { ArithmeticTrace, CheckContext } from "./emit";

/**
 * Give every finding an id, unique in the result and the same for the same report and options:
 * `ruleId@pointer` (`@/` for the whole report), with `#2`, `#3`, … for a second and third finding
 * of one rule at one place.
 */
export function assignIds(diagnostics: readonly Diagnostic[]): void {
  const used = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const base = `${diagnostic.ruleId}@${diagnostic.location.pointer === "" ? "/" : diagnostic.location.pointer}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    diagnostic.id = count === 1 ? base : `${base}#${count}`;
  }
}

/** The cells of a relation instance, by `row|column`, each with its side: +1 left, −1 right. */
function termSigns(trace: ArithmeticTrace): Map<string, number> {
  const { relation, line } = trace;
  const signs = new Map<string, number>();
  const add = (key: string, sign: number) =>
    signs.set(relation.along === "rows" ? `${key}|${line}` : `${line}|${key}`, sign);
  for (const key of relation.left) add(key, 1);
  for (const key of relation.right) add(key, -1);
  return signs;
}

/**
 * Mark each arithmetic finding that only echoes another with `causedBy` (the id of the finding it
 * follows from, itself not an echo):
 * - a relation on a total line (the 总计 column, the （七）总计 row) that is off by exactly the sum
 *   of what the same relation is off by on the lines that total adds up (自然人 and the 法人 columns;
 *   the outcome rows), when any of those is off: its cause is the first of them;
 * - two relation instances that share exactly one cell and are off by amounts that one wrong value
 *   in that cell explains: the later finding follows from the earlier.
 * Blank-total findings (nothing to compare) are never linked.
 */
export function linkCauses(
  context: CheckContext,
  diagnostics: readonly Diagnostic[],
  traces: ReadonlyMap<Diagnostic, ArithmeticTrace>,
): void {
  const traced = diagnostics.filter((diagnostic) => {
    const discrepancy = traces.get(diagnostic)?.discrepancy;
    return discrepancy !== undefined && discrepancy !== 0;
  });
  if (traced.length < 2) return;
  const byId = new Map(diagnostics.map((diagnostic) => [diagnostic.id, diagnostic]));
  const root = (diagnostic: Diagnostic): Diagnostic => {
    let current = diagnostic;
    for (let step = 0; current.causedBy !== undefined && step < diagnostics.length; step += 1) {
      current = byId.get(current.causedBy) ?? current;
    }
    return current;
  };
  // Read only here: a report whose findings are traced has an edition (`check()` works this out once).
  const { relations } = context.arithmetic;
  for (const diagnostic of traced) {
    const trace = traces.get(diagnostic) as ArithmeticTrace;
    const across = relations.find(
      (relation) =>
        relation.table === trace.relation.table &&
        relation.along !== trace.relation.along &&
        relation.total === trace.line,
    );
    if (across === undefined) continue;
    const parts = traced.filter((other) => {
      const otherTrace = traces.get(other) as ArithmeticTrace;
      return other !== diagnostic && otherTrace.relation === trace.relation && across.right.includes(otherTrace.line);
    });
    const first = parts[0];
    if (first === undefined) continue;
    let partsOff = 0;
    for (const part of parts) partsOff += (traces.get(part) as ArithmeticTrace).discrepancy as number;
    if (round(partsOff) === trace.discrepancy && first.id !== undefined) diagnostic.causedBy = first.id;
  }
  for (const [index, diagnostic] of traced.entries()) {
    if (diagnostic.causedBy !== undefined) continue;
    const trace = traces.get(diagnostic) as ArithmeticTrace;
    const signs = termSigns(trace);
    for (const earlier of traced.slice(0, index)) {
      const earlierTrace = traces.get(earlier) as ArithmeticTrace;
      const earlierSigns = termSigns(earlierTrace);
      const shared = [...signs.keys()].filter((key) => earlierSigns.has(key));
      if (shared.length !== 1) continue;
      const key = shared[0] as string;
      // One cell off by e puts each instance off by e times that cell's side.
      const explained =
        round((trace.discrepancy as number) * (earlierSigns.get(key) as number)) ===
        round((earlierTrace.discrepancy as number) * (signs.get(key) as number));
      const cause = root(earlier);
      if (explained && cause.id !== undefined && cause !== diagnostic) {
        diagnostic.causedBy = cause.id;
        break;
      }
    }
  }
}
