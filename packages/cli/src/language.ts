import type { LocalizedText } from "@gongkai/core";

/** The language of one run: Chinese (default) or English. */
export type Language = "zh" | "en";

/** The languages `--lang` takes. */
export const languages: readonly Language[] = ["zh", "en"];

/**
 * The language the environment asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (`en_US.UTF-8`
 * is English, `zh_CN.UTF-8` Chinese); Chinese when none names either.
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name]?.toLowerCase() ?? "";
    if (value.startsWith("en")) return "en";
    if (value.startsWith("zh")) return "zh";
  }
  return "zh";
}

/** `--lang X` or `--lang=X` in `argv`, if given (an invalid value is reported by the command). */
export function languageFlag(argv: readonly string[]): Language | undefined {
  for (const [index, argument] of argv.entries()) {
    if (argument === "--") return undefined;
    const value =
      argument === "--lang" ? argv[index + 1] : argument.startsWith("--lang=") ? argument.slice(7) : undefined;
    if (value === "zh" || value === "en") return value;
  }
  return undefined;
}

/** A message in both languages. */
export function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}
