import "./jitless";
import "./checker.css";
import {
  agencyKindLabels,
  cloneReport,
  type Diagnostic,
  fillTotals,
  publicationDeadline,
  type Report,
  type Severity,
} from "@gongkai/core";
import { defineGongkaiReport, type GongkaiReportElement, importReport } from "@gongkai/elements";
import { toDocx } from "@gongkai/to-docx";
import { toCsv, toJson } from "@gongkai/to-json";
import { reportCoverage } from "./coverage";
import { readPdfData } from "./pdf-data";

defineGongkaiReport();

type Language = "zh" | "en";

const text = {
  zh: {
    title: "政府信息公开工作年度报告检查器",
    skip: "跳到检查结果",
    privacy: "文件只在本页中读取，不上传，也不发出任何网络请求。",
    inputsHeading: "选择报告",
    currentLabel: "本年度报告（网页 HTML、Word DOCX、PDF、文本或 JSON）",
    dropHint: "也可以把文件拖放到此框内。",
    priorLabel: "上一年度报告（可选，用于跨年度核对）",
    priorHint: "同一机构上一年度的报告：核对结转数与现行有效件数。",
    resultsHeading: "检查结果",
    factsHeading: "概况",
    coverageHeading: "读取情况",
    downloadsHeading: "下载",
    downloadJson: "规范 JSON",
    downloadDocx: "Word 文档（补全合计）",
    downloadCsv: "表格单元 CSV",
    switchTo: "English",
    reading: (name: string) => `正在读取 ${name}…`,
    result: (name: string, total: number, counts: Record<Severity, number>) =>
      total === 0
        ? `已读取 ${name}：未发现问题。`
        : `已读取 ${name}：发现 ${total} 项问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}）。`,
    failed: (name: string, message: string) => `无法读取 ${name}：${message}`,
    priorLoaded: (name: string, year: number) => `上一年度：${name}（${year} 年）`,
    report: "报告",
    year: "年度",
    edition: "表格版式",
    editionName: (edition: string) => (edition === "2019" ? "2019 版（旧表）" : "2021 版（新表）"),
    agencyKind: "机构类型",
    deadline: "公开期限",
    noDeadline: "机构类型不明，无法确定期限",
    published: "发布日期",
    notStated: "未写明",
    onTime: "按期",
    late: "逾期",
    tableLine: (title: string, numbers: number, blank: number, notApplicable: number, unread: number, cells: number) =>
      `${title}：${cells} 格中数字 ${numbers}、空白 ${blank}、不适用 ${notApplicable}、未能读取 ${unread}`,
    tableMissing: (title: string) => `${title}：未找到此表`,
    truncated: (where: string) => `来源在${where}处中断，此后内容未能读取`,
    importFindings: (count: number) => `读取时发现的问题：${count} 项`,
    relations: (verified: number, unverifiable: number) =>
      `已核对 ${verified} 项勾稽关系，${unverifiable} 项因单元格未读出或表格缺失无法核对`,
    filled: (count: number) => (count === 0 ? "没有可确定补全的合计。" : `将补全 ${count} 个空白合计。`),
  },
  en: {
    title: "Government Information Disclosure Annual Report Checker",
    skip: "Skip to the results",
    privacy: "Files are read in this page only: nothing is uploaded, no network request is made.",
    inputsHeading: "Choose a report",
    currentLabel: "This year's report (portal HTML, Word DOCX, PDF, text or JSON)",
    dropHint: "You can also drop the file on this box.",
    priorLabel: "Last year's report (optional, for cross-year checks)",
    priorHint: "The same agency's report for the year before: checks carried-over and valid-document counts.",
    resultsHeading: "Results",
    factsHeading: "Summary",
    coverageHeading: "What could be read",
    downloadsHeading: "Downloads",
    downloadJson: "Canonical JSON",
    downloadDocx: "Word document (totals filled)",
    downloadCsv: "Table cells CSV",
    switchTo: "中文",
    reading: (name: string) => `Reading ${name}…`,
    result: (name: string, total: number, counts: Record<Severity, number>) =>
      total === 0
        ? `Read ${name}: no problems found.`
        : `Read ${name}: ${total} findings (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info).`,
    failed: (name: string, message: string) => `Could not read ${name}: ${message}`,
    priorLoaded: (name: string, year: number) => `Last year: ${name} (${year})`,
    report: "Report",
    year: "Year",
    edition: "Table layout",
    editionName: (edition: string) => (edition === "2019" ? "2019 edition (old tables)" : "2021 edition (new tables)"),
    agencyKind: "Agency kind",
    deadline: "Deadline",
    noDeadline: "agency kind unknown: no deadline can be set",
    published: "Published",
    notStated: "not stated",
    onTime: "on time",
    late: "late",
    tableLine: (title: string, numbers: number, blank: number, notApplicable: number, unread: number, cells: number) =>
      `${title}: of ${cells} cells, ${numbers} numbers, ${blank} blank, ${notApplicable} not applicable, ${unread} unread`,
    tableMissing: (title: string) => `${title}: table not found`,
    truncated: (where: string) => `the source stops at ${where}; nothing after it could be read`,
    importFindings: (count: number) => `problems met while reading: ${count}`,
    relations: (verified: number, unverifiable: number) =>
      `${verified} sum relations verified, ${unverifiable} could not be (a cell not read or a table missing)`,
    filled: (count: number) =>
      count === 0 ? "No blank total can be filled with certainty." : `Fills ${count} blank totals.`,
  },
} as const;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const element = byId<GongkaiReportElement>("report");
const status = byId<HTMLDivElement>("status");
const results = byId<HTMLElement>("results");
const currentInput = byId<HTMLInputElement>("current-file");
const priorInput = byId<HTMLInputElement>("prior-file");

