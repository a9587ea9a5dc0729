export type { CliIo } from "./cli-io";
export { run } from "./run";
