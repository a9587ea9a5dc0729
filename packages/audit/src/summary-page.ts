import { createRequire } from "node:module";
import { agencyKindLabels, editionIds } from "@gongkai/core";
import { escapeHtml } from "@gongkai/to-html";
import type * as Echarts from "echarts";
import type { AuditSummary } from "./summary";

/** At most this many rows of the series and failures tables are shown on the page (all are in summary.json). */
export const pageRowLimit = 500;

const chartWidth = 640;
const severityColors = { error: "#c0392b", warning: "#d68910", info: "#2e86c1" };

let loadedEcharts: typeof Echarts | undefined;

/**
 * ECharts, loaded on the first chart: its one-file CommonJS build loads in a fifth of the time of
 * its ES modules (hundreds of files), and only a run that writes `index.html` needs it at all.
 */
function echarts(): typeof Echarts {
  loadedEcharts ??= createRequire(import.meta.url)("echarts") as typeof Echarts;
  return loadedEcharts;
}

/**
 * An SVG chart drawn by ECharts' server-side SVG renderer. Only our own words and numbers go
 * in (rule ids, kinds, years, ranks): nothing read from a report.
 */
function svgChart(option: Echarts.EChartsOption, height: number): string {
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width: chartWidth, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: "sans-serif" }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A cell holding a number that the page test reads back: `data-field` names it in the summary entry. */
function numberCell(field: string, value: number): string {
  return `<td data-field="${escapeHtml(field)}">${value}</td>`;
}

function textCell(field: string, value: string): string {
  return `<td data-field="${escapeHtml(field)}">${escapeHtml(value)}</td>`;
}

/** A table of numbers: `data-summary` names the summary entry (or array) its rows come from. */
function dataTable(key: string, head: readonly string[], rows: readonly string[]): string {
  return `<table data-summary="${key}"><thead><tr>${head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** A report's file, linked to its page when there is one. */
function fileCell(file: string, page: string | undefined): string {
  return page
    ? `<td data-field="file"><a href="${escapeHtml(encodeURI(page))}">${escapeHtml(file)}</a></td>`
    : textCell("file", file);
}

/**
 * A figure: the chart, and beside it the table of its numbers (`table` names the summary array,
 * default the figure's key); `more` goes inside the figure after the table, `after` after the figure.
 */
function figure(
  key: string,
  title: string,
  svg: string,
  head: readonly string[],
  rows: readonly string[],
  options: { table?: string; more?: string; after?: string } = {},
): string {
  return [
    `<section class="block" id="${key}">`,
    `<h2>${escapeHtml(title)}</h2>`,
    `<figure class="chart" data-chart="${key}">`,
    `<div class="svg" role="img" aria-label="${escapeHtml(title)}">${svg}</div>`,
    dataTable(options.table ?? key, head, rows),
    options.more ?? "",
    "</figure>",
    options.after ?? "",
    "</section>",
  ].join("\n");
}

function empty(title: string, key: string): string {
  return `<section class="block" id="${key}"><h2>${escapeHtml(title)}</h2><p>无（none）</p></section>`;
}

function chartHeight(categories: number): number {
  return Math.max(160, 60 + categories * 26);
}

function findingsByRule(summary: AuditSummary): string {
  const title = "按规则和严重程度统计的问题 Findings by rule and severity";
  const entries = summary.findingsByRule;
  if (entries.length === 0) return empty(title, "findingsByRule");
  const rules = entries.map((entry) => entry.ruleId).reverse();
  const svg = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 210, right: 30, top: 30, bottom: 30 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: rules },
      series: (["error", "warning", "info"] as const).map((severity) => ({
        name: severity,
        type: "bar",
        stack: "severity",
        itemStyle: { color: severityColors[severity] },
        data: [...entries].reverse().map((entry) => entry[severity]),
      })),
    },
    chartHeight(rules.length),
  );
  const rows = entries.map(
    (entry) =>
      `<tr>${textCell("ruleId", entry.ruleId)}${numberCell("error", entry.error)}${numberCell("warning", entry.warning)}${numberCell("info", entry.info)}${numberCell("total", entry.total)}${numberCell("causes", entry.causes)}${numberCell("reports", entry.reports)}</tr>`,
  );
  return figure(
    "findingsByRule",
    title,
    svg,
    ["规则 rule", "error", "warning", "info", "合计 total", "根源 causes", "报告数 reports"],
    rows,
  );
}

function mostErrors(summary: AuditSummary): string {
  const title = "错误最多的报告 Reports with the most errors";
  const entries = summary.mostErrors;
  if (entries.length === 0) return empty(title, "mostErrors");
  const ranks = entries.map((_, index) => `#${index + 1}`).reverse();
  const svg = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 50, right: 30, top: 30, bottom: 30 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: ranks },
      series: (["error", "warning"] as const).map((severity) => ({
        name: severity,
        type: "bar",
        itemStyle: { color: severityColors[severity] },
        data: [...entries].reverse().map((entry) => entry[severity]),
      })),
    },
    chartHeight(ranks.length * 1.5),
  );
  const rows = entries.map((entry, index) => {
    return `<tr><th scope="row">#${index + 1}</th>${fileCell(entry.file, entry.page)}${textCell("agency", entry.agency)}${numberCell("year", entry.year)}${numberCell("error", entry.error)}${numberCell("warning", entry.warning)}</tr>`;
  });
  return figure(
    "mostErrors",
    title,
    svg,
    ["排名 rank", "文件 file", "机关 agency", "年度 year", "error", "warning"],
    rows,
  );
}

