import { zipSync, strToU8, inflateSync, deflateSync, Inflate } from "fflate";
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const p = (t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (t, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${p(t)}</w:tc>`;
const body = `<w:tbl>${`<w:tr>${tc("a")}${tc("b", '<w:gridSpan w:val="2"/>')}${tc("c", "<w:vMerge/>")}</w:tr>`.repeat(20000)}</w:tbl>`;
const raw = strToU8(body);
const data = deflateSync(raw);
console.log(raw.length, data.length);
for (let k = 0; k < 3; k++) {
let t = performance.now(); inflateSync(data); console.log("sync", Math.round(performance.now() - t));
for (const chunk of [4096, 16384, 65536, 1<<20]) {
  t = performance.now(); let n = 0;
  const inf = new Inflate((c) => { n += c.length; });
  for (let at = 0; at < data.length; at += chunk) inf.push(data.subarray(at, Math.min(at + chunk, data.length)), at + chunk >= data.length);
  console.log(chunk, n, Math.round(performance.now() - t));
}
}
