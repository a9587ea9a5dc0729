// Times check() against safeParseReport() on the same realistic report, in both editions, and
// prints the ratio check / safeParse (aim: below 1). Run against the built package:
//   npx tsup && node --expose-gc bench/run.mjs
import { check, createReport, fillTotals, safeParseReport, setCell } from "../dist/index.js";

const warmUp = 300;
const iterations = 3000;

/** Paragraphs like a real report's (the seed 柳州市阳和工业新区 2020 and corpus 037 丽水市 2024). */
const paragraphs = [
  "一是不断规范新区发文流程、发文登记涵盖了政府信息公开属性选项、拟稿人、签发人、保密审核等;二是及时完善更新政府信息依申请公开制度,指南及相关的流程;三是信息公开OA审批流程增加了法制、保密审查工作,确保不发生泄密以及内容不合理等问题的出现。",
  "新区坚持“以公开为原则,以不公开为”例外,到目前为止公开政府信息400余条,其中政策解读17条,财政预决算20余条,其他政府信息300余条,按期公开财政预算决算和“三公”经费、保障性住房、环境保护、安全生产、应急管理等重点领域的政府信息。",
  "健全政府信息申请制度,畅通受理渠道,新区及时更新完善依申请公开指南、明确依申请公开各个环节的具体流程及联系方式。到目前为止,新区共收受理群众依申请公开事项49起,并积极协调配合业务部门开展相关答复工作。",
  "全市全年新收政府信息公开申请1541件,加上上年结转的,除去本年度结转下年度办理的,共办理政府信息公开申请1527件,其中予以公开或部分公开占58.5%、不予公开占7.3%、因本机关不掌握等原因无法提供占28.9%,其他情况占5.2%。全年因政府信息公开申请引起的行政复议93件,行政诉讼19件。",
  "进一步完善门户网站建设,今年新区对门户网站进行全面升级和改造,提升平台发布功能,规范栏目设置,统一设置相应的栏目,实现页面设置、检索功能、下载功能等功能的优化,全年网站累计刊登420余篇政务新闻。",
];

function realisticReport(edition) {
  const year = edition === "2019" ? 2020 : 2024;
  const report = createReport({ edition, year, agency: { name: "某市人民政府", kind: "peoplesGovernment" } });
  report.meta.publishedDate = `${year + 1}-02-09`;
  report.preamble.push({ type: "paragraph", text: paragraphs[0], source: { line: 3, column: 1 } });
  report.parts.forEach((part, index) => {
    part.blocks.push({ type: "subheading", text: "（一）主动公开情况" });
    for (let line = 0; line < 3; line += 1) {
      part.blocks.push({
        type: "paragraph",
        text: paragraphs[(index + line) % paragraphs.length],
        source: { line: 10 + index * 5 + line, column: 1 },
      });
    }
  });
  const columns = ["naturalPerson", "legalPerson.commercial", "legalPerson.research", "legalPerson.legalService"];
  columns.forEach((column, index) => {
    setCell(report, { table: "table3", row: "newReceived", column }, 49 - index * 10);
    setCell(report, { table: "table3", row: "carriedOver", column }, index);
    setCell(report, { table: "table3", row: "results.granted", column }, 4);
    setCell(report, { table: "table3", row: "results.denied.thirdPartyRights", column }, 1);
    setCell(report, { table: "table3", row: "results.unableToProvide.notHeld", column }, 40 - index * 10);
    setCell(report, { table: "table3", row: "carriedForward", column }, 4 + index);
  });
  setCell(report, { table: "table4", row: "litigationDirect", column: "unfinished" }, 2);
  setCell(report, { table: "table4", row: "review", column: "maintain" }, 1);
  if (edition === "2019") {
    setCell(report, { table: "table2", row: "art20_6.punishment", column: "changeThisYear" }, -392);
    setCell(report, { table: "table2", row: "art20_9.centralProcurement", column: "procurementAmount" }, {
      kind: "number",
      value: 287.36,
      unit: "万元",
      raw: "287.36万元",
    });
  } else {
    setCell(report, { table: "table2", row: "art20_1.normativeDocuments", column: "made" }, 6);
    setCell(report, { table: "table2", row: "art20_8.fees", column: "amount" }, 0.35);
  }
  return fillTotals(report);
}

function time(label, run) {
  for (let index = 0; index < warmUp; index += 1) run();
  globalThis.gc?.();
  const start = performance.now();
  for (let index = 0; index < iterations; index += 1) run();
  const perCall = (performance.now() - start) / iterations;
  return { label, perCall };
}

let sink = 0;
for (const edition of ["2019", "2021"]) {
  const report = realisticReport(edition);
  const input = JSON.parse(JSON.stringify(report));
  const prior = { ...realisticReport(edition), meta: { ...report.meta, year: report.meta.year - 1 } };
  const parse = time("safeParseReport", () => {
    sink += safeParseReport(input).success ? 1 : 0;
  });
  const checked = time("check", () => {
    sink += check(report, { prior }).length;
  });
  const findings = check(report, { prior }).length;
  console.log(
    `edition ${edition}: check ${(checked.perCall * 1000).toFixed(1)} µs/call (${findings} findings), ` +
      `safeParseReport ${(parse.perCall * 1000).toFixed(1)} µs/call, ratio check/safeParse ${(checked.perCall / parse.perCall).toFixed(2)}`,
  );
}
if (sink < 0) console.log(sink);
