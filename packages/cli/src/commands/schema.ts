import { reportJsonSchema } from "@gongkai/to-json";
import type { CliIo } from "../cli-io";
import { parseCommandArgs } from "../parse-command-args";
import { writeOutput } from "../write-output";
import type { Command } from "./command";

const usage = `Usage: gongkai schema [-o OUT]

Print the JSON Schema (draft 2020-12) of gongkai's report JSON, the same file @gongkai/to-json
ships as schema/report.schema.json.

Options:
  -o, --output OUT      write to OUT instead of standard output
  -h, --help            show this help

Exit codes: 0 printed; 2 the command line is wrong or OUT cannot be written
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { output: { type: "string", short: "o" } });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length > 0) {
    io.stderr(`gongkai: schema takes no FILE\n${usage}`);
    return 2;
  }
  await writeOutput(io, values.output as string | undefined, `${JSON.stringify(reportJsonSchema, null, 2)}\n`);
  return 0;
}

/** `gongkai schema`: print the report JSON Schema. */
export const schemaCommand: Command = { name: "schema", summary: "print the JSON Schema of report JSON", usage, run };
