import { toDocx } from "@gongkai/to-docx";
import { toHtmlPage } from "@gongkai/to-html";
import { toJson } from "@gongkai/to-json";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import { loadInput } from "../load-input";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { printImportFindings } from "../report-import-findings";
import { writeOutput } from "../write-output";
import type { Command } from "./command";

const usage = `Usage: gongkai render FILE --to html|docx|json [-o OUT] [--lang zh|en]

Render a report (any format gongkai reads; - reads standard input) as a standalone HTML page, a
Word document or canonical JSON. DOCX is binary: give -o, or pipe standard output (it is not
written to a terminal).

Options:
  --to html|docx|json   output format (required)
  -o, --output OUT      write to OUT instead of standard output
  --lang zh|en          language of the importer's findings on standard error (default: zh)
  -h, --help            show this help

Exit codes:
  0  rendered
  2  the input cannot be read, is not a report or cannot be rendered, or the command line is wrong
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    to: { type: "string" },
    output: { type: "string", short: "o" },
    lang: { type: "string" },
  });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.to === undefined) throw new CliError("--to html|docx|json is required", { showUsage: true });
  const target = oneOf("to", values.to, ["html", "docx", "json"], "html");
  const language = oneOf("lang", values.lang, ["zh", "en"], "zh");
  if (positionals.length !== 1) throw new CliError("render takes exactly one FILE", { showUsage: true });
  const out = values.output as string | undefined;
  if (target === "docx" && (out === undefined || out === "-") && io.stdoutIsTTY) {
    throw new CliError("refusing to write a DOCX (binary) to the terminal: give -o FILE or redirect the output");
  }
  const input = await loadInput(positionals[0] as string, io);
  printImportFindings(io, input, language);
  let content: string | Uint8Array;
  try {
    if (target === "docx") content = await toDocx(input.report);
    else if (target === "html") content = toHtmlPage(input.report);
    else content = toJson(input.report);
  } catch (error) {
    throw new CliError(
      `${input.file}: cannot render as ${target}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await writeOutput(io, out, content);
  return 0;
}

/** `gongkai render`: write a report as HTML, DOCX or JSON. */
export const renderCommand: Command = {
  name: "render",
  summary: "render a report as an HTML page, a DOCX document or canonical JSON",
  usage,
  run,
};
