// Text import throughput, against the built dist: `npm run build && npm run bench`.
// Input: the seed report (@gongkai/test-reports' fixtures/liuzhou-yanghe-2020.txt) concatenated to about 2 MB.
// Baseline, measured in the same process: splitting the same text into lines. The ratio says how
// many times slower a full import is than the cheapest pass over the text.
import { readFileSync } from "node:fs";
import { fromText, textToBlocks } from "../dist/index.js";

const seed = readFileSync(new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.txt", import.meta.url), "utf8");
const copies = Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(seed));
const text = Array.from({ length: copies }, () => seed).join("\n");
const megabytes = Buffer.byteLength(text) / (1024 * 1024);

function measure(name, run, rounds) {
  run(); // warm up
  // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
  const times = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { name, median, megabytesPerSecond: megabytes / (median / 1000) };
}

let sink = 0;
const baseline = measure(
  "split into lines",
  () => {
    sink += text.split(/\r\n|\r|\n/u).length;
  },
  15,
);
const blocks = measure(
  "textToBlocks",
  () => {
    sink += textToBlocks(text).blocks.length;
  },
  7,
);
const full = measure(
  "fromText (blocks + recognize)",
  () => {
    sink += fromText(text).diagnostics.length;
  },
  7,
);

console.log(`input: seed × ${copies} = ${megabytes.toFixed(2)} MB, ${text.split("\n").length} lines`);
for (const result of [baseline, blocks, full]) {
  const ratio = result.median / baseline.median;
  console.log(
    `${result.name.padEnd(32)} ${result.median.toFixed(1).padStart(8)} ms  ${result.megabytesPerSecond.toFixed(1).padStart(7)} MB/s  ×${ratio.toFixed(1)} baseline`,
  );
}
if (sink < 0) console.log(sink);
