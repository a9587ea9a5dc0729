import type { CliIo } from "../cli-io";

/** One `gongkai` subcommand. */
export interface Command {
  /** The name typed after `gongkai`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly usage: string;
  /** Run with the arguments after the command name; resolves to the exit code. */
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}