const state: {
  language: Language;
  name: string;
  report?: Report | undefined;
  prior?: { name: string; report: Report } | undefined;
} = {
  language: "zh",
  name: "",
};

function words() {
  return text[state.language];
}

function say(message: string, kind: "busy" | "done" | "error"): void {
  status.textContent = message;
  status.classList.toggle("error", kind === "error");
  status.dataset.state = kind;
}

function counts(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const tally: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) tally[diagnostic.severity]++;
  return tally;
}

function item(tag: string, content: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

/** How many blank totals `fillTotals` fills in a copy of the report. */
function filledTotals(report: Report): { report: Report; count: number } {
  const numbers = (candidate: Report) => (JSON.stringify(candidate.tables).match(/"kind":"number"/g) ?? []).length;
  const filled = fillTotals(cloneReport(report));
  return { report: filled, count: numbers(filled) - numbers(report) };
}

function showSummary(): void {
  const report = state.report;
  if (!report) return;
  const t = words();
  const facts = byId<HTMLDListElement>("facts");
  const rows: [string, string, string?][] = [
    [t.report, report.meta.title ?? `${report.meta.agency.name} ${report.meta.year}`],
    [t.year, String(report.meta.year)],
    [t.edition, t.editionName(report.edition)],
    [t.agencyKind, agencyKindLabels[report.meta.agency.kind][state.language]],
  ];
  const deadline = publicationDeadline(report.meta.year, report.meta.agency.kind);
  rows.push([t.deadline, deadline ?? t.noDeadline]);
  const published = report.meta.publishedDate;
  if (published === undefined) rows.push([t.published, t.notStated]);
  else if (deadline === undefined) rows.push([t.published, published]);
  else {
    const late = published > deadline;
    rows.push([t.published, `${published}（${late ? t.late : t.onTime}）`, late ? "late" : "on-time"]);
  }
  facts.replaceChildren(
    ...rows.flatMap(([term, value, className]) => [item("dt", term), item("dd", value, className)]),
  );

  const coverage = reportCoverage(report, element.diagnostics);
  const list = byId<HTMLUListElement>("coverage");
  const lines = coverage.tables.map((table) =>
    table.present
      ? t.tableLine(table.title, table.numbers, table.blank, table.notApplicable, table.unread, table.cells)
      : t.tableMissing(table.title),
  );
  const stop = coverage.truncatedAt;
  if (stop) {
    const where = [stop.table, stop.source ? `${stop.source.line}:${stop.source.column}` : undefined]
      .filter((part) => part !== undefined)
      .join(" ");
    lines.push(t.truncated(where === "" ? "?" : where));
  }
  lines.push(t.importFindings(coverage.importFindings));
  lines.unshift(t.relations(coverage.relations.verified, coverage.relations.unverifiable));
  list.replaceChildren(...lines.map((line) => item("li", line)));
  byId("docx-note").textContent = t.filled(filledTotals(report).count);
}

function showResult(): void {
  if (!state.report) return;
  const diagnostics = element.diagnostics;
  results.hidden = false;
  results.dataset.findings = String(diagnostics.length);
  say(words().result(state.name, diagnostics.length, counts(diagnostics)), "done");
  showSummary();
}

async function readCurrent(file: File): Promise<void> {
  state.name = file.name;
  say(words().reading(file.name), "busy");
  results.dataset.findings = "";
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const imported = await element.load(bytes, { name: file.name, type: file.type, readPdfData });
    state.report = imported.report;
    showResult();
  } catch (error) {
    state.report = undefined;
    results.hidden = true;
    say(words().failed(file.name, error instanceof Error ? error.message : String(error)), "error");
  }
}

