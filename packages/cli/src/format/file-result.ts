import type { Coverage, LocalizedText, Severity } from "@gongkai/core";
import type { Language } from "../language";
import type { LoadedInput } from "../load-input";
import type { LocatedDiagnostic } from "../locate-diagnostics";

export type { Language };

/** One checked input and its located findings, in position order. */
export interface FileResult {
  readonly input: LoadedInput;
  readonly diagnostics: readonly LocatedDiagnostic[];
  /** How many of the edition's sum relations core verified, could not verify, or read with (`checkReport`). */
  readonly coverage?: Coverage;
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

/** A finding and the findings that only follow from it (`causedBy`), in position order. */
export interface CauseGroup {
  readonly root: LocatedDiagnostic;
  readonly followers: readonly LocatedDiagnostic[];
}

/**
 * A file's findings grouped by cause: each finding whose `causedBy` names a finding of the same
 * file (followed to the first one not itself caused by another shown finding) is listed under
 * it; every other finding starts a group. Groups keep the order of their root; a finding whose
 * cause is not shown (turned off, or hidden by `--quiet`) stands on its own.
 */
export function causeGroups(diagnostics: readonly LocatedDiagnostic[]): CauseGroup[] {
  const byId = new Map<string, LocatedDiagnostic>();
  for (const located of diagnostics) if (located.diagnostic.id !== undefined) byId.set(located.diagnostic.id, located);
  const rootOf = (located: LocatedDiagnostic): LocatedDiagnostic => {
    let current = located;
    const seen = new Set<LocatedDiagnostic>([current]);
    for (;;) {
      const causedBy = current.diagnostic.causedBy;
      const cause = causedBy === undefined ? undefined : byId.get(causedBy);
      if (cause === undefined || seen.has(cause)) return current;
      seen.add(cause);
      current = cause;
    }
  };
  const groups = new Map<LocatedDiagnostic, LocatedDiagnostic[]>();
  for (const located of diagnostics) {
    const root = rootOf(located);
    if (root === located) {
      if (!groups.has(located)) groups.set(located, []);
      continue;
    }
    const followers = groups.get(root);
    if (followers) followers.push(located);
    else groups.set(root, [located]);
  }
  // A root may come after its followers in position order: list groups in their roots' order.
  return diagnostics.flatMap((located) => {
    const followers = groups.get(located);
    return followers === undefined ? [] : [{ root: located, followers }];
  });
}

/** How many causes the findings of `results` have: findings that do not follow from another shown one. */
export function countCauses(results: readonly FileResult[]): number {
  let causes = 0;
  for (const result of results) causes += causeGroups(result.diagnostics).length;
  return causes;
}

/**
 * One line on a file's coverage: how many of the edition's sum relations were verified, how
 * many could not be (a cell or table not read) and how many were used to infer a value.
 */
export function coverageLine(coverage: Coverage, language: Language): string {
  const { verified, unverifiable, inferred } = coverage;
  if (language === "zh") {
    let line = `已核对 ${verified} 项勾稽关系`;
    if (unverifiable > 0) line += `，${unverifiable} 项因单元格或表格未读出无法核对`;
    if (inferred > 0) line += `，${inferred} 项用于推断粘连数字的拆分（未计入已核对）`;
    return line;
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  let line = `verified ${plural(verified, "sum relation")}`;
  if (unverifiable > 0) line += `; ${unverifiable} could not be verified (cells or tables not read)`;
  if (inferred > 0) line += `; ${inferred} used to infer the split of run-together digits (not counted as verified)`;
  return line;
}
