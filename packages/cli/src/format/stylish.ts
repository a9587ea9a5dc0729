import type { Severity } from "@gongkai/core";
import { type Colors, colors as makeColors } from "../colors";
import {
  causeGroups,
  countCauses,
  countSeverities,
  coverageLine,
  type FileOutcome,
  type FileResult,
  type Language,
  oneLine,
} from "./file-result";

export { countSeverities } from "./file-result";

/** Display width of a string in a terminal: East Asian wide and full-width characters count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

const severityWords: Record<Language, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/**
 * The summary line: how many problems of each severity, and how many causes they have when some
 * only follow from others (`causes`, default: one per problem).
 */
export function summaryLine(
  counts: Record<Severity, number>,
  language: Language,
  colors: Colors = makeColors(false),
  causes?: number,
): string {
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return colors.green(language === "zh" ? "✔ 未发现问题" : "✔ no problems");
  const paint = counts.error > 0 ? colors.red : colors.yellow;
  const folded = causes !== undefined && causes < total;
  if (language === "zh") {
    const causeCount = folded ? `${causes} 个原因；` : "";
    return paint(
      `✖ 共 ${total} 个问题（${causeCount}${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示）`,
    );
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const causeCount = folded ? `${plural(causes, "cause")}; ` : "";
  return paint(
    `✖ ${plural(total, "problem")} (${causeCount}${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")})`,
  );
}

/** Options for {@link formatStylish}. */
export interface StylishOptions {
  readonly language: Language;
  /** Colour styles (default: none). */
  readonly colors?: Colors;
}

/**
 * Findings grouped by file, one line each: `line:column  severity  message  ruleId` (the JSON
 * pointer stands in for `line:column` when the finding has no position). A finding that only
 * follows from another (`causedBy`) is folded under it, marked `↳`. Each file with findings, or
 * whose arithmetic could not all be verified, ends with its coverage line (已核对 41 项勾稽关系，
 * …). Then a summary line (with the number of causes when some findings were folded), and a line
 * counting the inputs that could not be read, if any.
 */
export function formatStylish(
  outcomes: readonly FileOutcome[] | readonly FileResult[],
  options: StylishOptions,
): string {
  const { language } = options;
  const colors = options.colors ?? makeColors(false);
  const paintSeverity: Record<Severity, (text: string) => string> = {
    error: colors.red,
    warning: colors.yellow,
    info: colors.blue,
  };
  const blocks: string[] = [];
  const results: FileResult[] = [];
  let unreadable = 0;
  for (const outcome of outcomes) {
    if ("status" in outcome && outcome.status === "unreadable") {
      unreadable += 1;
      continue;
    }
    const result = outcome as FileResult;
    results.push(result);
    const coverage = result.coverage;
    const incomplete = coverage !== undefined && (coverage.unverifiable > 0 || coverage.inferred > 0);
    if (result.diagnostics.length === 0 && !incomplete) continue;
    const rows = causeGroups(result.diagnostics).flatMap(({ root, followers }) =>
      [root, ...followers].map(({ diagnostic, position }, index) => ({
        where: position ? `${position.line}:${position.column}` : diagnostic.location.pointer || "/",
        severity: diagnostic.severity,
        message: oneLine(diagnostic.message[language]),
        ruleId: diagnostic.ruleId,
        folded: index > 0,
      })),
    );
    const whereWidth = Math.max(0, ...rows.map((row) => displayWidth(row.where) + (row.folded ? 2 : 0)));
    const severityWidth = Math.max(...Object.values(severityWords[language]).map(displayWidth));
    // Messages are long and mostly CJK: they are not padded, so the rule id follows each one.
    const lines = rows.map(
      (row) =>
        `  ${row.folded ? colors.dim("↳ ") : ""}${colors.dim(padEnd(row.where, whereWidth - (row.folded ? 2 : 0)))}  ${paintSeverity[row.severity](padEnd(severityWords[language][row.severity], severityWidth))}  ${row.message}  ${colors.dim(row.ruleId)}`,
    );
    if (coverage !== undefined) lines.push(`  ${colors.dim(coverageLine(coverage, language))}`);
    blocks.push(`${colors.underline(result.input.file)}\n${lines.join("\n")}\n`);
  }
  const counts = countSeverities(results);
  const clean = counts.error + counts.warning + counts.info === 0;
  const summaries = clean && unreadable > 0 ? [] : [summaryLine(counts, language, colors, countCauses(results))];
  if (unreadable > 0) {
    summaries.push(
      colors.red(
        language === "zh"
          ? `✖ ${unreadable} 个文件无法检查`
          : `✖ ${unreadable} file${unreadable === 1 ? "" : "s"} could not be checked`,
      ),
    );
  }
  return `${blocks.length > 0 ? `${blocks.join("\n")}\n` : ""}${summaries.join("\n")}\n`;
}
