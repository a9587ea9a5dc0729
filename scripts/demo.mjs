// The gongkai demo: check the bundled seed report (柳州市阳和工业新区 2020, flattened from its web
// page) with the built CLI, print its findings, then render it to out/ as HTML, DOCX and JSON.
// Run with `npm run demo` (which builds the CLI and its dependencies first).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = "packages/cli/dist/bin.js";
const seed = "packages/test-reports/fixtures/liuzhou-yanghe-2020.txt";

if (!existsSync(new URL(`../${bin}`, import.meta.url))) {
  console.error(`demo: ${bin} is missing; run \`npm run demo\` (it builds the CLI first)`);
  process.exit(2);
}

function gongkai(args) {
  console.log(`\n$ gongkai ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status ?? 2;
}

// check exits 1 because the seed has real faults (blank 总计 cells, two parts numbered 五): the
// demo shows them, so 1 is expected here; 2 (unreadable input) is not.
const checkCode = gongkai(["check", seed, "--lang", "zh"]);
if (checkCode !== 0 && checkCode !== 1) {
  console.error(`demo: gongkai check exited ${checkCode}`);
  process.exit(checkCode);
}
console.log(`(gongkai check exited ${checkCode}: ${checkCode === 1 ? "the report has errors" : "no errors"})`);

const written = [];
for (const [format, extension] of [
  ["html", "html"],
  ["docx", "docx"],
  ["json", "json"],
]) {
  const out = `out/liuzhou-yanghe-2020.${extension}`;
  const code = gongkai(["render", seed, "--to", format, "-o", out]);
  if (code !== 0) {
    console.error(`demo: gongkai render --to ${format} exited ${code}`);
    process.exit(code);
  }
  written.push(out);
}

console.log("\nWrote:");
for (const out of written) console.log(`  ${out}  (${statSync(new URL(`../${out}`, import.meta.url)).size} bytes)`);
