import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import type { CommandContext } from "./command-context";
import type { Command } from "./commands/command";
import { languageFlag, languageFromEnv } from "./language";
import { commandUsage, mainUsage } from "./usage";
import { cliVersion } from "./version";

// Each command is loaded only when it runs: `gongkai --version` and `--help` load none, and no
// command loads an importer or renderer it does not use.
const commands: readonly Command[] = [
  { name: "check", load: () => import("./commands/check") },
  { name: "import", load: () => import("./commands/import") },
  { name: "render", load: () => import("./commands/render") },
  { name: "schema", load: () => import("./commands/schema") },
  { name: "init", load: () => import("./commands/init") },
  { name: "audit", load: () => import("./commands/audit") },
];

/**
 * `argv` with the command first: `gongkai --lang en check …` may give the language flag before
 * the command, and it moves behind it.
 */
export function withCommandFirst(argv: readonly string[]): readonly string[] {
  const leadingLang =
    argv[0] === "--lang" && argv.length > 2 ? 2 : argv[0]?.startsWith("--lang=") && argv.length > 1 ? 1 : 0;
  return leadingLang > 0 ? [...argv.slice(leadingLang), ...argv.slice(0, leadingLang)] : argv;
}

/**
 * Run the `gongkai` command line in-process: `argv` is what follows `gongkai` (e.g.
 * `["check", "report.json", "--format", "sarif"]`). Output goes through `io`; nothing calls
 * `process.exit`. One language per run: `--lang`, else the config file's `lang`, else `LANG`
 * from `io.env`, else Chinese.
 *
 * @returns the exit code: 0 success, 1 `check` found errors (or too many warnings), 2 an input
 * cannot be read or is not a report, or the command line is wrong.
 * @example
 * const code = await run(["check", "report.txt", "--lang", "en"], io);
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = withCommandFirst(argv);
  const context: CommandContext = { io, language: languageFlag(argv) ?? languageFromEnv(io.env ?? {}) };
  if (first === undefined) {
    io.stderr(mainUsage(context.language));
    return 2;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(`${cliVersion()}\n`);
    return 0;
  }
  if (first === "--help" || first === "-h" || first === "help" || first === "--lang" || first.startsWith("--lang=")) {
    // `gongkai --lang en` alone is the main help in that language.
    const topic = first === "help" ? commands.find((command) => command.name === rest[0]) : undefined;
    io.stdout(topic ? commandUsage[topic.name][context.language] : mainUsage(context.language));
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    const kind = first.startsWith("-") ? { zh: "选项", en: "option" } : { zh: "命令", en: "command" };
    io.stderr(
      context.language === "zh"
        ? `gongkai: 未知${kind.zh} '${first}'\n\n${mainUsage("zh")}`
        : `gongkai: unknown ${kind.en} '${first}'\n\n${mainUsage("en")}`,
    );
    return 2;
  }
  try {
    const { run: runCommand } = await command.load();
    return await runCommand(rest, context);
  } catch (error) {
    const prefix = "gongkai: ";
    if (error instanceof CliError) {
      const usage = error.showUsage ? `\n${commandUsage[command.name][context.language]}` : "";
      io.stderr(`${prefix}${error.text[context.language]}\n${usage}`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`${prefix}${context.language === "zh" ? "内部错误" : "internal error"}: ${detail}\n`);
    return 2;
  }
}
