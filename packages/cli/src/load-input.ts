import { readFile } from "node:fs/promises";
import { basename, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { type Diagnostic, GongkaiError, type Report, ReportValidationError } from "@gongkai/core";
import { fromDocx } from "@gongkai/from-docx";
import { fromHtml } from "@gongkai/from-html";
import { fromPdf, isPdf } from "@gongkai/from-pdf";
import { fromText } from "@gongkai/from-text";
import type { RecognizeResult } from "@gongkai/recognize";
import { JsonSyntaxError, parseJson } from "@gongkai/to-json";
import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { locateJsonPointer } from "./json-pointer-position";

/** The formats the CLI reads. */
export type InputFormat = "json" | "html" | "text" | "docx" | "pdf";

/** A report read from one input, with what its importer found. */
export interface LoadedInput {
  /** The file as the user named it (`<stdin>` for `-`). */
  readonly file: string;
  /** The file relative to the working directory, with forward slashes (for SARIF). */
  readonly uri: string;
  /** The format it was read as. */
  readonly format: InputFormat;
  /** The report. */
  readonly report: Report;
  /** The importer's `import/*` findings (none for JSON). */
  readonly importDiagnostics: readonly Diagnostic[];
  /** The JSON text, byte-order mark removed, for JSON inputs (to locate pointers in). */
  readonly jsonText?: string;
}

const extensions: Record<string, InputFormat> = {
  ".json": "json",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".txt": "text",
  ".text": "text",
  ".docx": "docx",
  ".pdf": "pdf",
};

/** The format of an input: by its extension, else by its first bytes. */
export function detectFormat(name: string, bytes: Uint8Array): InputFormat {
  const byExtension = extensions[extname(name).toLowerCase()];
  if (byExtension) return byExtension;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  if (isPdf(bytes)) return "pdf";
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[index] as number)) index += 1;
  if (bytes[index] === 0x7b) return "json";
  if (bytes[index] === 0x3c) return "html";
  return "text";
}

function readFailure(file: string, error: unknown): CliError {
  const code = (error as { code?: unknown }).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "is a directory"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : String((error as Error).message ?? error);
  return new CliError(`${file}: cannot read: ${reason}`);
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file}: not valid UTF-8 (JSON must be UTF-8)`);
  }
}

/** The message for a report that failed validation, each problem at its line and column. */
function validationMessage(file: string, error: ReportValidationError, jsonText: string | undefined): string {
  const lines = error.problems.map((problem) => {
    const where = jsonText === undefined ? "" : positionLabel(jsonText, problem.pointer);
    return `  ${where}${problem.pointer || "/"}: ${problem.message}`;
  });
  const count = error.problems.length;
  return `${file}: not a report (${count} problem${count === 1 ? "" : "s"}):\n${lines.join("\n")}`;
}

function positionLabel(jsonText: string, pointer: string): string {
  const position = locateJsonPointer(jsonText, pointer);
  return `${position.line}:${position.column}  `;
}

function importFailure(file: string, error: unknown, jsonText?: string): CliError {
  if (JsonSyntaxError.isInstance(error)) return new CliError(`${file}: not valid JSON: ${error.message}`);
  if (ReportValidationError.isInstance(error)) return new CliError(validationMessage(file, error, jsonText));
  if (GongkaiError.isInstance(error)) {
    if (error.name === "GongkaiNotAReportError") return new CliError(`${file}: not a report: ${error.message}`);
    return new CliError(`${file}: ${error.message}`);
  }
  return new CliError(`${file}: could not be imported: ${error instanceof Error ? error.message : String(error)}`);
}

function decodeJson(file: string, bytes: Uint8Array): { report: Report; jsonText: string } {
  const text = decodeUtf8(file, bytes);
  const jsonText = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { report: parseJson(jsonText), jsonText };
  } catch (error) {
    throw importFailure(file, error, jsonText);
  }
}

/** The path relative to `cwd` with forward slashes, or a `file:` URL when it is outside `cwd`. */
export function toUri(cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  const relativePath = relative(cwd, absolute);
  if (relativePath === "" || relativePath.startsWith("..") || isAbsolute(relativePath)) {
    return pathToFileURL(absolute).href;
  }
  return relativePath.split(sep).join("/");
}

/**
 * Read one input (`-` is standard input) and turn it into a report: JSON through
 * `parseJson`, HTML, text, DOCX and PDF through their importers.
 *
 * @throws {CliError} naming the file and the problem when it cannot be read or is not a report.
 */
export async function loadInput(path: string, io: CliIo): Promise<LoadedInput> {
  const isStdin = path === "-";
  const file = isStdin ? "<stdin>" : path;
  let bytes: Uint8Array;
  try {
    bytes = isStdin ? await io.readStdin() : new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch (error) {
    throw readFailure(file, error);
  }
  const uri = isStdin ? "stdin" : toUri(io.cwd, path);
  const format = detectFormat(isStdin ? "" : path, bytes);
  if (format === "json") {
    const { report, jsonText } = decodeJson(file, bytes);
    return { file, uri, format, report, importDiagnostics: [], jsonText };
  }
  if (format === "text" && looksBinary(bytes)) {
    throw new CliError(`${file}: not a report: a binary file, not text, HTML, JSON, DOCX or PDF`);
  }
  const options = { fileName: isStdin ? "stdin" : basename(path) };
  let result: RecognizeResult;
  try {
    if (format === "docx") result = fromDocx(bytes, options);
    else if (format === "pdf") result = await fromPdf(bytes, options);
    else if (format === "html") result = fromHtml(bytes, options);
    else result = fromText(bytes, options);
  } catch (error) {
    throw importFailure(file, error);
  }
  return { file, uri, format, report: result.report, importDiagnostics: result.diagnostics };
}
