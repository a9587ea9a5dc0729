import { parse } from "parse5";
import { htmlToBlocks } from "./dist/index.js";
for (const n of [12500, 25000, 50000, 100000]) {
  const html = "<p>自然人</p>".repeat(n);
  let t = performance.now(); parse(html, { sourceCodeLocationInfo: true }); const p = performance.now() - t;
  t = performance.now(); parse(html); const p0 = performance.now() - t;
  t = performance.now(); htmlToBlocks(html); const h = performance.now() - t;
  console.log(n, "parse5+loc", p.toFixed(0), "parse5", p0.toFixed(0), "htmlToBlocks", h.toFixed(0));
}
