// Writes schema/report.schema.json and schema/config.schema.json from the built package, so the
// shipped files are exactly what `reportJsonSchema()` and `configJsonSchema()` hold. Run by
// `npm run build` after tsup.
import { mkdir, writeFile } from "node:fs/promises";
import { configJsonSchema, reportJsonSchema } from "../dist/index.js";

await mkdir(new URL("../schema/", import.meta.url), { recursive: true });
for (const [file, schema] of [
  ["report.schema.json", reportJsonSchema()],
  ["config.schema.json", configJsonSchema()],
]) {
  const target = new URL(`../schema/${file}`, import.meta.url);
  await writeFile(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
