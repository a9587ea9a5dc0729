// HTML import time against parse5's own parse of the same page, measured in this process.
// Run after `npm run build`: `node bench/run.mjs`. Prints ratios (lower is better).
import { readFileSync } from "node:fs";
import { parse, parseFragment } from "parse5";
import { fromHtml, htmlToBlocks } from "../dist/index.js";

const shanghai = readFileSync(
  new URL("../../test-reports/corpus/html/shanghai-bangongting-2019.html", import.meta.url),
  "utf8",
);

/**
 * A larger page as portals serve it: navigation chrome, the whole report inside a layout table
 * (a table holding tables), a long part 一 in Word-pasted markup, and a footer.
 */
function largePage() {
  const links = Array.from({ length: 300 }, (_, index) => `<li><a href="/c/${index}.html">栏目${index}</a></li>`).join(
    "",
  );
  const prose = Array.from(
    { length: 400 },
    (_, index) =>
      `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>第${index + 1}项：全年主动公开政府信息一千二百余条，持续深化重点领域信息公开，及时回应社会关切。<span lang=EN-US><o:p></o:p></span></span></p>`,
  ).join("\n");
  const [head, tail] = shanghai.split("<p>二、主动公开政府信息情况</p>");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2019年上海市人民政府办公厅政府信息公开工作年度报告</title><style>.nav{}</style><script>var x = "<p>not text</p>";</script></head><body><div class="nav"><ul>${links}</ul></div><table width="100%"><tr><td class="content">${head}${prose}<p>二、主动公开政府信息情况</p>${tail}</td></tr></table><div class="footer"><p>沪ICP备00000000号</p></div></body></html>`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median time of each run, the runs interleaved so that load on the machine hits them alike. */
function timeAll(runs, iterations) {
  for (let index = 0; index < 3; index += 1) for (const run of Object.values(runs)) run();
  const samples = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let index = 0; index < iterations; index += 1) {
    for (const [name, run] of Object.entries(runs)) {
      // No gc() before a timed run: the calls after a forced full collection run several times slower (see the root README's `npm run bench`).
      const start = performance.now();
      run();
      samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

const pages = { "shanghai-bangongting-2019": shanghai, "large synthesized page": largePage() };
for (const [name, html] of Object.entries(pages)) {
  const iterations = html.length > 100_000 ? 15 : 40;
  const bytes = new TextEncoder().encode(html);
  const results = timeAll(
    {
      "parse5 parse (baseline)": () => parse(html),
      "parse5 parseFragment": () => parseFragment(html),
      "parse5 parse + locations": () => parse(html, { sourceCodeLocationInfo: true }),
      "htmlToBlocks(string)": () => htmlToBlocks(html),
      "htmlToBlocks(bytes)": () => htmlToBlocks(bytes),
      "fromHtml(string)": () => fromHtml(html),
    },
    iterations,
  );
  const baseline = results["parse5 parse (baseline)"];
  console.log(`${name}: ${(html.length / 1024).toFixed(0)} K chars, median of ${iterations} interleaved runs`);
  for (const [label, value] of Object.entries(results)) {
    console.log(`  ${label.padEnd(28)} ${value.toFixed(2).padStart(9)} ms  ${(value / baseline).toFixed(2)}×`);
  }
}
