// Benchmark: docxToBlocks against a baseline measured in the same process (inflate the same
// document.xml with fflate and decode it to a string), reported as a ratio. Run after `npx tsup`:
//   node bench/run.mjs
import { strToU8, unzipSync, zipSync } from "fflate";
import { docxToBlocks } from "../dist/index.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const p = (text) =>
  `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text, properties = "") => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ""}${p(text)}</w:tc>`;
const wrap = (body) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

const cases = {
  "prose (20k paragraphs)": wrap(
    Array.from({ length: 20_000 }, (_, index) => p(`全年共收到政府信息公开申请${index}件，办结${index}件。`)).join(""),
  ),
  "tables (2k tables of 10 rows)": wrap(
    Array.from(
      { length: 2_000 },
      (_, table) =>
        `<w:tbl>${Array.from(
          { length: 10 },
          (_, row) =>
            `<w:tr>${tc(`${table}-${row}`, '<w:gridSpan w:val="2"/>')}${tc(String(row), row === 0 ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>")}${tc(String(table))}</w:tr>`,
        ).join("")}</w:tbl>`,
    ).join(""),
  ),
  "nested layout tables (100 deep, 20k paragraphs)": wrap(
    "<w:tbl><w:tr><w:tc>".repeat(100) +
      Array.from({ length: 20_000 }, (_, index) => p(`第${index}段`)).join("") +
      "</w:tc></w:tr></w:tbl>".repeat(100),
  ),
};

function time(run, repeat) {
  // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
  const start = performance.now();
  for (let index = 0; index < repeat; index++) run();
  return (performance.now() - start) / repeat;
}

for (const [name, xml] of Object.entries(cases)) {
  const bytes = zipSync({ "word/document.xml": strToU8(xml) });
  const baseline = () => new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]).split("<").length;
  const subject = () => docxToBlocks(bytes).blocks.length;
  subject();
  baseline();
  const baselineMs = time(baseline, 5);
  const subjectMs = time(subject, 5);
  console.log(
    `${name}: ${(xml.length / 1e6).toFixed(1)} M chars, docxToBlocks ${subjectMs.toFixed(0)} ms = ${(subjectMs / baselineMs).toFixed(1)}× inflate+decode+split (${baselineMs.toFixed(0)} ms)`,
  );
}
