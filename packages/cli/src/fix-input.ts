import { type AppliedFix, type CheckOptions, cellPointer, fix, formatNumber, type LocalizedText } from "@gongkai/core";
import type { Language } from "./language";
import { text } from "./language";
import type { LoadedInput } from "./load-input";

/** One input after `check --fix`: the fixed report as the run now reads it, and what changed. */
export interface FixedInput {
  /** The input as check reads it now: the fixed report, located in the JSON text written. */
  readonly input: LoadedInput;
  /** The cells changed. */
  readonly changes: readonly AppliedFix[];
  /** The file to write and its JSON text; undefined when nothing changed in place. */
  readonly write: { readonly path: string; readonly content: string } | undefined;
}

/**
 * Why `--fix` cannot write an input back, when it cannot: a non-JSON input (the fix would turn
 * it into JSON) or standard input, unless `-o` names where the fixed report goes.
 */
export function fixRefusal(input: LoadedInput, output: string | undefined): LocalizedText | undefined {
  if (output !== undefined && output !== "-") return undefined;
  if (input.file === "<stdin>") {
    return text(
      "--fix 不能就地修改标准输入：请用 -o FILE 指定写入位置",
      "--fix cannot write standard input back: give -o FILE for the fixed report",
    );
  }
  if (input.format !== "json") {
    return text(
      `${input.file}：--fix 只就地修改 JSON 报告（此文件为 ${input.format}）：请用 -o FILE.json 写出修正后的报告`,
      `${input.file}: --fix changes JSON reports in place only (this is ${input.format}): give -o FILE.json for the fixed report`,
    );
  }
  return undefined;
}

/**
 * Apply core's certain fixes to one input. In place (no `-o`): the JSON file is rewritten as
 * canonical JSON when anything changed. With `-o`: the fixed report is written there, changed or
 * not, and the findings that follow are located in that file.
 */
export async function fixInput(
  input: LoadedInput,
  options: CheckOptions,
  output: string | undefined,
  uriOf: (path: string) => string,
): Promise<FixedInput> {
  const { report, changes } = fix(input.report, options);
  const toOutput = output !== undefined && output !== "-";
  if (!toOutput && changes.length === 0) return { input, changes, write: undefined };
  const { toJson } = await import("@gongkai/to-json");
  const content = toJson(report);
  const path = toOutput ? output : input.file;
  const fixed: LoadedInput = toOutput
    ? { ...input, file: output, uri: uriOf(output), format: "json", report, jsonText: content }
    : { ...input, report, jsonText: content };
  return { input: fixed, changes, write: { path, content } };
}

/** What `--fix` changed in one file, a line per cell: `file: fixed 2 cells` then `  pointer  blank → 49  rule`. */
export function describeChanges(file: string, changes: readonly AppliedFix[], language: Language): string {
  if (changes.length === 0) return "";
  const count = changes.length;
  const head =
    language === "zh" ? `${file}：已修正 ${count} 个单元格` : `${file}: fixed ${count} cell${count === 1 ? "" : "s"}`;
  const lines = changes.map((change) => {
    const { table, row, column } = change.location;
    const pointer = table && row && column ? cellPointer({ table, row, column }) : change.location.pointer || "/";
    const before = change.before === null ? (language === "zh" ? "空白" : "blank") : formatNumber(change.before);
    return `  ${pointer}  ${before} → ${formatNumber(change.after)}  ${change.message[language]}  ${change.ruleId}`;
  });
  return `${head}\n${lines.join("\n")}\n`;
}
