// Shapes for the scaling benchmark (bench/scaling.mjs): the blow-ups issue 13 found, and a real
// report repeated. `build(factor)` makes the input at that multiple of its 1× size.
import { readFileSync } from "node:fs";
import { fromHtml } from "../dist/index.js";

const shanghai = readFileSync(
  new URL("../../test-reports/corpus/html/shanghai-bangongting-2019.html", import.meta.url),
  "utf8",
);

// UTF-16LE bytes without a byte-order mark (Node's own encoder).
const utf16le = (text) => new Uint8Array(Buffer.from(text, "utf16le"));

const run = (input) => fromHtml(input);

export const shapes = {
  "one <p> of 12 500 lines per 1×": { build: (factor) => `<p>${"全年公开\n".repeat(12_500 * factor)}</p>`, run },
  "UTF-16 page without a BOM, 2 500 paragraphs per 1×": {
    build: (factor) => utf16le(`<html><body>${"<p>line 自然人</p>\n".repeat(2_500 * factor)}</body></html>`),
    run,
  },
  "<b id=N>x<p>, 250 per 1× (stops at maxElements)": {
    build: (factor) => Array.from({ length: 250 * factor }, (_, index) => `<b id=${index}>x<p>`).join(""),
    run,
  },
  // A deep stack, then end tags that match nothing open: each makes parse5 ask what is in scope.
  // parse5 8.1's indexed stack answers that without walking the stack, so this grows linearly.
  "<div> × N then N stray </li>, 5 000 per 1×": {
    build: (factor) => `${"<div>".repeat(5_000 * factor)}${"</li>".repeat(5_000 * factor)}`,
    run,
  },
  "shanghai-bangongting-2019 repeated": { build: (factor) => shanghai.repeat(factor), run },
};
