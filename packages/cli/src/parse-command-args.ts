import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./cli-error";
import { text } from "./language";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The parsed flags and positionals of one command. */
export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/** The flags every command takes: output, language, config, quiet, colour, help. */
export const commonOptions = {
  output: { type: "string", short: "o" },
  lang: { type: "string" },
  config: { type: "string" },
  "no-config": { type: "boolean" },
  quiet: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** parseArgs's error as a message in both languages. */
function parseFailure(error: unknown): CliError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, "") : "";
  const option = /'([^']+)'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return new CliError(text(`未知选项 '${option}'`, `unknown option '${option}'`), { showUsage: true });
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /(--[\w-]+)/.exec(message)?.[1] ?? option;
    return /argument missing/.test(message)
      ? new CliError(text(`选项 ${flag} 缺少取值`, `option ${flag} needs a value`), { showUsage: true })
      : new CliError(text(`选项 ${flag} 不接受取值`, `option ${flag} takes no value`), { showUsage: true });
  }
  return new CliError(text(`参数有误：${message}`, `invalid arguments: ${message}`), { showUsage: true });
}

/**
 * Parse a command's arguments strictly (unknown flags and missing flag values are usage errors),
 * with {@link commonOptions} added to the command's own.
 *
 * @throws {CliError} with `showUsage` for anything parseArgs rejects.
 */
export function parseCommandArgs(argv: readonly string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, ...commonOptions },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw parseFailure(error);
  }
}

/** A flag's value that must be one of `allowed`. */
export function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join(", ");
  throw new CliError(
    text(
      `--${flag} 须为 ${list} 之一（得到 '${String(value)}'）`,
      `--${flag} must be one of ${list} (got '${String(value)}')`,
    ),
    { showUsage: true },
  );
}
