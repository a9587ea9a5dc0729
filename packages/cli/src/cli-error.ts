/** A problem that ends the command with exit code 2 and a message on standard error. */
export class CliError extends Error {
  /** Print the command's usage after the message. */
  readonly showUsage: boolean;

  constructor(message: string, options: { showUsage?: boolean } = {}) {
    super(message);
    this.name = "CliError";
    this.showUsage = options.showUsage ?? false;
  }
}
