import { check, type Diagnostic, type Report, type RuleId, ruleIds, type Severity, severities } from "@gongkai/core";
import { type ImportRuleId, importRuleIds } from "@gongkai/recognize";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import type { FileResult, Language } from "../format/file-result";
import { formatJson } from "../format/json";
import { formatSarif } from "../format/sarif";
import { countSeverities, formatStylish } from "../format/stylish";
import { type LoadedInput, loadInput } from "../load-input";
import { locateDiagnostics } from "../locate-diagnostics";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { ruleCatalog } from "../rule-catalog";
import { cliVersion } from "../version";
import type { Command } from "./command";

const usage = `Usage: gongkai check FILE... [options]

Check 政府信息公开工作年度报告 against the format's rules: table arithmetic, structure, deadlines,
cross-year carry-over. FILE is a report as JSON (.json), HTML (.html, .htm), text (.txt) or Word
(.docx), told apart by extension or else by content; - reads standard input.

Options:
  --format stylish|json|sarif     output format (default: stylish)
  --lang zh|en                    language of messages (default: zh)
  --prior FILE                    last year's report of the same agency, for cross-year/* rules
  --rule ID=off|info|warning|error
                                  change a rule's severity; repeatable (check and import/* rules)
  --max-warnings N                fail when there are more than N warnings (-1: no limit)
  -h, --help                      show this help

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  an input cannot be read or is not a report, or the command line is wrong
`;

const levels = ["off", ...severities] as const;
type Level = (typeof levels)[number];

interface RuleSettings {
  readonly check: Partial<Record<RuleId, Level>>;
  readonly import: Partial<Record<ImportRuleId, Level>>;
}

function parseRuleSettings(values: readonly string[]): RuleSettings {
  const settings: { check: Partial<Record<RuleId, Level>>; import: Partial<Record<ImportRuleId, Level>> } = {
    check: {},
    import: {},
  };
  for (const value of values) {
    const match = /^([^=]+)=(.*)$/.exec(value);
    const [id, level] = match ? [match[1] as string, match[2] as string] : [value, ""];
    if (!(levels as readonly string[]).includes(level)) {
      throw new CliError(`--rule ${value}: expected ID=${levels.join("|")}`, { showUsage: true });
    }
    if ((ruleIds as readonly string[]).includes(id)) settings.check[id as RuleId] = level as Level;
    else if ((importRuleIds as readonly string[]).includes(id)) settings.import[id as ImportRuleId] = level as Level;
    else
      throw new CliError(`--rule ${value}: unknown rule '${id}' (known: ${[...ruleIds, ...importRuleIds].join(", ")})`);
  }
  return settings;
}

/** `--max-warnings N`: a whole number ≥ 0, or -1 for no limit (as ESLint reads it). */
function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined || value === "-1") return undefined;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  throw new CliError(`--max-warnings must be a whole number ≥ 0, or -1 for no limit (got '${String(value)}')`, {
    showUsage: true,
  });
}

/**
 * parseArgs reads a value that starts with "-" as a flag ("argument is ambiguous"), so
 * `--max-warnings -1` is handed to it as `--max-warnings=-1`.
 */
function joinNegativeMaxWarnings(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    const next = argv[index + 1];
    if (arg === "--max-warnings" && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      index += 1;
    } else args.push(arg);
  }
  return args;
}

function applyImportSettings(diagnostics: readonly Diagnostic[], settings: RuleSettings["import"]): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const level = settings[diagnostic.ruleId as ImportRuleId];
    if (level === undefined) return [diagnostic];
    if (level === "off") return [];
    return [{ ...diagnostic, severity: level as Severity }];
  });
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(joinNegativeMaxWarnings(argv), {
    format: { type: "string" },
    lang: { type: "string" },
    prior: { type: "string" },
    rule: { type: "string", multiple: true },
    "max-warnings": { type: "string" },
  });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const format = oneOf("format", values.format, ["stylish", "json", "sarif"], "stylish");
  const language: Language = oneOf("lang", values.lang, ["zh", "en"], "zh");
  const settings = parseRuleSettings((values.rule as string[] | undefined) ?? []);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  if (positionals.length === 0) throw new CliError("no FILE to check", { showUsage: true });

  let prior: Report | undefined;
  if (typeof values.prior === "string") prior = (await loadInput(values.prior, io)).report;

  const failures: string[] = [];
  const inputs: LoadedInput[] = [];
  for (const path of positionals) {
    try {
      inputs.push(await loadInput(path, io));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failures.push(error.message);
      io.stderr(`gongkai: ${error.message}\n`);
    }
  }

  const checkOptions = {
    ...(prior ? { prior } : {}),
    rules: settings.check as Partial<Record<RuleId, Severity | "off">>,
  };
  const results: FileResult[] = inputs.map((input) => {
    const diagnostics = [
      ...applyImportSettings(input.importDiagnostics, settings.import),
      ...check(input.report, checkOptions),
    ];
    return { input, diagnostics: locateDiagnostics(input, diagnostics) };
  });

  if (format === "json") io.stdout(formatJson(results, language));
  else if (format === "sarif") {
    io.stdout(formatSarif(results, { rules: ruleCatalog(), version: cliVersion(), language, failures }));
  } else io.stdout(formatStylish(results, language, failures.length));

  const counts = countSeverities(results);
  const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
  if (tooManyWarnings && format === "stylish") {
    io.stdout(
      language === "zh"
        ? `警告数 ${counts.warning} 超过 --max-warnings ${maxWarnings}\n`
        : `${counts.warning} warnings exceed --max-warnings ${maxWarnings}\n`,
    );
  }
  if (failures.length > 0) return 2;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}

/** `gongkai check`: check reports and print the findings. */
export const checkCommand: Command = { name: "check", summary: "check reports and print the findings", usage, run };
