import { countSeverities, type FileOutcome, type Language, oneLine } from "./file-result";

/** A workflow command's data: `%`, CR and LF escaped. */
function escapeData(value: string): string {
  return value.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A workflow command's property value: also `:` and `,` escaped. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

const commands = { error: "error", warning: "warning", info: "notice" } as const;

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), one per
 * finding, so that findings show on the pull request's diff; an unreadable input is an `::error`
 * on its file. Files are as named on the command line (relative to the repository root when
 * run from there).
 */
export function formatGithub(outcomes: readonly FileOutcome[], language: Language): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === "unreadable") {
      lines.push(`::error file=${escapeProperty(outcome.file)}::${escapeData(outcome.reason[language])}`);
      continue;
    }
    for (const { diagnostic, position } of outcome.diagnostics) {
      const properties = [`file=${escapeProperty(outcome.input.file)}`];
      if (position) {
        properties.push(`line=${position.line}`, `col=${position.column}`);
        if (position.endLine !== undefined) properties.push(`endLine=${position.endLine}`);
        if (position.endColumn !== undefined) properties.push(`endColumn=${position.endColumn}`);
      }
      properties.push(`title=${escapeProperty(`gongkai ${diagnostic.ruleId}`)}`);
      lines.push(
        `::${commands[diagnostic.severity]} ${properties.join(",")}::${escapeData(oneLine(diagnostic.message[language]))}`,
      );
    }
  }
  const counts = countSeverities(outcomes.flatMap((outcome) => (outcome.status === "checked" ? [outcome] : [])));
  lines.push(
    language === "zh"
      ? `gongkai：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`
      : `gongkai: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`,
  );
  return `${lines.join("\n")}\n`;
}
