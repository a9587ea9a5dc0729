import type { Diagnostic, LocalizedText, SourcePosition } from "@gongkai/core";
import { type ImportRuleId, importRules } from "@gongkai/recognize";

/** An importer finding about the file (never about a report cell), at its default severity. */
export function importDiagnostic(ruleId: ImportRuleId, message: LocalizedText, source?: SourcePosition): Diagnostic {
  return {
    ruleId,
    severity: importRules[ruleId].defaultSeverity,
    message,
    location: source === undefined ? { pointer: "" } : { pointer: "", source },
  };
}
