import { toJson } from "@gongkai/to-json";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import { loadInput } from "../load-input";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { reportToCsv } from "../report-csv";
import { printImportFindings } from "../report-import-findings";
import { writeOutput } from "../write-output";
import type { Command } from "./command";

const usage = `Usage: gongkai import FILE [-o OUT] [--format json|csv] [--lang zh|en]

Read a report from HTML (.html, .htm), text (.txt), Word (.docx) or JSON, told apart by
extension or else by content (- reads standard input), and write it as canonical JSON, or as
CSV with one line per table cell: table,row,column,value,raw,source. The importer's findings
go to standard error.

Options:
  -o, --output OUT      write to OUT instead of standard output
  --format json|csv     output format (default: json)
  --lang zh|en          language of the importer's findings (default: zh)
  -h, --help            show this help

Exit codes:
  0  imported (findings, if any, are on standard error)
  2  the input cannot be read or is not a report, or the command line is wrong
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    output: { type: "string", short: "o" },
    format: { type: "string" },
    lang: { type: "string" },
  });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const format = oneOf("format", values.format, ["json", "csv"], "json");
  const language = oneOf("lang", values.lang, ["zh", "en"], "zh");
  if (positionals.length !== 1) throw new CliError("import takes exactly one FILE", { showUsage: true });
  const input = await loadInput(positionals[0] as string, io);
  printImportFindings(io, input, language);
  const content = format === "csv" ? reportToCsv(input.report) : toJson(input.report);
  await writeOutput(io, values.output as string | undefined, content);
  return 0;
}

/** `gongkai import`: convert a report to canonical JSON or CSV. */
export const importCommand: Command = {
  name: "import",
  summary: "convert a report (HTML, text, DOCX, JSON) to canonical JSON or CSV",
  usage,
  run,
};
