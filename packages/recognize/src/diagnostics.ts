import {
  type Diagnostic,
  type DiagnosticLocation,
  diagnosticRegistry,
  type ImportRuleId,
  type LocalizedText,
  type Severity,
  type SourcePosition,
} from "@gongkai/core";

/**
 * An importer finding about the source as a whole (not a report cell), at the diagnostics
 * registry's default severity for `ruleId` unless `severity` is given: how every importer makes
 * the findings it reports beside `recognize`'s.
 *
 * @example
 * importDiagnostic("import/no-text-layer", { zh: "第 2 页没有文字层。", en: "Page 2 has no text layer." });
 * // { ruleId: "import/no-text-layer", severity: "warning", message: {…}, location: { pointer: "" } }
 */
export function importDiagnostic(
  ruleId: ImportRuleId,
  message: LocalizedText,
  source?: SourcePosition,
  severity: Severity = diagnosticRegistry[ruleId].defaultSeverity,
): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    location: source === undefined ? { pointer: "" } : { pointer: "", source },
  };
}

/** The most findings of one rule a single import reports; the rest are counted in one summary. */
export const maxFindingsPerRule = 200;

/** What a finding says beyond its rule. */
export interface FindingInput {
  readonly message: LocalizedText;
  readonly location?: Partial<DiagnosticLocation>;
  readonly severity?: Severity;
  readonly expected?: number | string;
  readonly actual?: number | string | null;
}

/** Collects import findings, capping each rule so hostile input cannot flood the result. */
export class FindingCollector {
  readonly #findings: Diagnostic[] = [];
  readonly #counts = new Map<string, number>();

  /** Add a finding of `ruleId`. */
  add(ruleId: ImportRuleId, input: FindingInput): void {
    const count = (this.#counts.get(ruleId) ?? 0) + 1;
    this.#counts.set(ruleId, count);
    if (count > maxFindingsPerRule) return;
    const location: DiagnosticLocation = { pointer: "", ...input.location } as DiagnosticLocation;
    const finding: Diagnostic = {
      ruleId,
      severity: input.severity ?? diagnosticRegistry[ruleId].defaultSeverity,
      message: input.message,
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
        message: {
          zh: `“${ruleId}”类问题共 ${count} 处，仅列出前 ${maxFindingsPerRule} 处。`,
          en: `${count} findings of ${ruleId}; only the first ${maxFindingsPerRule} are listed.`,
        },
        location: { pointer: "" },
        actual: count,
      });
    }
    return result;
  }
}
