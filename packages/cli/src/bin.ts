#!/usr/bin/env node
import { nodeIo } from "./node-io";
import { run } from "./run";

// A reader that closes the pipe early (`gongkai schema | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), nodeIo());
