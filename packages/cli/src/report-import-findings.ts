import type { CliIo } from "./cli-io";
import type { Language } from "./format/file-result";
import { formatStylish } from "./format/stylish";
import type { LoadedInput } from "./load-input";
import { locateDiagnostics } from "./locate-diagnostics";

/** Print an input's importer findings to standard error (stylish), if it has any. */
export function printImportFindings(io: CliIo, input: LoadedInput, language: Language): void {
  if (input.importDiagnostics.length === 0) return;
  io.stderr(formatStylish([{ input, diagnostics: locateDiagnostics(input, input.importDiagnostics) }], language));
}
