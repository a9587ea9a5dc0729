// Shapes for the scaling benchmark (bench/scaling.mjs): the table issue 13 found (16× is its
// 450 000 rows of two empty cells), the same with text, and a real report repeated.
// `build(factor)` makes the input at that multiple of its 1× size.

import { readFileSync } from "node:fs";
import { parseReport } from "@gongkai/core";
import { toDocx } from "@gongkai/to-docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { fromDocx } from "../dist/index.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const wrap = (body) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const docx = (xml) => zipSync({ "word/document.xml": strToU8(xml) }, { level: 9 });
const run = (input) => fromDocx(input);

/** The seed report rendered by to-docx, its body repeated `factor` times. */
async function seedRepeated(factor) {
  const json = readFileSync(new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.json", import.meta.url), "utf8");
  const parts = unzipSync(await toDocx(parseReport(JSON.parse(json))));
  const xml = strFromU8(parts["word/document.xml"]);
  const start = xml.indexOf("<w:body>") + "<w:body>".length;
  const end = xml.lastIndexOf("<w:sectPr");
  parts["word/document.xml"] = strToU8(xml.slice(0, start) + xml.slice(start, end).repeat(factor) + xml.slice(end));
  return zipSync(parts);
}

export const shapes = {
  "one table, 28 125 rows × 2 empty cells per 1×": {
    build: (factor) =>
      docx(wrap(`<w:tbl>${"<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>".repeat(28_125 * factor)}</w:tbl>`)),
    run,
  },
  "one table, 10 000 rows × 2 cells with text per 1×": {
    build: (factor) =>
      docx(
        wrap(
          `<w:tbl>${"<w:tr><w:tc><w:p><w:r><w:t>自然人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>".repeat(10_000 * factor)}</w:tbl>`,
        ),
      ),
    run,
  },
  "liuzhou-yanghe-2020 (to-docx) body repeated": { build: seedRepeated, run },
};