function latePublication(summary: AuditSummary): string {
  const title = "逾期公开（按机关类型） Late publication by agency kind";
  const entries = summary.latePublication;
  if (entries.length === 0) return empty(title, "latePublication");
  const kinds = entries.map((entry) => agencyKindLabels[entry.agencyKind].zh);
  const svg = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 60 },
      xAxis: { type: "category", data: kinds, axisLabel: { interval: 0, width: 130, overflow: "break" } },
      yAxis: [
        { type: "value", name: "报告 reports" },
        { type: "value", name: "平均逾期天数 mean days late" },
      ],
      series: [
        { name: "有期限且有日期 with deadline", type: "bar", data: entries.map((entry) => entry.withDeadline) },
        {
          name: "逾期 late",
          type: "bar",
          itemStyle: { color: severityColors.error },
          data: entries.map((entry) => entry.late),
        },
        {
          name: "平均逾期天数 mean days late",
          type: "line",
          yAxisIndex: 1,
          data: entries.map((entry) => (entry.late > 0 ? Math.round(entry.totalDaysLate / entry.late) : 0)),
        },
      ],
    },
    300,
  );
  const rows = entries.map(
    (entry) =>
      `<tr>${textCell("agencyKind", entry.agencyKind)}<td>${escapeHtml(agencyKindLabels[entry.agencyKind].zh)}</td>${numberCell("reports", entry.reports)}${numberCell("withDeadline", entry.withDeadline)}${numberCell("late", entry.late)}${numberCell("totalDaysLate", entry.totalDaysLate)}${numberCell("maxDaysLate", entry.maxDaysLate)}</tr>`,
  );
  return figure(
    "latePublication",
    title,
    svg,
    [
      "类型 kind",
      "名称",
      "报告 reports",
      "有期限且有日期 with deadline",
      "逾期 late",
      "逾期天数合计 days late",
      "最多逾期天数 max",
    ],
    rows,
  );
}

function editionsByYear(summary: AuditSummary): string {
  const title = "各年度使用的格式版本 Edition usage by year";
  const entries = summary.editionsByYear;
  if (entries.length === 0) return empty(title, "editionsByYear");
  const svg = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 50, right: 30, top: 30, bottom: 30 },
      xAxis: { type: "category", data: entries.map((entry) => String(entry.year)) },
      yAxis: { type: "value" },
      series: editionIds.map((edition) => ({
        name: `${edition} 版`,
        type: "bar",
        stack: "edition",
        data: entries.map((entry) => entry.editions[edition]),
      })),
    },
    280,
  );
  const rows = entries.map(
    (entry) =>
      `<tr>${numberCell("year", entry.year)}${editionIds.map((edition) => numberCell(`editions.${edition}`, entry.editions[edition])).join("")}</tr>`,
  );
  return figure("editionsByYear", title, svg, ["年度 year", ...editionIds.map((edition) => `${edition} 版`)], rows);
}

