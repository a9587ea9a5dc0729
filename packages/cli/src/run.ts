import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { auditCommand } from "./commands/audit";
import { checkCommand } from "./commands/check";
import type { Command } from "./commands/command";
import { importCommand } from "./commands/import";
import { initCommand } from "./commands/init";
import { renderCommand } from "./commands/render";
import { schemaCommand } from "./commands/schema";
import { cliVersion } from "./version";

const commands: readonly Command[] = [
  checkCommand,
  importCommand,
  renderCommand,
  schemaCommand,
  initCommand,
  auditCommand,
];

function mainUsage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n");
  return `Usage: gongkai <command> [options]

Check, import and render 政府信息公开工作年度报告 (Government Information Disclosure annual reports).

Commands:
${list}

Options:
  -h, --help     show this help (gongkai <command> --help for a command's)
  -v, --version  print the version

Exit codes: 0 success; 1 check found errors; 2 unreadable input, not a report, or a wrong command line
`;
}

/**
 * Run the `gongkai` command line in-process: `argv` is what follows `gongkai` (e.g.
 * `["check", "report.json", "--format", "sarif"]`). Output goes through `io`; nothing calls
 * `process.exit`.
 *
 * @returns the exit code: 0 success, 1 `check` found errors (or too many warnings), 2 an input
 * cannot be read or is not a report, or the command line is wrong.
 * @example
 * const code = await run(["check", "report.txt", "--lang", "en"], io);
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(mainUsage());
    return 2;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(`${cliVersion()}\n`);
    return 0;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? commands.find((command) => command.name === rest[0]) : undefined;
    io.stdout(topic ? topic.usage : mainUsage());
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    io.stderr(`gongkai: unknown ${first.startsWith("-") ? "option" : "command"} '${first}'\n\n${mainUsage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`gongkai: ${error.message}\n${error.showUsage ? `\n${command.usage}` : ""}`);
      return 2;
    }
    io.stderr(`gongkai: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
