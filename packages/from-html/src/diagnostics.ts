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

/**
 * The 1-based line and column of `offset` in `text`, counting lines as the HTML parser does
 * (CR LF, CR and LF each end a line).
 */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
