import { resolve } from "node:path";
import {
  type AgencyKind,
  type CheckOptions,
  checkReport,
  diagnosticRegistry,
  diagnosticRuleIds,
  type LocalizedText,
  type Report,
} from "@gongkai/core";
import { CliError } from "../cli-error";
import type { CommandContext, CommonSettings } from "../command-context";
import { ignoreSources, resolveCommon } from "../command-context";
import { countSeverities, type FileOutcome, type FileResult } from "../format/file-result";
import { withSplitsInferred } from "../infer-splits";
import { text } from "../language";
import { type LoadedInput, loadInput, toUri } from "../load-input";
import { locateDiagnostics } from "../locate-diagnostics";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { parseRuleLevels } from "../rule-levels";
import { commandUsage } from "../usage";
import { writeOutput } from "../write-output";

function parseMaxWarnings(value: unknown, configured: number | undefined): number | undefined {
  if (value === undefined) return configured === undefined || configured < 0 ? undefined : configured;
  if (typeof value === "string" && /^-?\d+$/.test(value) && Number(value) >= -1) {
    return Number(value) < 0 ? undefined : Number(value);
  }
  throw new CliError(
    text(
      `--max-warnings 须为 ≥ -1 的整数（得到 '${String(value)}'）`,
      `--max-warnings must be a whole number ≥ -1 (got '${String(value)}')`,
    ),
    { showUsage: true },
  );
}

/** The report with the configured agency kind, when the config sets one. */
function withAgencyKind(report: Report, kind: AgencyKind | undefined): Report {
  if (kind === undefined || report.meta.agency.kind === kind) return report;
  return { ...report, meta: { ...report.meta, agency: { ...report.meta.agency, kind } } } as Report;
}

/** Last year's report for `file`: `--prior`, else the config's `prior` entry for it. */
async function priorFor(
  file: string,
  context: CommandContext,
  settings: CommonSettings,
  flagPrior: Report | undefined,
  cache: Map<string, Promise<Report>>,
): Promise<Report | undefined> {
  if (flagPrior) return flagPrior;
  const mapping = settings.config.prior;
  if (!mapping || file === "-") return undefined;
  const absolute = resolve(context.io.cwd, file);
  for (const [current, previous] of Object.entries(mapping)) {
    if (resolve(settings.configDir, current) !== absolute) continue;
    const target = resolve(settings.configDir, previous);
    let loading = cache.get(target);
    if (!loading) {
      loading = loadInput(target, context.io).then((input) => input.report);
      cache.set(target, loading);
    }
    return loading;
  }
  return undefined;
}

