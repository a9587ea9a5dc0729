import type { CliIo } from "./cli-io";
import type { CommonSettings } from "./command-context";
import type { Language } from "./language";
import type { LoadedInput } from "./load-input";
import { locateDiagnostics } from "./locate-diagnostics";

/** Print an input's importer findings to standard error (stylish), if it has any; only errors with `--quiet`. */
export async function printImportFindings(
  io: CliIo,
  input: LoadedInput,
  language: Language,
  settings: Pick<CommonSettings, "quiet" | "errorColors">,
): Promise<void> {
  const diagnostics = input.importDiagnostics.filter(
    (diagnostic) => !settings.quiet || diagnostic.severity === "error",
  );
  if (diagnostics.length === 0) return;
  const { formatStylish } = await import("./format/stylish");
  io.stderr(
    formatStylish([{ input, diagnostics: locateDiagnostics(input, diagnostics) }], {
      language,
      colors: settings.errorColors,
    }),
  );
}
