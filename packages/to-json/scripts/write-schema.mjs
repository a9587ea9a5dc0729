// Writes schema/report.schema.json from the built package, so the shipped file is exactly what
// `reportJsonSchema` holds. Run by `npm run build` after tsup.
import { mkdir, writeFile } from "node:fs/promises";
import { reportJsonSchema } from "../dist/index.js";

const target = new URL("../schema/report.schema.json", import.meta.url);
await mkdir(new URL("../schema/", import.meta.url), { recursive: true });
await writeFile(target, `${JSON.stringify(reportJsonSchema, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
