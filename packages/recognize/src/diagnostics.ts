import {
  type Diagnostic,
  type DiagnosticLocation,
  type DiagnosticRuleId,
  diagnosticMessage,
  diagnosticRegistry,
  type ImportRuleId,
  type MessageDataOf,
  type Severity,
  type SourcePosition,
} from "@gongkai/core";

/**
 * An importer finding about the source as a whole (not a report cell), made from its id and the
 * data its wording needs (core's message modules word it), at the diagnostics registry's default
 * severity for `ruleId` unless `severity` is given: how every importer makes the findings it
 * reports beside `recognize`'s.
 *
 * @example
 * importDiagnostic("import/no-text-layer", { pages: [2] });
 * // { ruleId: "import/no-text-layer", severity: "warning", message: { zh: "第 2 页没有文字层…", en: "Page 2 has no text layer…" }, location: { pointer: "" } }
 */
export function importDiagnostic<Id extends ImportRuleId>(
  ruleId: Id,
  data: MessageDataOf<Id>,
  source?: SourcePosition,
  severity: Severity = diagnosticRegistry[ruleId].defaultSeverity,
): Diagnostic {
  return {
    ruleId,
    severity,
    message: diagnosticMessage(ruleId, data),
    location: source === undefined ? { pointer: "" } : { pointer: "", source },
  };
}

/** The most findings of one rule a single import reports; the rest are counted in one summary. */
export const maxFindingsPerRule = 200;

/** What a finding of `Id` says beyond its id: the data its wording needs, where, and the values. */
export interface FindingInput<Id extends ImportRuleId> {
  readonly data: MessageDataOf<Id>;
  readonly location?: Partial<DiagnosticLocation>;
  readonly severity?: Severity;
  readonly expected?: number | string;
  readonly actual?: number | string | null;
}

/** Collects import findings, capping each rule so hostile input cannot flood the result. */
export class FindingCollector {
  readonly #findings: Diagnostic[] = [];
  readonly #counts = new Map<DiagnosticRuleId, number>();

  /** Add a finding of `ruleId`. */
  add<Id extends ImportRuleId>(ruleId: Id, input: FindingInput<Id>): void {
    const count = (this.#counts.get(ruleId) ?? 0) + 1;
    this.#counts.set(ruleId, count);
    if (count > maxFindingsPerRule) return;
    const location: DiagnosticLocation = { pointer: "", ...input.location } as DiagnosticLocation;
    const finding: Diagnostic = {
      ruleId,
      severity: input.severity ?? diagnosticRegistry[ruleId].defaultSeverity,
      message: diagnosticMessage(ruleId, input.data),
      location,
    };
    if (input.expected !== undefined) finding.expected = input.expected;
    if (input.actual !== undefined) finding.actual = input.actual;
    this.#findings.push(finding);
  }

  /** Add findings made by a parser (already complete). */
  addAll(findings: readonly Diagnostic[]): void {
    for (const finding of findings) {
      const count = (this.#counts.get(finding.ruleId) ?? 0) + 1;
      this.#counts.set(finding.ruleId, count);
      if (count <= maxFindingsPerRule) this.#findings.push(finding);
    }
  }

  /** The findings, with one `import/limit-exceeded` per rule that was capped. */
  finish(): Diagnostic[] {
    const result = [...this.#findings];
    for (const [ruleId, count] of this.#counts) {
      if (count <= maxFindingsPerRule) continue;
      result.push({
        ruleId: "import/limit-exceeded",
        severity: "warning",
        message: diagnosticMessage("import/limit-exceeded", {
          kind: "findingsPerRule",
          ruleId,
          count,
          max: maxFindingsPerRule,
        }),
        location: { pointer: "" },
        actual: count,
      });
    }
    return result;
  }
}
