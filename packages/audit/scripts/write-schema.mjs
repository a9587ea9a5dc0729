// Writes schema/summary.schema.json from the built package, so the shipped file is exactly what
// `auditSummaryJsonSchema()` returns. Run by `npm run build` after tsup.
import { mkdir, writeFile } from "node:fs/promises";
import { auditSummaryJsonSchema } from "../dist/index.js";

await mkdir(new URL("../schema/", import.meta.url), { recursive: true });
await writeFile(
  new URL("../schema/summary.schema.json", import.meta.url),
  `${JSON.stringify(auditSummaryJsonSchema(), null, 2)}\n`,
);
