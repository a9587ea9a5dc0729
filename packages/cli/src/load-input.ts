import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Diagnostic,
  GongkaiError,
  type LocalizedText,
  type Report,
  type ReportValidationError,
  type RuleLevels,
} from "@gongkai/core";
import type { InputFormat } from "@gongkai/import";
import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { locateJsonPointer } from "./json-pointer-position";
import { text } from "./language";

export type { InputFormat } from "@gongkai/import";

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

function readFailure(file: string, error: unknown): CliError {
  const code = (error as { code?: unknown }).code;
  const reason =
    code === "ENOENT"
      ? text("文件不存在", "no such file")
      : code === "EISDIR"
        ? text("是一个目录", "is a directory")
        : code === "EACCES" || code === "EPERM"
          ? text("没有权限", "permission denied")
          : text(String((error as Error).message ?? error), String((error as Error).message ?? error));
  return new CliError(text(`${file}：无法读取：${reason.zh}`, `${file}: cannot read: ${reason.en}`));
}

/** The message for a report that failed validation, each problem at its line and column. */
function validationMessage(file: string, error: ReportValidationError, jsonText: string | undefined): LocalizedText {
  const lines = error.problems.map((problem) => {
    const where = jsonText === undefined ? "" : positionLabel(jsonText, problem.pointer);
    return `\n  ${where}${problem.pointer || "/"}: ${problem.message}`;
  });
  const count = error.problems.length;
  return text(
    `${file}：不是报告（${count} 处问题）：${lines.join("")}`,
    `${file}: not a report (${count} problem${count === 1 ? "" : "s"}):${lines.join("")}`,
  );
}

function positionLabel(jsonText: string, pointer: string): string {
  const position = locateJsonPointer(jsonText, pointer);
  return `${position.line}:${position.column}  `;
}

/** Why an input could not be imported, in both languages, from the importers' typed errors. */
function importFailure(file: string, error: unknown, jsonText?: string): CliError {
  if (!GongkaiError.isInstance(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new CliError(text(`${file}：无法导入：${message}`, `${file}: could not be imported: ${message}`));
  }
  const fields = error as GongkaiError & Record<string, unknown>;
  switch (error.name) {
    case "GongkaiJsonSyntaxError":
      return new CliError(
        text(
          `${file}：不是有效的 JSON（第 ${String(fields.line)} 行第 ${String(fields.column)} 列）`,
          `${file}: not valid JSON: ${error.message}`,
        ),
      );
    case "GongkaiReportValidationError":
      return new CliError(validationMessage(file, error as ReportValidationError, jsonText));
    case "GongkaiNotAReportError":
      return new CliError(
        text(`${file}：不是报告：找不到年度报告的表格和部分`, `${file}: not a report: ${error.message}`),
      );
    case "GongkaiImportFileError":
      return fields.reason === "invalid-utf8"
        ? new CliError(text(`${file}：不是有效的 UTF-8（JSON 须为 UTF-8）`, `${file}: ${error.message}`))
        : new CliError(
            text(
              `${file}：不是报告：不是 gongkai 能读的格式（JSON、HTML、文本、DOCX、PDF）`,
              `${file}: not a report: ${error.message}`,
            ),
          );
    case "GongkaiDocxReadError":
      return new CliError(
        text(`${file}：无法读取 DOCX（${String(fields.code)}）`, `${file}: cannot read the DOCX: ${error.message}`),
      );
    case "GongkaiPdfReadError":
      return new CliError(
        text(`${file}：无法读取 PDF（${String(fields.code)}）`, `${file}: cannot read the PDF: ${error.message}`),
      );
    case "GongkaiHtmlLimitError":
      return new CliError(
        text(
          `${file}：HTML 超出限制 ${String(fields.limit)}（${String(fields.actual)} > ${String(fields.maximum)}）`,
          `${file}: ${error.message}`,
        ),
      );
    default:
      return new CliError(text(`${file}：${error.message}`, `${file}: ${error.message}`));
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
 * Read one input (`-` is standard input) and turn it into a report through `importFile`, with
 * `options.rules` (the run's levels) applied to the importer's findings.
 *
 * @throws {CliError} naming the file and the problem when it cannot be read or is not a report.
 */
export async function loadInput(
  path: string,
  io: CliIo,
  options: { readonly rules?: RuleLevels } = {},
): Promise<LoadedInput> {
  const isStdin = path === "-";
  const file = isStdin ? "<stdin>" : path;
  let bytes: Uint8Array;
  try {
    bytes = isStdin ? await io.readStdin() : new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch (error) {
    throw readFailure(file, error);
  }
  const uri = isStdin ? "stdin" : toUri(io.cwd, path);
  const { importFile, sniffFormat } = await import("@gongkai/import");
  const name = isStdin ? undefined : path;
  let jsonText: string | undefined;
  try {
    if (sniffFormat(bytes, name === undefined ? {} : { name }) === "json") {
      jsonText = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
    }
    const result = await importFile(bytes, {
      name: name ?? "stdin",
      ...(options.rules === undefined ? {} : { rules: options.rules }),
    });
    return {
      file,
      uri,
      format: result.format,
      report: result.report,
      importDiagnostics: result.diagnostics,
      ...(jsonText === undefined ? {} : { jsonText }),
    };
  } catch (error) {
    throw importFailure(file, error, jsonText);
  }
}
