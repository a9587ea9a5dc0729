import { resolve } from "node:path";
import type { IgnoreSource } from "@gongkai/import/node";
import type { Config } from "@gongkai/to-json";
import * as z from "zod";
import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { type Colors, colorEnabled, colors } from "./colors";
import { type Language, languageFromEnv, languages, text } from "./language";
import type { ParsedArgs } from "./parse-command-args";

/** What a command runs with: its io, the run's language, and the config file, once read. */
export interface CommandContext {
  readonly io: CliIo;
  /** The run's one language: `--lang`, else the config's `lang`, else from LANG, else zh. */
  language: Language;
}

/** The settings every command shares, resolved from flags, the config file and the environment. */
export interface CommonSettings {
  /** The config file's contents (empty when there is none or `--no-config`). */
  readonly config: Config;
  /** The folder the config file is in (paths in it are relative to it), or the working directory. */
  readonly configDir: string;
  /** The config file, when one was read. */
  readonly configFile: string | undefined;
  /** `-o`: where the output goes (`undefined` or `-`: standard output). */
  readonly output: string | undefined;
  /** `--quiet`: errors only. */
  readonly quiet: boolean;
  /** Colour styles for standard output. */
  readonly colors: Colors;
  /** Colour styles for standard error. */
  readonly errorColors: Colors;
}

/** Set zod's messages (report and config validation problems) to the run's language. */
export function localizeValidation(language: Language): void {
  z.config(language === "zh" ? z.locales.zhCN() : z.locales.en());
}

/**
 * Resolve the flags every command takes: `--lang` (checked), `--config`/`--no-config` (the config
 * file is read here; its `lang` applies when there is no `--lang`), `-o`, `--quiet`, colour.
 *
 * @throws {CliError} for a bad `--lang` or a config file that cannot be read or is invalid.
 */
export async function resolveCommon(context: CommandContext, values: ParsedArgs["values"]): Promise<CommonSettings> {
  const { io } = context;
  const env = io.env ?? {};
  const flagLanguage = values.lang;
  if (flagLanguage !== undefined && !(languages as readonly unknown[]).includes(flagLanguage)) {
    throw new CliError(
      text(
        `--lang 须为 zh 或 en（得到 '${String(flagLanguage)}'）`,
        `--lang must be zh or en (got '${String(flagLanguage)}')`,
      ),
      { showUsage: true },
    );
  }
  if (values.config !== undefined && values["no-config"]) {
    throw new CliError(text("--config 与 --no-config 不能同时使用", "--config and --no-config exclude each other"), {
      showUsage: true,
    });
  }
  // Until the config is read, the language of the flag or the environment.
  context.language = (flagLanguage as Language | undefined) ?? languageFromEnv(env);
  localizeValidation(context.language);
  let config: Config = {};
  let configDir = io.cwd;
  let configFile: string | undefined;
  if (!values["no-config"]) {
    const { ConfigError, loadConfig } = await import("@gongkai/import/node");
    try {
      const loaded = await loadConfig({
        cwd: io.cwd,
        ...(typeof values.config === "string" ? { configFile: values.config } : {}),
      });
      if (loaded) ({ config, dir: configDir, filepath: configFile } = loaded);
    } catch (error) {
      if (!ConfigError.isInstance(error)) throw error;
      const lines = error.problems.map((problem) => `\n  ${problem.pointer || "/"}: ${problem.message}`).join("");
      const reason =
        error.problems.length > 0 ? "" : `: ${error.cause instanceof Error ? error.cause.message : error.message}`;
      throw new CliError(
        text(
          `配置文件 ${error.filepath} 有误${reason}${lines}`,
          `config file ${error.filepath} is invalid${reason}${lines}`,
        ),
      );
    }
  }
  context.language = (flagLanguage as Language | undefined) ?? config.lang ?? languageFromEnv(env);
  localizeValidation(context.language);
  if (values.color && values["no-color"]) {
    throw new CliError(text("--color 与 --no-color 不能同时使用", "--color and --no-color exclude each other"), {
      showUsage: true,
    });
  }
  const flag = values.color ? true : values["no-color"] ? false : undefined;
  const output = typeof values.output === "string" ? values.output : undefined;
  const toTerminal = (output === undefined || output === "-") && io.stdoutIsTTY === true;
  return {
    config,
    configDir,
    configFile,
    output,
    quiet: values.quiet === true,
    colors: colors(colorEnabled({ flag, env, isTTY: toTerminal })),
    errorColors: colors(colorEnabled({ flag, env, isTTY: false })),
  };
}

/**
 * What a command that reads folders leaves out, besides `.gongkaiignore` in the working directory
 * (which `expandInputs` reads): the config's `ignore` patterns, relative to the config's folder;
 * `--ignore-pattern` flags, relative to the working directory; and a `.gongkaiignore` beside the
 * config file.
 */
export async function ignoreSources(
  settings: Pick<CommonSettings, "config" | "configDir">,
  cwd: string,
  flags: readonly string[] | undefined,
): Promise<IgnoreSource[]> {
  const sources: IgnoreSource[] = [
    { root: settings.configDir, patterns: settings.config.ignore ?? [] },
    { root: cwd, patterns: flags ?? [] },
  ];
  if (settings.configDir !== cwd) {
    const { ignoreFileName, readIgnoreFile } = await import("@gongkai/import/node");
    sources.push({
      root: settings.configDir,
      patterns: await readIgnoreFile(resolve(settings.configDir, ignoreFileName)),
    });
  }
  return sources;
}
