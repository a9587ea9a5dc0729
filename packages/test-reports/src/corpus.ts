import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the real-report corpus (`corpus/`, a byte-for-byte copy of the shared
 * corpus: `excerpts/NNN.txt` with `excerpts/manifest.tsv`, `html/shanghai-bangongting-2019.html`,
 * and `pdf/` with three WPS exports and `hongzequ-2023.truth.json`). Every package's tests and
 * benchmarks read the corpus from here: it has no other copy in the repository, and nothing in the
 * repository needs the shared folder beside it.
 */
export const corpusDirectory: string = fileURLToPath(new URL("../corpus/", import.meta.url));

/**
 * The bytes of one corpus file, by its path inside {@link corpusDirectory} (`excerpts/107.txt`,
 * `html/shanghai-bangongting-2019.html`, `pdf/hongzequ-2023.pdf`), exactly as on disk.
 */
export function corpusFile(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(corpusDirectory, path)));
}

/** The names of the corpus's text excerpts (`001.txt` … `125.txt`), in order. */
export function corpusExcerptNames(): string[] {
  return readdirSync(join(corpusDirectory, "excerpts"))
    .filter((name) => name.endsWith(".txt"))
    .sort();
}
