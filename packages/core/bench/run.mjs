// Times check() against safeParseReport() on the same realistic report, in both editions, and
// prints the ratio check / safeParse (aim: below 1); then what check() leaves in V8's old
// generation, as a share of the report's size (aim: below 5 %). Builds nothing; run against the built package:
//   npx tsup && node --expose-gc bench/run.mjs
import { readFileSync } from "node:fs";
import { check, createReport, fillTotals, safeParseReport, setCell } from "../dist/index.js";
import { movedToOldGeneration } from "./moved-to-old.mjs";

const warmUp = 1500;
const iterations = 3000;

// The seed report (柳州市阳和工业新区(北部生态新区) 2020), as in test/seed-liuzhou-yanghe-2020.test.ts:
// its prose with source positions, and its tables with their real faults.
const lines = readFileSync(
  new URL("../../test-reports/fixtures/liuzhou-yanghe-2020.txt", import.meta.url),
  "utf8",
).split("\n");
const block = (type, number) => ({
  type,
  text: lines[number - 1],
  source: { line: number, column: 1, endLine: number, endColumn: lines[number - 1].length + 1 },
});
const partBlocks = {
  overview: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18].map((number) =>
    block(number % 2 === 0 && number !== 14 ? "subheading" : "paragraph", number),
  ),
  problems: [226, 227, 228, 229].map((number) => block("paragraph", number)),
  other: [block("paragraph", 231)],
};

function realisticReport(edition) {
  const year = edition === "2019" ? 2020 : 2021;
  const report = createReport({
    edition,
    year,
    agency: { name: "柳州市阳和工业新区(北部生态新区)", kind: "department", kindInferred: true },
  });
  report.meta.publishedDate = `${year + 1}-02-09`;
  report.meta.title = lines[0];
  for (const part of report.parts) part.blocks = partBlocks[part.code] ?? [];
  const table3 = [
    ["newReceived", "naturalPerson", 49],
    ["results.granted", "naturalPerson", 4],
    ["results.denied.thirdPartyRights", "naturalPerson", 1],
    ["results.unableToProvide.notHeld", "naturalPerson", 44],
    ["carriedForward", "naturalPerson", 1],
    ["carriedForward", "total", 1],
  ];
  for (const [row, column, value] of table3) setCell(report, { table: "table3", row, column }, value);
  for (const row of ["review", "litigationDirect", "litigationPostReview"]) {
    for (const column of ["maintain", "correct", "other", "unfinished", "total"]) {
      setCell(report, { table: "table4", row, column }, 0);
    }
  }
  setCell(report, { table: "table4", row: "litigationDirect", column: "unfinished" }, 2);
  setCell(report, { table: "table4", row: "litigationDirect", column: "total" }, 2);
  if (edition === "2019") {
    for (const column of ["newlyMade", "newlyPublished", "totalPublished"]) {
      setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column }, 11);
    }
    setCell(report, { table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
    setCell(
      report,
      { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" },
      {
        kind: "number",
        value: 287.36,
        unit: "万元",
        raw: "287.36万元",
      },
    );
  } else {
    setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "made" }, 11);
    setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "valid" }, 11);
    setCell(report, { table: "table2", row: "art20_8.fees", column: "amount" }, 0.35);
  }
  return report;
}

/**
 * Time two functions in alternating rounds and return the median CPU time per call of each, in
 * milliseconds. CPU time (process.cpuUsage) rather than wall time, and alternating rounds, keep the
 * ratio meaningful on a busy machine (CI runners, other jobs).
 */
function timePair(first, second) {
  for (let index = 0; index < warmUp; index += 1) {
    first();
    second();
  }
  const rounds = 15;
  const perRound = Math.ceil(iterations / rounds);
  const samples = [[], []];
  for (let round = 0; round < rounds; round += 1) {
    [first, second].forEach((run, which) => {
      // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
      const start = process.cpuUsage();
      for (let index = 0; index < perRound; index += 1) run();
      const used = process.cpuUsage(start);
      samples[which].push((used.user + used.system) / 1000 / perRound);
    });
  }
  const median = (values) => values.sort((left, right) => left - right)[Math.floor(values.length / 2)];
  return samples.map(median);
}

/** The same report with its faults corrected: what most published reports look like to check(). */
function correctedReport(edition) {
  const report = realisticReport(edition);
  setCell(report, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 0);
  setCell(report, { table: "table3", row: "carriedForward", column: "total" }, 0);
  report.meta.publishedDate = `${report.meta.year + 1}-01-20`;
  return fillTotals(report);
}

/** A prior for the cross-year rules: another report built by `build`, dated the year before `report`. */
const lastYearOf = (report, build) => ({
  ...build(report.edition),
  meta: { ...report.meta, year: report.meta.year - 1 },
});

let sink = 0;
for (const edition of ["2019", "2021"]) {
  for (const [name, build] of [
    ["as published", realisticReport],
    ["corrected", correctedReport],
  ]) {
    const report = build(edition);
    const input = JSON.parse(JSON.stringify(report));
    const prior = lastYearOf(report, build);
    const [checked, parse] = timePair(
      () => {
        sink += check(report, { prior }).length;
      },
      () => {
        sink += safeParseReport(input).success ? 1 : 0;
      },
    );
    const findings = check(report, { prior }).length;
    console.log(
      `edition ${edition}, seed ${name}: check ${(checked * 1000).toFixed(1)} µs CPU/call (${findings} findings), ` +
        `safeParseReport ${(parse * 1000).toFixed(1)} µs CPU/call, ratio check/safeParse ${(checked / parse).toFixed(2)}`,
    );
  }
}

/**
 * What `check()` leaves behind: a program checks report after report and drops each, so what one
 * check moves to V8's old generation is garbage kept until a full collection, megabytes over a
 * thousand reports. Measured with V8's GC profiler over the young collections of `runs` checks of
 * fresh copies of the report, as a share of one copy's own heap size (2,000 copies held at once,
 * the baseline, in this process). Aim: below 5 %. An object literal with getters in check()'s
 * context once made this about 100 %: every report checked was moved to the old generation.
 */
function movedToOldPerCheck(text, prior) {
  const held = 2000;
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const copies = Array.from({ length: held }, () => JSON.parse(text));
  globalThis.gc?.();
  const reportBytes = (process.memoryUsage().heapUsed - before) / held;
  copies.length = 0;
  const runs = 20000;
  globalThis.gc?.();
  const moved = movedToOldGeneration(() => {
    for (let index = 0; index < runs; index += 1) sink += check(JSON.parse(text), { prior }).length;
  });
  return { reportBytes, movedBytes: moved / runs };
}

for (const edition of ["2019", "2021"]) {
  const report = realisticReport(edition);
  const prior = lastYearOf(report, realisticReport);
  const { reportBytes, movedBytes } = movedToOldPerCheck(JSON.stringify(report), prior);
  console.log(
    `edition ${edition}: check() moved ${(movedBytes / 1024).toFixed(2)} kB a report to the old generation, ` +
      `${((movedBytes / reportBytes) * 100).toFixed(1)} % of the report's ${(reportBytes / 1024).toFixed(1)} kB (aim below 5 %)`,
  );
}
if (sink < 0) console.log(sink);
