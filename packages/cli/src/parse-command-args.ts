import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./cli-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The parsed flags and positionals of one command. */
export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/**
 * Parse a command's arguments strictly (unknown flags and missing flag values are usage errors).
 * `-h`/`--help` is always accepted.
 *
 * @throws {CliError} with `showUsage` for anything parseArgs rejects.
 */
export function parseCommandArgs(argv: readonly string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, "") : "";
    throw new CliError(message || "invalid arguments", { showUsage: true });
  }
}

/** A flag's value that must be one of `allowed`. */
export function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${flag} must be one of ${allowed.join(", ")} (got '${String(value)}')`, { showUsage: true });
}
