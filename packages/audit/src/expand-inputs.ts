import { statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

// The one place the audit turns its inputs into files. To be replaced by the shared input
// expansion of issue 11 once that lands on main.

/** The file names the audit reads below a directory. */
const readable = "**/*.{json,html,htm,xhtml,txt,text,docx,pdf}";

/** One file to audit: where to read it and how results name it. */
export interface InputFile {
  /** The absolute path. */
  readonly path: string;
  /** The path relative to `cwd` with forward slashes, or the absolute path outside it. */
  readonly file: string;
}

function display(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  if (relativePath === "" || relativePath.startsWith("..") || isAbsolute(relativePath)) return path;
  return relativePath.split(sep).join("/");
}

/**
 * The files that `inputs` name, each once, in a stable order: a file as given, a directory's
 * readable files recursively (`node_modules` and dot-folders left out), a glob's matches.
 * An input that names nothing is returned as a file, so that reading it fails with its reason.
 */
export async function expandInputs(
  inputs: readonly string[],
  options: { cwd?: string; ignore?: readonly string[] } = {},
): Promise<InputFile[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const ignore = ["**/node_modules/**", ...(options.ignore ?? [])];
  const seen = new Set<string>();
  const files: InputFile[] = [];
  const addAll = (paths: string[]) => {
    for (const path of paths.sort()) {
      const absolute = resolve(path);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      files.push({ path: absolute, file: display(cwd, absolute) });
    }
  };
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    let directory = false;
    try {
      directory = statSync(absolute).isDirectory();
    } catch {
      directory = false;
    }
    if (directory) {
      addAll(await glob(readable, { cwd: absolute, absolute: true, ignore, dot: false, caseSensitiveMatch: false }));
    } else if (isDynamicPattern(input)) {
      addAll(await glob(input, { cwd, absolute: true, ignore, dot: false }));
    } else {
      addAll([absolute]);
    }
  }
  return files;
}
