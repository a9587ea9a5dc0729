// HTML rendering throughput of toHtml on a real report (柳州市阳和工业新区 2020, the seed report
// of @gongkai/test-reports, its fixtures/liuzhou-yanghe-2020.json without the $schema envelope), against JSON.stringify of the same
// report measured in the same process. Cases run interleaved in rounds and each reports its
// median round, so load on a shared machine hits every case alike; rates are per second of CPU
// time (process.cpuUsage), with wall-clock rates beside them.
// Run after `npm run build`: node bench/run.mjs
import { readFileSync } from "node:fs";
import { toHtml, toHtmlPage, toHtmlPageChunks } from "../dist/index.js";

const { $schema, schemaVersion, ...report } = JSON.parse(
  readFileSync(new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.json", import.meta.url), "utf8"),
);
const rounds = Number(process.env.BENCH_ROUNDS ?? "9");
const roundSeconds = Number(process.env.BENCH_ROUND_SECONDS ?? "0.25");

const cases = [
  { name: "JSON.stringify (baseline)", run: () => JSON.stringify(report) },
  { name: "toHtml", run: () => toHtml(report) },
  { name: "toHtml validate:false", run: () => toHtml(report, { validate: false }) },
  { name: "toHtml inlineStyles", run: () => toHtml(report, { inlineStyles: true }) },
  { name: "toHtmlPage", run: () => toHtmlPage(report) },
  // The page read chunk by chunk, as a writer takes it, never joined (its size is measured joined, once).
  { name: "toHtmlPageChunks", run: () => readChunks(toHtmlPageChunks(report)), text: () => toHtmlPage(report) },
];

/** Read every chunk; the number of UTF-16 units read. */
function readChunks(chunks) {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  return length;
}

function round(run) {
  // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
  let iterations = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(roundSeconds * 1e9));
  let now = start;
  while (now < end) {
    for (let index = 0; index < 10; index++) run();
    iterations += 10;
    now = process.hrtime.bigint();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: iterations / ((cpu.user + cpu.system) / 1e6), wall: iterations / (Number(now - start) / 1e9) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const entry of cases) {
  entry.bytes = Buffer.byteLength((entry.text ?? entry.run)(), "utf8");
  for (let index = 0; index < 100; index++) entry.run();
  entry.rates = [];
}
for (let index = 0; index < rounds; index++) {
  for (const entry of cases) entry.rates.push(round(entry.run));
}

const baseline = median(cases[0].rates.map((rate) => rate.cpu));
console.log(
  `to-html bench: ${report.meta.title} (${rounds} rounds × ${roundSeconds}s, median, per CPU second; node ${process.version})`,
);
for (const entry of cases) {
  const perSecond = median(entry.rates.map((rate) => rate.cpu));
  const wall = median(entry.rates.map((rate) => rate.wall));
  console.log(
    `${entry.name.padEnd(26)} ${perSecond.toFixed(0).padStart(7)} reports/s ` +
      `${((perSecond * entry.bytes) / 1e6).toFixed(1).padStart(6)} MB/s ${String(entry.bytes).padStart(7)} B/report  ` +
      `time ratio ${(baseline / perSecond).toFixed(1)}× JSON.stringify  (wall ${wall.toFixed(0)} reports/s)`,
  );
}
