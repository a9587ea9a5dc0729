import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The shared corpus and seed (`../shared` beside the repository, in CI and on developers'
 * machines): excerpts, the HTML page, the PDFs and the seed report.
 */
export const corpusInputs: readonly string[] = ["../shared/corpus", "../shared/seed"].map((path) =>
  fileURLToPath(new URL(`../../../${path}`, import.meta.url)),
);

/** Whether the corpus is there. */
export const hasCorpus = corpusInputs.every((path) => existsSync(path));
