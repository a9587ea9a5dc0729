import type { CommandContext } from "../command-context";

/** One `gongkai` subcommand, loaded only when it runs. */
export interface Command {
  /** The name typed after `gongkai`. */
  readonly name: "check" | "import" | "render" | "schema" | "init" | "audit";
  /** Load the command and run it with the arguments after its name; resolves to the exit code. */
  readonly load: () => Promise<{ run: (argv: readonly string[], context: CommandContext) => Promise<number> }>;
}
