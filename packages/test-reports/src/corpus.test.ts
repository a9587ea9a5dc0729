import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpusDirectory, corpusExcerptNames, corpusFile } from "./corpus";
import { fixturesDirectory } from "./seed";

/** The shared corpus the copy was taken from (`../shared/corpus` beside the repository, as in CI). */
const sharedCorpus = fileURLToPath(new URL("../../../../shared/corpus/", import.meta.url));

function filesUnder(directory: string): string[] {
  return readdirSync(directory)
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

describe("the corpus copy", () => {
  it("lists the 63 excerpts its manifest names, and reads them as bytes", () => {
    const manifest = new TextDecoder().decode(corpusFile("excerpts/manifest.tsv")).trim().split("\n").slice(1);
    const listed = manifest.map((line) => line.split("\t")[0]);
    expect(corpusExcerptNames()).toEqual(listed);
    expect(corpusExcerptNames()).toHaveLength(63);
    // 107.txt (平潭综合实验区 2019) is the whole report on one line, run-together digits included.
    expect(new TextDecoder().decode(corpusFile("excerpts/107.txt"))).toContain("230 000023");
    expect(corpusFile("pdf/hongzequ-2023.pdf").subarray(0, 5)).toEqual(new TextEncoder().encode("%PDF-"));
  });

  it.skipIf(!existsSync(sharedCorpus))(
    "is the shared corpus byte for byte, file for file, and the seed the shared seed",
    () => {
      const ours = filesUnder(corpusDirectory).map((path) => relative(corpusDirectory, path));
      expect(ours).toEqual(filesUnder(sharedCorpus).map((path) => relative(sharedCorpus, path)));
      for (const path of ours) {
        expect(readFileSync(join(corpusDirectory, path)).equals(readFileSync(join(sharedCorpus, path))), path).toBe(
          true,
        );
      }
      const seed = readFileSync(join(fixturesDirectory, "liuzhou-yanghe-2020.txt"));
      expect(seed.equals(readFileSync(join(sharedCorpus, "../seed/liuzhou-yanghe-2020.txt")))).toBe(true);
    },
  );
});
