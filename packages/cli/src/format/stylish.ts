import type { Severity } from "@gongkai/core";
import { type Colors, colors as makeColors } from "../colors";
import { countSeverities, type FileOutcome, type FileResult, type Language, oneLine } from "./file-result";

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

/** The summary line: how many problems of each severity. */
export function summaryLine(
  counts: Record<Severity, number>,
  language: Language,
  colors: Colors = makeColors(false),
): string {
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return colors.green(language === "zh" ? "✔ 未发现问题" : "✔ no problems");
  const paint = counts.error > 0 ? colors.red : colors.yellow;
  if (language === "zh") {
    return paint(`✖ 共 ${total} 个问题（${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示）`);
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return paint(
    `✖ ${plural(total, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")})`,
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
 * pointer stands in for `line:column` when the finding has no position), then a summary line, and
 * a line counting the inputs that could not be read, if any.
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
    if (result.diagnostics.length === 0) continue;
    const rows = result.diagnostics.map(({ diagnostic, position }) => ({
      where: position ? `${position.line}:${position.column}` : diagnostic.location.pointer || "/",
      severity: diagnostic.severity,
      message: oneLine(diagnostic.message[language]),
      ruleId: diagnostic.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((row) => displayWidth(row.where)));
    const severityWidth = Math.max(...Object.values(severityWords[language]).map(displayWidth));
    // Messages are long and mostly CJK: they are not padded, so the rule id follows each one.
    const lines = rows.map(
      (row) =>
        `  ${colors.dim(padEnd(row.where, whereWidth))}  ${paintSeverity[row.severity](padEnd(severityWords[language][row.severity], severityWidth))}  ${row.message}  ${colors.dim(row.ruleId)}`,
    );
    blocks.push(`${colors.underline(result.input.file)}\n${lines.join("\n")}\n`);
  }
  const counts = countSeverities(results);
  const clean = counts.error + counts.warning + counts.info === 0;
  const summaries = clean && unreadable > 0 ? [] : [summaryLine(counts, language, colors)];
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
