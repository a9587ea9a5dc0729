import { defineConfig } from "tsup";
import { libraryConfig } from "../../tsup.shared.ts";

// Two entries: `.` (importFile: bytes in, runs in browsers) and `./node` (files, globs and the
// config file on disk, for the CLI and other Node tools).
export default defineConfig({ ...libraryConfig(), entry: ["src/index.ts", "src/node.ts"] });