async function readPrior(file: File): Promise<void> {
  const name = byId("prior-name");
  try {
    const imported = await importReport(new Uint8Array(await file.arrayBuffer()), {
      name: file.name,
      type: file.type,
      readPdfData,
    });
    state.prior = { name: file.name, report: imported.report };
    element.prior = imported.report;
    name.textContent = words().priorLoaded(file.name, imported.report.meta.year);
    showResult();
  } catch (error) {
    name.textContent = words().failed(file.name, error instanceof Error ? error.message : String(error));
  }
}

function download(bytes: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(): string {
  return state.name.replace(/\.[^.]*$/, "") || "report";
}

byId("download-json").addEventListener("click", () => {
  if (state.report) download(toJson(state.report), `${baseName()}.json`, "application/json");
});
byId("download-csv").addEventListener("click", () => {
  if (state.report) download(toCsv(state.report), `${baseName()}.csv`, "text/csv");
});
byId("download-docx").addEventListener("click", async () => {
  if (!state.report) return;
  const bytes = await toDocx(filledTotals(state.report).report);
  download(bytes, `${baseName()}.docx`, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
});

currentInput.addEventListener("change", () => {
  const file = currentInput.files?.[0];
  if (file) void readCurrent(file);
});
priorInput.addEventListener("change", () => {
  const file = priorInput.files?.[0];
  if (file) void readPrior(file);
});

for (const zone of Array.from(document.querySelectorAll<HTMLElement>("[data-drop]"))) {
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    void (zone.dataset.drop === "prior" ? readPrior(file) : readCurrent(file));
  });
}
// A file dropped outside the boxes must not make the browser navigate away to it.
document.addEventListener("dragover", (event) => event.preventDefault());
document.addEventListener("drop", (event) => event.preventDefault());

function applyLanguage(language: Language): void {
  state.language = language;
  const t = text[language];
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = t.title;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>("[data-text]"))) {
    const value = t[node.dataset.text as keyof typeof t];
    if (typeof value === "string") node.textContent = value;
  }
  const toggle = byId<HTMLButtonElement>("language");
  toggle.textContent = t.switchTo;
  toggle.lang = language === "zh" ? "en" : "zh-CN";
  element.setAttribute("lang", language);
  if (state.prior) byId("prior-name").textContent = t.priorLoaded(state.prior.name, state.prior.report.meta.year);
  if (state.report) showResult();
}

byId("language").addEventListener("click", () => applyLanguage(state.language === "zh" ? "en" : "zh"));
