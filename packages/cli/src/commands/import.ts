import { CliError } from "../cli-error";
import { type CommandContext, resolveCommon } from "../command-context";
import { withSplitsInferred } from "../infer-splits";
import { text } from "../language";
import { loadInput } from "../load-input";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { printImportFindings } from "../report-import-findings";
import { parseRuleLevels } from "../rule-levels";
import { commandUsage } from "../usage";
import { writeOutput } from "../write-output";

/** `gongkai import`: convert a report to canonical JSON or CSV. */
export async function run(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: "string" },
    "infer-splits": { type: "boolean" },
  });
  const settings = await resolveCommon(context, values);
  const { io, language } = context;
  if (values.help) {
    io.stdout(commandUsage.import[language]);
    return 0;
  }
  const format = oneOf("format", values.format, ["json", "csv"], "json");
  if (positionals.length !== 1) {
    throw new CliError(text("import 只接受一个 FILE", "import takes exactly one FILE"), { showUsage: true });
  }
  // The config's rule levels apply to the importer's findings, as in `gongkai check`.
  const rules = parseRuleLevels(settings.config.rules ?? {}, []);
  const loaded = await loadInput(positionals[0] as string, io, { rules });
  await printImportFindings(io, loaded, language, settings);
  const input = values["infer-splits"] === true ? await withSplitsInferred(loaded, rules) : loaded;
  let content: string;
  if (format === "csv") {
    const { toCsv } = await import("@gongkai/to-json");
    content = toCsv(input.report);
  } else {
    const { toJson } = await import("@gongkai/to-json");
    content = toJson(input.report);
  }
  await writeOutput(io, settings.output, content);
  return 0;
}
