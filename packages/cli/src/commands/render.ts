import { CliError } from "../cli-error";
import { type CommandContext, resolveCommon } from "../command-context";
import { text } from "../language";
import { loadInput } from "../load-input";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { printImportFindings } from "../report-import-findings";
import { commandUsage } from "../usage";
import { writeOutput } from "../write-output";

/** `gongkai render`: write a report as HTML, DOCX or JSON (each renderer loaded only when used). */
export async function run(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { to: { type: "string" } });
  const settings = await resolveCommon(context, values);
  const { io, language } = context;
  if (values.help) {
    io.stdout(commandUsage.render[language]);
    return 0;
  }
  if (values.to === undefined) {
    throw new CliError(text("必须给出 --to html|docx|json", "--to html|docx|json is required"), { showUsage: true });
  }
  const target = oneOf("to", values.to, ["html", "docx", "json"], "html");
  if (positionals.length !== 1) {
    throw new CliError(text("render 只接受一个 FILE", "render takes exactly one FILE"), { showUsage: true });
  }
  const out = settings.output;
  if (target === "docx" && (out === undefined || out === "-") && io.stdoutIsTTY) {
    throw new CliError(
      text(
        "不会把 DOCX（二进制）写到终端：请给出 -o FILE 或重定向输出",
        "refusing to write a DOCX (binary) to the terminal: give -o FILE or redirect the output",
      ),
    );
  }
  const input = await loadInput(positionals[0] as string, io);
  await printImportFindings(io, input, language, settings);
  let content: string | Uint8Array;
  try {
    if (target === "docx") content = await (await import("@gongkai/to-docx")).toDocx(input.report);
    else if (target === "html") content = (await import("@gongkai/to-html")).toHtmlPage(input.report);
    else content = (await import("@gongkai/to-json")).toJson(input.report);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      text(`${input.file}：无法渲染为 ${target}：${message}`, `${input.file}: cannot render as ${target}: ${message}`),
    );
  }
  await writeOutput(io, out, content);
  return 0;
}
