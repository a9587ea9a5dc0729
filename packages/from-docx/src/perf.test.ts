import { it } from "vitest";
import { docxToBlocks } from "./docx-to-blocks";
import { minimalDocx, p, tc } from "./test-helpers";
it("perf", () => {
  const para = p("全年共收到政府信息公开申请12件，办结12件。");
  const row = `<w:tr>${tc("a")}${tc("b", '<w:gridSpan w:val="2"/>')}${tc("c", "<w:vMerge/>")}</w:tr>`;
  for (const n of [1, 4]) {
    const body = para.repeat(50_000 * n) + `<w:tbl>${row.repeat(20_000 * n)}</w:tbl>`;
    const bytes = minimalDocx(body);
    const t = performance.now();
    const doc = docxToBlocks(bytes);
    console.log(n, body.length, bytes.length, doc.blocks.length, Math.round(performance.now() - t), "ms");
  }
  const nested = "<w:tbl><w:tr><w:tc>".repeat(150) + para.repeat(200_000) + "</w:tc></w:tr></w:tbl>".repeat(150);
  const t = performance.now();
  const doc = docxToBlocks(minimalDocx(nested));
  console.log("nested", nested.length, doc.blocks.length, Math.round(performance.now() - t), "ms");
});