function coverage(summary: AuditSummary): string {
  const title = "可核验的算术关系 Coverage: share of sum relations verified";
  const { coverage: entry } = summary;
  if (entry.reports === 0) return empty(title, "coverage");
  const buckets = entry.byShare.map((bucket) =>
    bucket.from === bucket.to ? `${bucket.to}%` : `${bucket.from}–${bucket.to}%`,
  );
  const svg = svgChart(
    {
      grid: { left: 60, right: 30, top: 40, bottom: 50 },
      xAxis: { type: "category", data: buckets, name: "已核验 verified", nameLocation: "middle", nameGap: 30 },
      yAxis: { type: "value", name: "报告 reports" },
      series: [{ type: "bar", itemStyle: { color: "#27ae60" }, data: entry.byShare.map((bucket) => bucket.reports) }],
    },
    300,
  );
  const rows = entry.byShare.map(
    (bucket) =>
      `<tr>${numberCell("from", bucket.from)}${numberCell("to", bucket.to)}${numberCell("reports", bucket.reports)}</tr>`,
  );
  const totals = dataTable(
    "coverage",
    ["报告 reports", "已核验 verified", "无法核验 unverifiable", "用于推断 inferred", "已核验 % verified"],
    [
      `<tr>${numberCell("reports", entry.reports)}${numberCell("verified", entry.verified)}${numberCell("unverifiable", entry.unverifiable)}${numberCell("inferred", entry.inferred)}${numberCell("percentVerified", entry.percentVerified)}</tr>`,
    ],
  );
  const lowest =
    entry.lowest.length === 0
      ? ""
      : `<h3>核验比例最低的报告 Reports with the least verified</h3>${dataTable(
          "coverage.lowest",
          [
            "文件 file",
            "机关 agency",
            "年度 year",
            "已核验 verified",
            "无法核验 unverifiable",
            "用于推断 inferred",
            "已核验 % verified",
          ],
          entry.lowest.map(
            (report) =>
              `<tr>${fileCell(report.file, report.page)}${textCell("agency", report.agency)}${numberCell("year", report.year)}${numberCell("verified", report.verified)}${numberCell("unverifiable", report.unverifiable)}${numberCell("inferred", report.inferred)}${numberCell("percentVerified", report.percentVerified)}</tr>`,
          ),
        )}`;
  return figure("coverage", title, svg, ["从 from %", "到 to %", "报告 reports"], rows, {
    table: "coverage.byShare",
    more: totals,
    after: lowest,
  });
}

function importProblems(summary: AuditSummary): string {
  const title = "导入问题（按类型） Import problems by kind";
  const entries = summary.importProblems;
  if (entries.length === 0) return empty(title, "importProblems");
  const kinds = entries.map((entry) => entry.kind).reverse();
  const svg = svgChart(
    {
      grid: { left: 210, right: 30, top: 20, bottom: 30 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: kinds },
      series: [
        {
          type: "bar",
          data: [...entries].reverse().map((entry) => ({
            value: entry.count,
            itemStyle: { color: entry.source === "failure" ? severityColors.error : severityColors.warning },
          })),
        },
      ],
    },
    chartHeight(kinds.length),
  );
  const rows = entries.map(
    (entry) =>
      `<tr>${textCell("kind", entry.kind)}${textCell("source", entry.source)}${numberCell("count", entry.count)}</tr>`,
  );
  return figure("importProblems", title, svg, ["类型 kind", "来源 source", "数量 count"], rows);
}

function totals(summary: AuditSummary): string {
  const labels: Record<keyof AuditSummary["totals"], string> = {
    files: "文件 files",
    done: "已完成 done",
    checked: "已检查 checked",
    failed: "失败 failed",
    crossYearPairs: "跨年度核对 cross-year pairs",
    findings: "问题 findings",
    causes: "根源问题 causes (no echo)",
    error: "error",
    warning: "warning",
    info: "info",
  };
  const items = (Object.keys(labels) as (keyof AuditSummary["totals"])[]).map(
    (key) => `<div><dt>${escapeHtml(labels[key])}</dt><dd data-total="${key}">${summary.totals[key]}</dd></div>`,
  );
  return `<section class="block" id="totals"><h2>总览 Totals</h2><dl class="totals">${items.join("")}</dl>${
    summary.interrupted
      ? "<p><strong>运行被中断，以下为已完成部分。 The run was interrupted: this covers what was done.</strong></p>"
      : ""
  }</section>`;
}

