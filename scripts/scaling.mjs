// Scaling benchmark shared by the importers' `npm run bench`: each shape is built at 1×, 4× and
// 16× its size and imported in a fresh child process, which reports the median time (CPU time,
// which other work on a shared machine barely changes, and wall-clock time) of three runs after a
// warm-up and its peak memory above what it held before the first run (resident set from
// `process.resourceUsage().maxRSS`, so V8's heap, array buffers and parse5's tree all count).
// Printed as ratios against the 1× case of the same shape, measured on the same machine in the
// same run (aim: 16× input ≤ 20× time and memory).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const factors = [1, 4, 16];

/** In the child: build the shape at `factor`, run it three times, print `{ milliseconds, cpuMilliseconds, peakBytes, size }`. */
export async function child(moduleUrl, shapeName, factor) {
  const { shapes } = await import(moduleUrl);
  const shape = shapes[shapeName];
  const input = await shape.build(factor);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const times = [];
  const cpuTimes = [];
  let outcome = "result";
  // One warm-up run (so the 1× case is not timed with cold code), then three timed runs.
  for (let run = -1; run < 3; run += 1) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    try {
      await shape.run(input);
    } catch (error) {
      outcome = error?.name ?? "error";
    }
    const cpu = process.cpuUsage(cpuStart);
    if (run >= 0) {
      times.push(performance.now() - start);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    globalThis.gc?.();
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const peakBytes = Math.max(0, process.resourceUsage().maxRSS * 1024 - before);
  process.stdout.write(
    `${JSON.stringify({ milliseconds: times[1], cpuMilliseconds: cpuTimes[1], peakBytes, size: input.length, outcome })}\n`,
  );
}

/**
 * In the parent: run every shape of `moduleUrl` at 1×, 4× and 16×, and print the ratios. Words
 * given on the command line (`node bench/scaling.mjs stray`) pick the shapes whose names contain
 * one of them.
 */
export function scaling(title, moduleUrl, allShapeNames, only = process.argv.slice(2)) {
  const shapeNames =
    only.length === 0 ? allShapeNames : allShapeNames.filter((name) => only.some((word) => name.includes(word)));
  console.log(
    `${title}: CPU time (wall-clock time) and peak memory at 1×, 4×, 16× input, as ratios of 1× (aim ≤ 20× at 16×)`,
  );
  const script = fileURLToPath(new URL("./scaling-child.mjs", import.meta.url));
  let worst = 0;
  for (const name of shapeNames) {
    const rows = factors.map((factor) =>
      JSON.parse(
        execFileSync(process.execPath, ["--expose-gc", script, moduleUrl, name, String(factor)], {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        }),
      ),
    );
    const [base] = rows;
    const cells = rows.map((row, index) => {
      const time = row.cpuMilliseconds / base.cpuMilliseconds;
      const memory = row.peakBytes / Math.max(base.peakBytes, 1);
      if (factors[index] === 16) worst = Math.max(worst, time, memory);
      return `${factors[index]}×: ${(row.size / 1024).toFixed(0)} K in, CPU ${row.cpuMilliseconds.toFixed(0)} ms (${time.toFixed(1)}×) (wall ${row.milliseconds.toFixed(0)} ms), ${(row.peakBytes / 1e6).toFixed(0)} MB (${memory.toFixed(1)}×)${row.outcome === "result" ? "" : ` → ${row.outcome}`}`;
    });
    console.log(`  ${name}\n    ${cells.join("\n    ")}`);
  }
  console.log(`  worst 16× ratio: ${worst.toFixed(1)}×`);
}
