import { type AuditResult, type AuditSummary, audit } from "@gongkai/audit";
import { CliError } from "../cli-error";
import { type CommandContext, ignoreSources, resolveCommon } from "../command-context";
import { type Language, text } from "../language";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { parseRuleLevels } from "../rule-levels";
import { commandUsage } from "../usage";

function positiveNumber(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number > 0))
    throw new CliError(
      text(
        `--${flag} 须为大于 0 的数（得到 '${String(value)}'）`,
        `--${flag} must be a number > 0 (got '${String(value)}')`,
      ),
      { showUsage: true },
    );
  return number;
}

/** The progress line: done/total, rate, time left, failures so far. */
export function progressLine(done: number, total: number, failed: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  const remaining = left === undefined ? "–" : left >= 60 ? `${Math.floor(left / 60)}m${left % 60}s` : `${left}s`;
  return `${done}/${total}  ${rate.toFixed(1)}/s  ${remaining} left  ${failed} failed`;
}

/** The totals at the end of a run, in the run's language; with `quiet`, only the files that failed. */
function summaryText(summary: AuditSummary, out: string | undefined, language: Language, quiet: boolean): string {
  const { totals } = summary;
  const say = (zh: string, en: string) => text(zh, en)[language];
  const lines = quiet
    ? []
    : [
        say(
          `${summary.interrupted ? "已中断：" : ""}${totals.done}/${totals.files} 个文件：${totals.checked} 个已检查，${totals.failed} 个失败，${totals.crossYearPairs} 对跨年报告`,
          `${summary.interrupted ? "interrupted: " : ""}${totals.done}/${totals.files} files: ${totals.checked} checked, ${totals.failed} failed, ${totals.crossYearPairs} cross-year pairs`,
        ),
        say(
          `${totals.findings} 个发现：${totals.error} 个错误，${totals.warning} 个警告，${totals.info} 个提示`,
          `${totals.findings} findings: ${totals.error} errors, ${totals.warning} warnings, ${totals.info} info`,
        ),
      ];
  for (const { file, failure, reason } of summary.failures.slice(0, 20)) {
    lines.push(say(`  失败：${file}：${failure}：${reason}`, `  failed: ${file}: ${failure}: ${reason}`));
  }
  const more = summary.failures.length - 20;
  if (more > 0) lines.push(say(`  另有 ${more} 个失败，见 summary.json`, `  … ${more} more failures in summary.json`));
  if (out && !quiet) lines.push(say(`已写入 ${out}/index.html`, `wrote ${out}/index.html`));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** `gongkai audit`: audit a whole set of reports and write a summary. */
export async function run(argv: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: "string" },
    format: { type: "string" },
    workers: { type: "string" },
    timeout: { type: "string" },
    "ignore-pattern": { type: "string", multiple: true },
    "no-pages": { type: "boolean" },
    rule: { type: "string", multiple: true },
  });
  // The config file and --lang, as for check: its rule levels and deadlines apply to every report.
  const settings = await resolveCommon(context, values);
  const { language } = context;
  if (values.help) {
    io.stdout(commandUsage.audit[language]);
    return 0;
  }
  if (settings.output !== undefined) {
    throw new CliError(
      text(
        "audit 不接受 -o：输出写入 --out 目录，或以 --format jsonl 写到标准输出",
        "audit takes no -o: its outputs go to --out DIR, or to stdout with --format jsonl",
      ),
      { showUsage: true },
    );
  }
  const rules = parseRuleLevels(settings.config.rules ?? {}, (values.rule as string[] | undefined) ?? []);
  if (positionals.length === 0) throw new CliError(text("没有要审查的路径", "no PATH to audit"), { showUsage: true });
  const format = oneOf("format", values.format, ["summary", "jsonl"], "summary");
  const workers = positiveNumber("workers", values.workers);
  const timeout = positiveNumber("timeout", values.timeout);
  const out = typeof values.out === "string" ? values.out : undefined;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const showProgress = io.stderrIsTTY === true && !io.env?.CI && !settings.quiet;
  try {
    const auditRun = audit(positionals, {
      cwd: io.cwd,
      signal: controller.signal,
      ...(out ? { out } : {}),
      ...(workers ? { workers: Math.floor(workers) } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
      ignore: await ignoreSources(settings, io.cwd, values["ignore-pattern"] as string[] | undefined),
      ...(values["no-pages"] ? { pages: false } : {}),
      rules,
      ...(settings.config.deadlines ? { deadlines: settings.config.deadlines } : {}),
    });
    const started = Date.now();
    let done = 0;
    let failed = 0;
    let total = 0;
    void auditRun.total.then((count) => {
      total = count;
    });
    const onResult = (result: AuditResult) => {
      if (format === "jsonl") io.stdout(`${JSON.stringify(result)}\n`);
      if (result.kind === "cross-year") return;
      done++;
      if (result.kind === "failure") failed++;
      if (showProgress) io.stderr(`\r\u001b[K${progressLine(done, total, failed, Date.now() - started)}`);
    };
    try {
      for await (const result of auditRun) {
        onResult(result);
        // A slow reader of the lines holds the run back (the audit starts no more files than it
        // has results waiting to be taken) rather than the lines piling up in memory.
        if (format === "jsonl") await io.stdoutDrained?.();
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(text(`审查失败：${reason}`, `audit failed: ${reason}`));
    }
    if (showProgress) io.stderr("\r\u001b[K");
    const summary = await auditRun.summary;
    const totals = summaryText(summary, out, language, settings.quiet);
    if (format === "summary") io.stdout(totals);
    else io.stderr(totals);
    return summary.interrupted ? 130 : 0;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
