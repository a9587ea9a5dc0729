import type { Diagnostic, LocalizedText, Severity, SourcePosition } from "@gongkai/core";
import { type ImportRuleId, importRules } from "@gongkai/recognize";

/** An importer finding about the page (never about a report cell). */
export function importDiagnostic(
  ruleId: ImportRuleId,
  message: LocalizedText,
  source?: SourcePosition,
  severity: Severity = importRules[ruleId].defaultSeverity,
): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    location: source === undefined ? { pointer: "" } : { pointer: "", source },
  };
}
