import type { LocalizedText } from "@gongkai/core";

/** A problem that ends the command with exit code 2 and a message on standard error. */
export class CliError extends Error {
  /** Print the command's usage after the message. */
  readonly showUsage: boolean;

  /** The message in both languages; the run prints the one it speaks. */
  readonly text: LocalizedText;

  constructor(text: LocalizedText, options: { showUsage?: boolean } = {}) {
    super(text.en);
    this.name = "CliError";
    this.text = text;
    this.showUsage = options.showUsage ?? false;
  }
}
