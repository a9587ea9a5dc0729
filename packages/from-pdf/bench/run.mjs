// Benchmark: pdfToBlocks and fromPdf against pdf.js's own getTextContent + getOperatorList on the
// same file, measured in the same process and reported as a ratio. Run after `npx tsup`:
//   node bench/run.mjs
import { readFileSync } from "node:fs";
import { fromPdf, pdfToBlocks } from "../dist/index.js";

const fixtures = ["hongzequ-2023.pdf", "huaianshi-2024.pdf"];
// pdf.js is loaded by fromPdf first (as a user's process loads it), then imported here: both sides
// run on the same pdf.js module and the same built-ins.
await fromPdf(new Uint8Array(readFileSync(new URL(`../../test-reports/corpus/pdf/${fixtures[0]}`, import.meta.url))));
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");

async function baseline(bytes) {
  const document = await pdfjs.getDocument({
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
    items += (await page.getOperatorList()).fnArray.length;
    page.cleanup();
  }
  await document.destroy();
  return items;
}

async function time(run, repeat) {
  // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
  const start = performance.now();
  for (let index = 0; index < repeat; index++) await run();
  return (performance.now() - start) / repeat;
}

for (const name of fixtures) {
  const bytes = new Uint8Array(readFileSync(new URL(`../../test-reports/corpus/pdf/${name}`, import.meta.url)));
  await fromPdf(bytes);
  await baseline(bytes);
  const baselineMs = await time(() => baseline(bytes), 5);
  const blocksMs = await time(() => pdfToBlocks(bytes), 5);
  const fromMs = await time(() => fromPdf(bytes), 5);
  console.log(
    `${name} (${(bytes.length / 1024).toFixed(0)} KiB): pdfToBlocks ${blocksMs.toFixed(0)} ms = ${(blocksMs / baselineMs).toFixed(2)}×, fromPdf ${fromMs.toFixed(0)} ms = ${(fromMs / baselineMs).toFixed(2)}× pdf.js getTextContent+getOperatorList (${baselineMs.toFixed(0)} ms)`,
  );
}
