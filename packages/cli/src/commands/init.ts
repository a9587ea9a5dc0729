import { type AgencyKind, agencyKinds, createReport, type EditionId, editionForYear, editionIds } from "@gongkai/core";
import { CliError } from "../cli-error";
import { type CommandContext, resolveCommon } from "../command-context";
import { text } from "../language";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { commandUsage } from "../usage";
import { writeOutput } from "../write-output";

/** `gongkai init`: print an empty report to fill in. */
export async function run(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    year: { type: "string" },
    edition: { type: "string" },
    agency: { type: "string" },
    kind: { type: "string" },
  });
  const settings = await resolveCommon(context, values);
  const { io, language } = context;
  if (values.help) {
    io.stdout(commandUsage.init[language]);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(text("init 不接受 FILE", "init takes no FILE"), { showUsage: true });
  const yearText = values.year;
  if (typeof yearText !== "string" || !/^\d{4}$/.test(yearText)) {
    throw new CliError(
      text("必须给出 --year YEAR（四位数字，如 2025）", "--year YEAR is required (four digits, e.g. 2025)"),
      { showUsage: true },
    );
  }
  const year = Number(yearText);
  const edition: EditionId | undefined =
    values.edition === undefined ? editionForYear(year) : oneOf("edition", values.edition, editionIds, "2021");
  if (edition === undefined) {
    throw new CliError(
      text(`没有覆盖 ${year} 年的格式版本；请给出 --edition`, `no format edition covers ${year}; give --edition`),
    );
  }
  const kind: AgencyKind = oneOf("kind", values.kind, agencyKinds, "unknown");
  const name = typeof values.agency === "string" ? values.agency : "";
  const report = createReport({ edition, year, agency: { name, kind } });
  const { toJson } = await import("@gongkai/to-json");
  await writeOutput(io, settings.output, toJson(report));
  return 0;
}
