import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { GongkaiError } from "@gongkai/core";
import { type Config, configSchema } from "@gongkai/to-json";
import { lilconfig } from "lilconfig";
import { configSearchPlaces } from "./config-search-places";

/** A config file that was found. */
export interface LoadedConfig {
  /** The config, validated. */
  readonly config: Config;
  /** The config file's absolute path. */
  readonly filepath: string;
  /** The folder it is in: paths in the config are relative to it. */
  readonly dir: string;
}

/** One problem with a config file, at its path inside the config (`rules/meta~1deadline`). */
export interface ConfigProblem {
  /** Where in the config, as a JSON pointer (`""` for the whole file). */
  readonly pointer: string;
  /** What is wrong (in zod's configured language). */
  readonly message: string;
}

const marker = Symbol.for("gongkai.error.config");

/** The config file cannot be read, is not valid JSON or JavaScript, or does not follow the config schema. */
export class ConfigError extends GongkaiError {
  readonly [marker] = true;

  /** The config file. */
  readonly filepath: string;

  /** What is wrong with it, each at its place (empty when it could not be read at all). */
  readonly problems: readonly ConfigProblem[];

  /**
   * @param options.filepath - the config file.
   * @param options.message - what went wrong.
   * @param options.problems - each problem at its place.
   */
  constructor(options: { filepath: string; message: string; problems?: readonly ConfigProblem[]; cause?: unknown }) {
    super({ name: "GongkaiConfigError", message: options.message, cause: options.cause });
    this.filepath = options.filepath;
    this.problems = options.problems ?? [];
  }

  /** Whether `error` is a ConfigError from any copy of this package. */
  static override isInstance(error: unknown): error is ConfigError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

async function loadJson(filepath: string, content: string): Promise<unknown> {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new ConfigError({
      filepath,
      message: `${filepath}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
}

function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

function validate(filepath: string, value: unknown): LoadedConfig {
  const result = configSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({ pointer: pointerOf(issue.path), message: issue.message }));
    throw new ConfigError({
      filepath,
      message: `${filepath}: ${problems.map((problem) => `${problem.pointer || "/"}: ${problem.message}`).join("; ")}`,
      problems,
    });
  }
  return { config: result.data, filepath, dir: dirname(filepath) };
}

/**
 * Find and read the config file: `configFile` when given, else the first of
 * {@link configSearchPlaces} (a package.json counts only with a `"gongkai"` key) in `cwd` or a
 * folder above it. A `.js` config's default export is the config.
 *
 * @returns the config, or `undefined` when there is none.
 * @throws {ConfigError} when the file cannot be read or does not follow the config schema.
 */
export async function loadConfig(options: { cwd: string; configFile?: string }): Promise<LoadedConfig | undefined> {
  const explorer = lilconfig("gongkai", {
    searchPlaces: [...configSearchPlaces],
    loaders: { ".json": (filepath, content) => loadJson(filepath, content) },
  });
  if (options.configFile !== undefined) {
    const filepath = resolve(options.cwd, options.configFile);
    try {
      await readFile(filepath);
    } catch (error) {
      throw new ConfigError({ filepath, message: `${filepath}: cannot read`, cause: error });
    }
    const loaded = await loadOrThrow(filepath, () => explorer.load(filepath));
    return validate(filepath, loaded?.config);
  }
  const found = await loadOrThrow(options.cwd, () => explorer.search(options.cwd));
  if (!found) return undefined;
  return validate(found.filepath, found.config);
}

async function loadOrThrow<T>(filepath: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (ConfigError.isInstance(error)) throw error;
    throw new ConfigError({
      filepath,
      message: `${filepath}: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
}
