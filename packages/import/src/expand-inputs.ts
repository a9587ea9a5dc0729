import { readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { glob, isDynamicPattern } from "tinyglobby";
import { configSearchPlaces } from "./config-search-places";
import { inputExtensions } from "./input-format";

/** Patterns to leave out, and the folder they are relative to (as in a .gitignore there). */
export interface IgnoreSource {
  /** The folder the patterns are relative to. */
  readonly root: string;
  /** `.gitignore` patterns: `drafts/`, `*.htm`, `!keep.json`. */
  readonly patterns: readonly string[];
}

/** Options for {@link expandInputs}. */
export interface ExpandInputsOptions {
  /** The folder relative paths and patterns are read from. */
  readonly cwd: string;
  /** What to leave out, besides `.gongkaiignore`. */
  readonly ignore?: readonly IgnoreSource[];
  /** Read `.gongkaiignore` in `cwd` (default true). */
  readonly ignoreFile?: boolean;
}

/** What {@link expandInputs} found. */
export interface ExpandedInputs {
  /** The files to read, in argument order (a folder's and a glob's sorted), each once; `-` is standard input. */
  readonly files: readonly string[];
  /** The folders and globs that matched no report file. */
  readonly unmatched: readonly string[];
  /** Named files left out by an ignore pattern. */
  readonly ignored: readonly string[];
}

/** The name of the ignore file {@link expandInputs} reads. */
export const ignoreFileName = ".gongkaiignore";

const reportGlob = `**/*.{${Object.keys(inputExtensions)
  .map((extension) => extension.slice(1))
  .join(",")}}`;

/**
 * What a folder walk or a glob never reads: `node_modules`, and the project's own files that are
 * not reports though their extension says JSON: the config files gongkai looks for
 * ({@link configSearchPlaces}, package.json among them) and npm's lockfile beside them. Named on
 * the command line, they are read as any file is.
 */
const notReports = ["**/node_modules/**", ...[...configSearchPlaces, "package-lock.json"].map((name) => `**/${name}`)];

/** Read the patterns of an ignore file (none when it does not exist). */
export async function readIgnoreFile(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return [];
    throw error;
  }
  return text.split(/\r?\n/);
}

function toSlashes(path: string): string {
  return path.split(sep).join("/");
}

/** One `ignore` matcher per source; a path outside a source's root is never ignored by it. */
function ignoredBy(sources: readonly IgnoreSource[]): (absolute: string, isDirectory?: boolean) => boolean {
  const matchers: Array<{ root: string; matcher: Ignore }> = sources
    .filter((source) => source.patterns.length > 0)
    .map((source) => ({ root: source.root, matcher: ignore().add([...source.patterns]) }));
  return (absolute, isDirectory = false) =>
    matchers.some(({ root, matcher }) => {
      const path = relative(root, absolute);
      if (path === "" || path.startsWith("..") || isAbsolute(path)) return false;
      return matcher.ignores(toSlashes(path) + (isDirectory ? "/" : ""));
    });
}

async function kindOf(path: string): Promise<"file" | "directory" | "missing"> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "file";
  } catch {
    return "missing";
  }
}

/**
 * Turn command-line inputs into files: a file stays as named; a folder becomes every report file
 * under it (by extension: .json, .html, .htm, .xhtml, .txt, .text, .docx; `node_modules`, dot
 * folders, config files and package-lock.json skipped); a glob (`reports/**\/*.txt`, quoted or not) becomes its matches; `-` stays
 * (standard input). Ignore patterns (`ignore`, and `.gongkaiignore` in `cwd`) apply to all of
 * them. A named file that does not exist is kept, so that reading it reports it.
 *
 * @example
 * const { files, unmatched } = await expandInputs(["reports/", "extra/*.docx"], { cwd: process.cwd() });
 */
export async function expandInputs(patterns: readonly string[], options: ExpandInputsOptions): Promise<ExpandedInputs> {
  const { cwd } = options;
  const sources = [...(options.ignore ?? [])];
  if (options.ignoreFile !== false) {
    sources.push({ root: cwd, patterns: await readIgnoreFile(join(cwd, ignoreFileName)) });
  }
  const isIgnored = ignoredBy(sources);
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const ignored: string[] = [];
  const add = (path: string, absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push(path);
  };
  for (const pattern of patterns) {
    if (pattern === "-") {
      add("-", "-");
      continue;
    }
    const absolute = resolve(cwd, pattern);
    const kind = await kindOf(absolute);
    if (kind === "file" || (kind === "missing" && !isDynamicPattern(pattern))) {
      if (kind === "file" && isIgnored(absolute)) ignored.push(pattern);
      else add(pattern, absolute);
      continue;
    }
    const matches =
      kind === "directory"
        ? await glob(reportGlob, {
            cwd: absolute,
            ignore: notReports,
            dot: false,
            caseSensitiveMatch: false,
          })
        : await glob(pattern, { cwd, ignore: notReports, dot: false, expandDirectories: false });
    const kept = matches
      .map((match) => (kind === "directory" ? join(absolute, match) : resolve(cwd, match)))
      .filter((path) => !isIgnored(path))
      .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
    if (kept.length === 0) unmatched.push(pattern);
    for (const path of kept) {
      const shown = relative(cwd, path);
      add(shown.startsWith("..") || isAbsolute(shown) ? path : toSlashes(shown), path);
    }
  }
  return { files, unmatched, ignored };
}
