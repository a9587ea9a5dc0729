// Shapes for the scaling benchmark (bench/scaling.mjs): real reports repeated, a long part 一, and
// UTF-16 without a byte-order mark. `build(factor)` makes the input at that multiple of its 1× size.
import { readFileSync } from "node:fs";
import { fromText } from "../dist/index.js";

const seed = readFileSync(new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.txt", import.meta.url), "utf8");
const corpus = readFileSync(new URL("../../test-reports/corpus/excerpts/001.txt", import.meta.url), "utf8");

// UTF-16LE bytes without a byte-order mark (Node's own encoder).
const utf16le = (text) => new Uint8Array(Buffer.from(text, "utf16le"));

const run = (input) => fromText(input);
const prose = "新区坚持以公开为原则、不公开为例外，及时更新各类政府信息。\n";

export const shapes = {
  "liuzhou-yanghe-2020 repeated, 8 copies per 1×": { build: (factor) => seed.repeat(8 * factor), run },
  "corpus-001 repeated, 32 copies per 1×": { build: (factor) => corpus.repeat(32 * factor), run },
  "seed with 2 500 prose lines per 1× in part 一": {
    build: (factor) =>
      seed.replace("二、主动公开政府信息情况\n", `${prose.repeat(2_500 * factor)}二、主动公开政府信息情况\n`),
    run,
  },
  "seed repeated as UTF-16 without a BOM, 8 copies per 1×": {
    build: (factor) => utf16le(seed.repeat(8 * factor)),
    run,
  },
};
