import type { LoadedInput } from "../load-input";
import type { LocatedDiagnostic } from "../locate-diagnostics";

/** The language of messages: Chinese (default) or English. */
export type Language = "zh" | "en";

/** One checked input and its located findings, in position order. */
export interface FileResult {
  readonly input: LoadedInput;
  readonly diagnostics: readonly LocatedDiagnostic[];
}
