import { CliError } from "../cli-error";
import { type CommandContext, resolveCommon } from "../command-context";
import { text } from "../language";
import { parseCommandArgs } from "../parse-command-args";
import { commandUsage } from "../usage";
import { writeOutput } from "../write-output";

/** `gongkai schema`: print the report JSON Schema, or the config file's. */
export async function run(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { "config-schema": { type: "boolean" } });
  const settings = await resolveCommon(context, values);
  const { io, language } = context;
  if (values.help) {
    io.stdout(commandUsage.schema[language]);
    return 0;
  }
  if (positionals.length > 0)
    throw new CliError(text("schema 不接受 FILE", "schema takes no FILE"), { showUsage: true });
  const { configJsonSchema, reportJsonSchema } = await import("@gongkai/to-json");
  const schema = values["config-schema"] ? configJsonSchema() : reportJsonSchema();
  await writeOutput(io, settings.output, `${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
