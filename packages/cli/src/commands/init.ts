import { type AgencyKind, agencyKinds, createReport, type EditionId, editionForYear, editionIds } from "@gongkai/core";
import { toJson } from "@gongkai/to-json";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { writeOutput } from "../write-output";
import type { Command } from "./command";

const usage = `Usage: gongkai init --year YEAR [--edition 2019|2021] [--agency NAME] [--kind KIND] [-o OUT]

Print an empty report to fill in, as canonical JSON: the six parts with their printed headings,
every table cell blank. Its $schema lets editors complete and check it as you type.

Options:
  --year YEAR           the calendar year the report covers (required)
  --edition 2019|2021   the format edition (default: the edition for YEAR)
  --agency NAME         the publishing agency
  --kind KIND           department | peoplesGovernment | townshipStreet | unknown (default: unknown)
  -o, --output OUT      write to OUT instead of standard output
  -h, --help            show this help

Exit codes: 0 printed; 2 the command line is wrong or OUT cannot be written
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    year: { type: "string" },
    edition: { type: "string" },
    agency: { type: "string" },
    kind: { type: "string" },
    output: { type: "string", short: "o" },
  });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length > 0) throw new CliError("init takes no FILE", { showUsage: true });
  const yearText = values.year;
  if (typeof yearText !== "string" || !/^\d{4}$/.test(yearText)) {
    throw new CliError("--year YEAR is required (four digits, e.g. 2025)", { showUsage: true });
  }
  const year = Number(yearText);
  const edition: EditionId | undefined =
    values.edition === undefined ? editionForYear(year) : oneOf("edition", values.edition, editionIds, "2021");
  if (edition === undefined) throw new CliError(`no format edition covers ${year}; give --edition`);
  const kind: AgencyKind = oneOf("kind", values.kind, agencyKinds, "unknown");
  const name = typeof values.agency === "string" ? values.agency : "";
  const report = createReport({ edition, year, agency: { name, kind } });
  await writeOutput(io, values.output as string | undefined, toJson(report));
  return 0;
}

/** `gongkai init`: print an empty report to fill in. */
export const initCommand: Command = { name: "init", summary: "print an empty report to fill in", usage, run };
