import type { CliIo } from "./cli-io";

/** The process's own streams, standard input, working directory and environment. */
export function nodeIo(): CliIo {
  return {
    stdout: (chunk) => {
      process.stdout.write(chunk);
    },
    stdoutDrained: () => {
      const out = process.stdout;
      if (!out.writableNeedDrain) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          out.off("drain", done);
          out.off("close", done);
          out.off("error", done);
          resolve();
        };
        out.on("drain", done);
        out.on("close", done);
        out.on("error", done);
      });
    },
    stderr: (chunk) => {
      process.stderr.write(chunk);
    },
    readStdin: async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      return new Uint8Array(Buffer.concat(chunks));
    },
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}
