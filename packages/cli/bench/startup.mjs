// Startup of the built command against Node's own, as ratios (aim: within 2×):
//   gongkai --version            / node -e 0
//   gongkai check one.json       / node + loading @gongkai/core (core's own load)
// and, for the record, loading @gongkai/to-json (which parseJson needs) against loading core.
// Every command runs as a child process, the commands interleaved round by round so a busy
// machine slows them alike; the median of each is compared. Run against the built package:
//   npx tsup && node bench/startup.mjs
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const cwd = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
// The seed report (柳州市阳和工业新区 2020) as JSON: one report, as a CI run checks it.
const report = fileURLToPath(new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.json", import.meta.url));
const load = (specifier) => ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`];

const commands = {
  node: ["-e", "0"],
  core: load("@gongkai/core"),
  toJson: load("@gongkai/to-json"),
  version: [bin, "--version"],
  check: [bin, "check", report, "--no-config", "--format", "json"],
};
// `check` exits 1: the seed has errors.
const expectedStatus = { node: 0, core: 0, toJson: 0, version: 0, check: 1 };

function time(args, name) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { PATH: process.env.PATH } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== expectedStatus[name]) {
    throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
  }
  return elapsed;
}

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
// One round to warm the file cache, not counted.
for (const [name, args] of Object.entries(commands)) time(args, name);
for (let round = 0; round < rounds; round += 1) {
  for (const [name, args] of Object.entries(commands)) samples[name].push(time(args, name));
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));

console.log(`startup, median of ${rounds} interleaved runs (ms):`);
for (const [name, value] of Object.entries(ms)) console.log(`  ${name.padEnd(8)} ${value.toFixed(0)}`);
const ratios = {
  "gongkai --version / node -e 0": ms.version / ms.node,
  "gongkai check one.json / node + core load": ms.check / ms.core,
  "to-json load / core load": ms.toJson / ms.core,
};
for (const [label, ratio] of Object.entries(ratios)) console.log(`${label.padEnd(44)} ${ratio.toFixed(2)}×`);
const over = Object.entries(ratios)
  .slice(0, 2)
  .filter(([, ratio]) => ratio > 2);
if (over.length > 0) console.log(`above the 2× aim: ${over.map(([label]) => label).join("; ")}`);