async function run(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: "string" },
    prior: { type: "string" },
    rule: { type: "string", multiple: true },
    "max-warnings": { type: "string" },
    "ignore-pattern": { type: "string", multiple: true },
    fix: { type: "boolean" },
    "infer-splits": { type: "boolean" },
  });
  const settings = await resolveCommon(context, values);
  const { io } = context;
  const language = context.language;
  if (values.help) {
    io.stdout(commandUsage.check[language]);
    return 0;
  }
  const format = oneOf("format", values.format, ["stylish", "json", "sarif", "github"], "stylish");
  const rules = parseRuleLevels(settings.config.rules ?? {}, (values.rule as string[] | undefined) ?? []);
  const maxWarnings = parseMaxWarnings(values["max-warnings"], settings.config.maxWarnings);
  if (positionals.length === 0) {
    throw new CliError(text("没有要检查的输入", "no INPUT to check"), { showUsage: true });
  }

  const { expandInputs } = await import("@gongkai/import/node");
  const ignore = await ignoreSources(settings, io.cwd, values["ignore-pattern"] as string[] | undefined);
  const expanded = await expandInputs(positionals, { cwd: io.cwd, ignore });
  // --fix: the fixed reports are written in place, or to -o (then one input only); findings go
  // to standard output.
  const fixing = values.fix === true;
  const fixTarget = fixing ? settings.output : undefined;
  if (fixTarget !== undefined && fixTarget !== "-" && expanded.files.length + expanded.unmatched.length > 1) {
    throw new CliError(text("--fix 与 -o 同用时只接受一个输入", "--fix with -o takes exactly one input"), {
      showUsage: true,
    });
  }
  const fixes: Array<{ readonly path: string; readonly content: string }> = [];
  let fixReport = "";
  let refusal: LocalizedText | undefined;

  let flagPrior: Report | undefined;
  if (typeof values.prior === "string") flagPrior = (await loadInput(values.prior, io)).report;
  const priorCache = new Map<string, Promise<Report>>();

  const outcomes: FileOutcome[] = [];
  const inputs: LoadedInput[] = [];
  for (const pattern of expanded.unmatched) {
    outcomes.push({
      status: "unreadable",
      file: pattern,
      reason: text(`${pattern}：没有匹配的报告文件`, `${pattern}: no report files match`),
    });
  }
  for (const path of expanded.files) {
    try {
      // The importer's findings come with the run's levels applied, as check()'s do.
      const loaded = await loadInput(path, io, { rules });
      let input = values["infer-splits"] === true ? await withSplitsInferred(loaded, rules) : loaded;
      const prior = await priorFor(path, context, settings, flagPrior, priorCache);
      const checkOptions: CheckOptions = {
        ...(prior ? { prior } : {}),
        rules,
        ...(settings.config.deadlines ? { deadlines: settings.config.deadlines } : {}),
      };
      if (fixing) {
        const { describeChanges, fixInput, fixRefusal } = await import("../fix-input");
        // An input --fix cannot write back stops the run before anything is written.
        refusal = fixRefusal(input, fixTarget);
        if (refusal) break;
        const fixed = await fixInput(input, checkOptions, fixTarget, (file) => toUri(io.cwd, file));
        if (fixed.write) fixes.push(fixed.write);
        fixReport += describeChanges(fixed.input.file, fixed.changes, language);
        input = fixed.input;
      }
      inputs.push(input);
      const report = withAgencyKind(input.report, settings.config.agencyKind);
      const checked = checkReport(report, checkOptions);
      const diagnostics = [...input.importDiagnostics, ...checked.diagnostics];
      outcomes.push({
        status: "checked",
        input,
        diagnostics: locateDiagnostics(input, diagnostics),
        coverage: checked.coverage,
      });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      outcomes.push({ status: "unreadable", file: path === "-" ? "<stdin>" : path, reason: error.text });
    }
  }

  if (refusal) throw new CliError(refusal);
  const checked = outcomes.flatMap((outcome): FileResult[] => (outcome.status === "checked" ? [outcome] : []));
  const counts = countSeverities(checked);
  const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
  const shown: FileOutcome[] = settings.quiet
    ? outcomes.map((outcome) =>
        outcome.status === "checked"
          ? { ...outcome, diagnostics: outcome.diagnostics.filter(({ diagnostic }) => diagnostic.severity === "error") }
          : outcome,
      )
    : outcomes;

  let output: string;
  if (format === "json") {
    const { formatJson } = await import("../format/json");
    output = formatJson(shown, language);
  } else if (format === "sarif") {
    const [{ formatSarif }, { cliVersion }] = await Promise.all([import("../format/sarif"), import("../version")]);
    const results = shown.flatMap((outcome): FileResult[] => (outcome.status === "checked" ? [outcome] : []));
    const failures = shown.flatMap((outcome) => (outcome.status === "unreadable" ? [outcome.reason[language]] : []));
    output = formatSarif(results, {
      rules: diagnosticRuleIds.map((id) => diagnosticRegistry[id]),
      version: cliVersion(),
      language,
      failures,
    });
  } else if (format === "github") {
    const { formatGithub } = await import("../format/github");
    output = formatGithub(shown, language);
  } else {
    const { formatStylish } = await import("../format/stylish");
    output = formatStylish(shown, { language, colors: settings.colors });
    if (tooManyWarnings) {
      output += settings.colors.red(
        language === "zh"
          ? `警告数 ${counts.warning} 超过 --max-warnings ${maxWarnings}\n`
          : `${counts.warning} warnings exceed --max-warnings ${maxWarnings}\n`,
      );
    }
  }
  if (format === "stylish") {
    for (const outcome of outcomes) {
      if (outcome.status === "unreadable") io.stderr(`gongkai: ${outcome.reason[language]}\n`);
    }
  }
  for (const { path, content } of fixes) await writeOutput(io, path, content);
  // What --fix changed: before the findings in stylish output, on standard error otherwise (so
  // JSON, SARIF and annotations stay machine-readable).
  if (fixReport !== "" && !settings.quiet) {
    if (format === "stylish") output = fixReport + output;
    else io.stderr(fixReport);
  }
  await writeOutput(io, fixing ? undefined : settings.output, output);
  if (outcomes.some((outcome) => outcome.status === "unreadable")) return 2;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}

export { run };
