// Scaling benchmark shared by the importers' `npm run bench`: each shape is built at 1×, 4× and
// 16× its size and imported in a fresh child process, which reports its peak memory over four
// runs above what it held before the first (resident set from `process.resourceUsage().maxRSS`,
// so V8's heap, array buffers and parse5's tree all count), then the median time (CPU time, which
// other work on a shared machine barely changes, and wall-clock time) of three runs after two
// warm-ups.
// Printed as ratios against the 1× case of the same shape, measured on the same machine in the
// same run (aim: 16× input ≤ 20× time and memory).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const factors = [1, 4, 16];

/**
 * In the child: build the shape at `factor`, then print `{ milliseconds, cpuMilliseconds,
 * peakBytes, size, outcome }`. Memory first: four runs, each after a forced collection, so the
 * peak is one run's and not garbage left by the one before. Then time: two warm-up runs and three
 * timed ones, with no forced collection, since after one V8 throws away code optimized for what it
 * freed and the next runs are slow (see the root README's `npm run bench`); timed after each
 * `gc()`, 16× the seed read as text took 27–30× the CPU time of 1×, and 8× without.
 */
export async function child(moduleUrl, shapeName, factor) {
  const { shapes } = await import(moduleUrl);
  const shape = shapes[shapeName];
  const input = await shape.build(factor);
  let outcome = "result";
  const run = async () => {
    try {
      await shape.run(input);
    } catch (error) {
      outcome = error?.name ?? "error";
    }
  };
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  for (let index = 0; index < 4; index += 1) {
    await run();
    globalThis.gc?.();
  }
  const peakBytes = Math.max(0, process.resourceUsage().maxRSS * 1024 - before);
  const times = [];
  const cpuTimes = [];
  for (let index = -2; index < 3; index += 1) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await run();
    const cpu = process.cpuUsage(cpuStart);
    if (index >= 0) {
      times.push(performance.now() - start);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
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