function seriesTable(summary: AuditSummary): string {
  const title = "各机关历年报告 Each agency's years";
  if (summary.series.length === 0) return empty(title, "series");
  const years = [...new Set(summary.series.flatMap((entry) => entry.years.map((year) => year.year)))].sort(
    (a, b) => a - b,
  );
  const shown = summary.series.slice(0, pageRowLimit);
  const rows = shown.map((entry) => {
    const byYear = new Map(entry.years.map((year) => [year.year, year]));
    const cells = years.map((year) => {
      const found = byYear.get(year);
      return found
        ? `<td data-year="${year}" title="${escapeHtml(found.files.join("\n"))}">${found.error} / ${found.warning}</td>`
        : `<td data-year="${year}">–</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(entry.agency)}</th>${cells.join("")}</tr>`;
  });
  const more =
    summary.series.length > shown.length
      ? `<p>另有 ${summary.series.length - shown.length} 个机关见 summary.json（${summary.series.length - shown.length} more in summary.json）。</p>`
      : "";
  return `<section class="block" id="series"><h2>${escapeHtml(title)}</h2><p>每格：error / warning（含跨年度核对）。Each cell: errors / warnings, cross-year findings included.</p><table class="series"><thead><tr><th scope="col">机关 agency</th>${years.map((year) => `<th scope="col">${year}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>${more}</section>`;
}

function failuresTable(summary: AuditSummary): string {
  const title = "未能审查的文件 Files that could not be audited";
  if (summary.failures.length === 0) return empty(title, "failures");
  const shown = summary.failures.slice(0, pageRowLimit);
  const rows = shown.map(
    (failure) =>
      `<tr><td>${escapeHtml(failure.file)}</td><td>${escapeHtml(failure.failure)}</td><td>${escapeHtml(failure.reason)}</td></tr>`,
  );
  const more =
    summary.failures.length > shown.length
      ? `<p>${summary.failures.length - shown.length} more in summary.json.</p>`
      : "";
  return `<section class="block" id="failures"><h2>${escapeHtml(title)}</h2><table><thead><tr><th scope="col">文件 file</th><th scope="col">类型 kind</th><th scope="col">原因 reason</th></tr></thead><tbody>${rows.join("")}</tbody></table>${more}</section>`;
}

const css = `body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1400px;padding:16px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}
figure.chart{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;margin:0}
figure.chart .svg{flex:0 0 auto}
table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}
td[data-field]{font-variant-numeric:tabular-nums}
dl.totals{display:flex;flex-wrap:wrap;gap:12px}dl.totals div{border:1px solid #ccc;padding:6px 12px}
dt{font-size:.85em;color:#555}dd{margin:0;font-size:1.4em}
table.series td{text-align:center}`;

/**
 * The summary page: self-contained HTML (inline CSS and SVG, no script, no request) with the
 * totals, a chart per aggregate with its numbers in a table beside it, each agency's years side
 * by side and the files that failed. Every string read from a report is escaped.
 */
export function summaryPage(summary: AuditSummary): string {
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="@gongkai/audit">',
    "<title>政府信息公开工作年度报告审查汇总 Audit summary</title>",
    `<style>\n${css}\n</style>`,
    "</head>",
    "<body>",
    "<h1>政府信息公开工作年度报告审查汇总 <small>Audit summary</small></h1>",
    '<p>明细：<a href="summary.json">summary.json</a> · <a href="findings.csv">findings.csv</a> · <a href="cells.csv">cells.csv</a></p>',
    totals(summary),
    findingsByRule(summary),
    mostErrors(summary),
    latePublication(summary),
    editionsByYear(summary),
    coverage(summary),
    importProblems(summary),
    seriesTable(summary),
    failuresTable(summary),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
