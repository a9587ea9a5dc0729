import { createColors } from "picocolors";

/** The styles the CLI's text output uses; each is the identity when colour is off. */
export type Colors = ReturnType<typeof createColors>;

/**
 * Whether to colour output, by the usual conventions: `--color`/`--no-color` first, then
 * `FORCE_COLOR` (set and not `0`: on), then `NO_COLOR` (set and not empty: off), then on exactly
 * when the output is a terminal that is not `TERM=dumb`.
 */
export function colorEnabled(options: {
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}): boolean {
  if (options.flag !== undefined) return options.flag;
  const { env } = options;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return options.isTTY && env.TERM !== "dumb";
}

/** The styles for colour on or off. */
export function colors(enabled: boolean): Colors {
  return createColors(enabled);
}
