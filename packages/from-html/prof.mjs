import { parse } from "parse5";
import { htmlToBlocks } from "/work/main/packages/from-html/dist/index.js";
const cases = {
  cols: `<table>${`<tr>${"<td>1</td>".repeat(10_000)}</tr>`.repeat(20)}</table>`,
  label: "<p>自然人</p>".repeat(100_000),
  nested: `${"<div>".repeat(100000)}底${"</div>".repeat(100000)}`,
};
for (const [name, html] of Object.entries(cases)) {
  let t = performance.now(); parse(html, { sourceCodeLocationInfo: true }); const p = performance.now() - t;
  t = performance.now(); htmlToBlocks(html); const h = performance.now() - t;
  console.log(name, html.length, "parse5", p.toFixed(0), "htmlToBlocks", h.toFixed(0));
}
