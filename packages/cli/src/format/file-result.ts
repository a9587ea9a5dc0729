import type { LocalizedText, Severity } from "@gongkai/core";
import type { LoadedInput } from "../load-input";
import type { LocatedDiagnostic } from "../locate-diagnostics";

export type { Language } from "../language";

/** One checked input and its located findings, in position order. */
export interface FileResult {
  readonly input: LoadedInput;
  readonly diagnostics: readonly LocatedDiagnostic[];
}

/** An input that could not be read or is not a report. */
export interface UnreadableFile {
  readonly file: string;
  /** Why, in both languages. */
  readonly reason: LocalizedText;
}

/** What a check run found, file by file, in input order. */
export type FileOutcome =
  | ({ readonly status: "checked" } & FileResult)
  | ({ readonly status: "unreadable" } & UnreadableFile);

/** The checked files of a run. */
export function checkedResults(outcomes: readonly FileOutcome[]): FileResult[] {
  return outcomes.flatMap((outcome) => (outcome.status === "checked" ? [outcome] : []));
}

/** The unreadable files of a run. */
export function unreadableFiles(outcomes: readonly FileOutcome[]): UnreadableFile[] {
  return outcomes.flatMap((outcome) => (outcome.status === "unreadable" ? [outcome] : []));
}

/** Counts of findings by severity. */
export function countSeverities(results: readonly FileResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const result of results) for (const { diagnostic } of result.diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}

/** The message of a finding in `language`, on one line. */
export function oneLine(message: string): string {
  return message.replaceAll(/\s*\n\s*/g, " ");
}
