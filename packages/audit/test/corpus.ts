import { existsSync } from "node:fs";
import { join } from "node:path";
import { corpusDirectory, fixturesDirectory } from "@gongkai/test-reports";

/**
 * The real-report corpus and the seed, from `@gongkai/test-reports`' one copy: the excerpts, the
 * HTML page, the PDFs (and the PDF truth file, which fails as a report) and the seed report's text.
 */
export const corpusInputs: readonly string[] = [corpusDirectory, join(fixturesDirectory, "liuzhou-yanghe-2020.txt")];

/** Whether the corpus is there. */
export const hasCorpus = corpusInputs.every((path) => existsSync(path));
