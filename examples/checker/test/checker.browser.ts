import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { run } from "@gongkai/cli";
import { checkReport, cloneReport, createReport, fillTotals, type Report, setCell } from "@gongkai/core";
import { importReport } from "@gongkai/elements";
import {
  corpusDirectory,
  corpusExcerptNames,
  hostileReport,
  hostileStrings,
  numberTexts,
  seedReport,
  setLoose,
} from "@gongkai/test-reports";
import { launchChromium } from "@gongkai/test-reports/browser";
import { toDocx } from "@gongkai/to-docx";
import { toHtmlPage } from "@gongkai/to-html";
import { parseJson, toJson } from "@gongkai/to-json";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simSunPdf } from "../../../packages/from-pdf/src/test-helpers";

const pageFile = fileURLToPath(new URL("../dist/gongkai-checker.html", import.meta.url));
const pageUrl = pathToFileURL(pageFile).href;
const packages = fileURLToPath(new URL("../../../packages/", import.meta.url));
const seedFile = join(packages, "test-reports/fixtures/liuzhou-yanghe-2020.txt");
const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

/** The real reports in the repository: the corpus excerpts, the Shanghai portal page, the PDFs, the seed. */
const corpus = [
  ...corpusExcerptNames().map((name) => join(corpusDirectory, "excerpts", name)),
  join(corpusDirectory, "html/shanghai-bangongting-2019.html"),
  ...readdirSync(join(corpusDirectory, "pdf"))
    .filter((name) => name.endsWith(".pdf"))
    .sort()
    .map((name) => join(corpusDirectory, "pdf", name)),
  seedFile,
];

/** What `gongkai check --format json` says about a file: its number of findings, or that it cannot read it. */
async function cliFindings(file: string, extra: readonly string[] = []): Promise<number | "unreadable"> {
  let out = "";
  const code = await run(["check", file, "--format", "json", ...extra], {
    stdout: (chunk) => {
      out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    },
    stderr: () => {},
    readStdin: async () => new Uint8Array(),
    cwd: process.cwd(),
  });
  if (code === 2) return "unreadable";
  const document = JSON.parse(out) as { results: { diagnostics: unknown[] }[] };
  return document.results[0]?.diagnostics.length ?? "unreadable";
}

async function cliOutput(argv: readonly string[]): Promise<string> {
  let out = "";
  await run(argv, {
    stdout: (chunk) => {
      out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    },
    stderr: () => {},
    readStdin: async () => new Uint8Array(),
    cwd: process.cwd(),
  });
  return out;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
}

async function openChecker(): Promise<Opened> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pageUrl, { waitUntil: "load" });
  await page.waitForFunction(() => customElements.get("gongkai-report") !== undefined);
  return { page, requests, dialogs };
}

/** Give the checker a file through its file input and wait for its verdict on that file. */
async function pick(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  input = "#current-file",
): Promise<{ state: string; findings: string; status: string }> {
  const name = typeof file === "string" ? file.split("/").pop() : file.name;
  await page.setInputFiles(input, file);
  await page.waitForFunction((wanted) => {
    const status = document.getElementById("status") as HTMLElement;
    return status.dataset.state !== "busy" && (status.textContent ?? "").includes(wanted as string);
  }, name);
  return page.evaluate(() => ({
    state: (document.getElementById("status") as HTMLElement).dataset.state ?? "",
    findings: (document.getElementById("results") as HTMLElement).dataset.findings ?? "",
    status: (document.getElementById("status") as HTMLElement).textContent ?? "",
  }));
}

/** Requests that left the page: anything but the page's own file and in-page blob: downloads. */
function leaving(requests: readonly string[]): string[] {
  return requests.filter((url) => url !== pageUrl && !url.startsWith("blob:"));
}

const measurements: Record<string, unknown> = {};

describe("the one-file checker page, opened from file://", () => {
  it("is one file: every script and style inline", () => {
    const html = readFileSync(pageFile, "utf8");
    measurements.bytes = html.length;
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.map((script) => script.slice(0, script.indexOf(">") + 1))).toEqual(['<script type="module">']);
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<style>[\s\S]*?<\/style>/g, "");
    expect(markup).not.toMatch(/<link\b/);
    expect(markup).not.toMatch(/\b(?:src|href)="(?!#)[^"]/);
  });

  it("shows, for each corpus file, as many findings as `gongkai check`, with 0 network requests", async () => {
    const { page, requests, dialogs } = await openChecker();
    const rows: { file: string; cli: number | string; page: string }[] = [];
    for (const file of corpus) {
      const expected = await cliFindings(file);
      const shown = await pick(page, file);
      rows.push({ file: file.split("/").pop() as string, cli: expected, page: shown.findings });
      if (expected === "unreadable") expect(shown.state, file).toBe("error");
      else if (shown.state !== "done") expect(shown.status).toBe("done");
      else expect({ file, findings: shown.findings }).toEqual({ file, findings: String(expected) });
    }
    measurements.corpus = {
      files: rows.length,
      findings: rows.reduce((sum, row) => sum + (typeof row.cli === "number" ? row.cli : 0), 0),
      unreadable: rows.filter((row) => row.cli === "unreadable").length,
    };
    expect(rows.length).toBeGreaterThanOrEqual(60);
    // A PDF: read once an importer for it is bundled; until then a clear message, not a crash.
    const pdf = await pick(page, {
      name: "report.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%"),
    });
    expect(pdf.state).toBe("error");
    expect(pdf.status).toContain("PDF");
    expect(leaving(requests)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("reads a PDF whose Chinese font is not embedded (SimSun, UniGB-UCS2-H) through the CMaps inside the page, 0 requests", async () => {
    const lines = ["北京市某某区人民政府办公室", "2023年政府信息公开工作年度报告", "一、总体情况"];
    const file = join(mkdtempSync(join(tmpdir(), "gongkai-checker-")), "simsun-2023.pdf");
    writeFileSync(file, simSunPdf(lines));
    // gongkai check in Node reads it with the installed pdfjs-dist's CMaps.
    const expected = await cliFindings(file);
    expect(expected).not.toBe("unreadable");
    const { page, requests, dialogs } = await openChecker();
    const shown = await pick(page, file);
    expect({ state: shown.state, findings: shown.findings }).toEqual({ state: "done", findings: String(expected) });
    const facts = await page.evaluate(() => (document.getElementById("facts") as HTMLElement).textContent ?? "");
    expect(facts).toContain("2023");
    expect(facts).toContain(lines[1]);
    // Also as last year's report.
    await page.setInputFiles("#prior-file", file);
    await page.waitForFunction(() =>
      (document.getElementById("prior-name")?.textContent ?? "").includes("simsun-2023"),
    );
    expect(await page.evaluate(() => document.getElementById("prior-name")?.textContent ?? "")).toContain("2023");
    expect(leaving(requests)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("checks across years with last year's report beside it", async () => {
    const prior = createReport({
      edition: "2019",
      year: 2019,
      agency: { name: seedReport().meta.agency.name, kind: seedReport().meta.agency.kind },
    });
    setCell(prior, { table: "table3", row: "carriedForward", column: "naturalPerson" }, 97);
    fillTotals(prior);
    const dir = mkdtempSync(join(tmpdir(), "gongkai-checker-"));
    const priorFile = join(dir, "prior-2019.json");
    writeFileSync(priorFile, toJson(prior));
    const { page, requests } = await openChecker();
    const alone = await pick(page, seedFile);
    await page.setInputFiles("#prior-file", priorFile);
    await page.waitForFunction(() => (document.getElementById("prior-name")?.textContent ?? "").includes("prior-2019"));
    await page.waitForFunction((before) => {
      const findings = (document.getElementById("results") as HTMLElement).dataset.findings;
      return findings !== before;
    }, alone.findings);
    const withPrior = await page.evaluate(() => (document.getElementById("results") as HTMLElement).dataset.findings);
    const expected = await cliFindings(seedFile, ["--prior", priorFile]);
    measurements.crossYear = { alone: alone.findings, withPrior, cli: expected };
    expect(withPrior).toBe(String(expected));
    expect(Number(withPrior)).toBeGreaterThan(Number(alone.findings));
    expect(leaving(requests)).toEqual([]);
    await page.close();
  });

  it("downloads canonical JSON and the cells CSV as the CLI writes them, and a Word file with totals filled", async () => {
    const { page, requests } = await openChecker();
    await pick(page, seedFile);
    const fetchDownload = async (button: string): Promise<Buffer> => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      return readFileSync((await download.path()) as string);
    };
    const json = (await fetchDownload("#download-json")).toString("utf8");
    expect(json).toBe(await cliOutput(["import", seedFile, "--format", "json"]));
    // The coverage line states what core's checkReport verified on the same report.
    const { verified, unverifiable } = checkReport(parseJson(json)).coverage;
    expect(verified).toBeGreaterThan(0);
    expect(await page.textContent("#coverage li")).toBe(
      `已核对 ${verified} 项勾稽关系，${unverifiable} 项因单元格未读出或表格缺失无法核对`,
    );
    const csv = (await fetchDownload("#download-csv")).toString("utf8");
    expect(csv).toBe(await cliOutput(["import", seedFile, "--format", "csv"]));
    const docx = new Uint8Array(await fetchDownload("#download-docx"));
    const original = (await importReport(new Uint8Array(readFileSync(seedFile)), { name: "seed.txt" })).report;
    const filled = fillTotals(cloneReport(original));
    const reread = (await importReport(docx, { name: "corrected.docx" })).report;
    expect(numberTexts(reread)).toEqual(numberTexts(filled));
    measurements.docx = {
      bytes: docx.length,
      numbersBefore: numberTexts(original).length,
      numbersAfter: numberTexts(reread).length,
    };
    expect(leaving(requests)).toEqual([]);
    await page.close();
  });

  it("runs nothing from a dropped or picked file with a payload in every field", async () => {
    const payload = [...hostileStrings, `<img src=x onerror="window.__xss=1">`, `"><svg onload="window.__xss=1">`].join(
      " ",
    );
    const report: Report = hostileReport();
    report.meta.agency.name = payload;
    report.meta.title = payload;
    report.meta.sourceUrl = "javascript:window.__xss=1";
    report.preamble = [{ type: "paragraph", text: payload }];
    for (const part of report.parts) {
      part.heading = payload;
      part.blocks = [
        { type: "subheading", text: payload },
        { type: "paragraph", text: payload },
      ];
    }
    setLoose(report, "table3", "newReceived", "naturalPerson", { kind: "number", value: 1, raw: payload });
    const name = `<img src=x onerror=alert(1)>`;
    const files = [
      { name: `${name}.json`, mimeType: "application/json", buffer: Buffer.from(toJson(report)) },
      { name: `${name}.html`, mimeType: "text/html", buffer: Buffer.from(toHtmlPage(report)) },
      { name: `${name}.docx`, mimeType: "", buffer: Buffer.from(await toDocx(report)) },
      { name: `${name}.txt`, mimeType: "text/plain", buffer: Buffer.from(payload) },
    ];
    const { page, requests, dialogs } = await openChecker();
    const verdicts: string[] = [];
    for (const file of files) verdicts.push((await pick(page, file)).state);
    // The same through drag and drop, and as last year's report.
    await page.evaluate(
      ([fileName, bytes]) => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File([new Uint8Array(bytes as number[])], fileName as string, { type: "application/json" }),
        );
        const zone = document.getElementById("drop-current") as HTMLElement;
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [`dropped-${name}.json`, Array.from(Buffer.from(toJson(report)))] as const,
    );
    await page.waitForFunction(() => (document.getElementById("status")?.textContent ?? "").includes("dropped-"));
    await page.setInputFiles("#prior-file", files[0] as (typeof files)[number]);
    await page.waitForFunction(() => (document.getElementById("prior-name")?.textContent ?? "") !== "");
    await page.waitForTimeout(100);
    const state = await page.evaluate(() => {
      const all = (root: Document | ShadowRoot): Element[] => [
        ...Array.from(root.querySelectorAll("*")),
        ...Array.from(root.querySelectorAll("gongkai-report")).flatMap((host) =>
          host.shadowRoot ? all(host.shadowRoot) : [],
        ),
      ];
      const elements = all(document);
      return {
        xss: (window as unknown as { __xss?: unknown }).__xss,
        scripts: elements.filter((element) => element.tagName === "SCRIPT").length,
        handlers: elements.filter((element) => Array.from(element.attributes).some((a) => a.name.startsWith("on")))
          .length,
        embedded: elements.filter((element) => /^(img|svg|iframe|object|embed)$/i.test(element.tagName)).length,
        title: document.querySelector("gongkai-report")?.shadowRoot?.querySelector("h2")?.textContent,
      };
    });
    expect(verdicts).toEqual(["done", "done", "done", "error"]);
    expect(state).toEqual({ xss: undefined, scripts: 1, handlers: 0, embedded: 0, title: payload });
    expect(dialogs).toEqual([]);
    expect(leaving(requests)).toEqual([]);
    await page.close();
  });

  it("passes an axe-core scan with no serious violations, in Chinese and in English, and is keyboard usable", async () => {
    const { page } = await openChecker();
    // Keyboard: the skip link, the language switch and both file inputs come first, in that order.
    const order: string[] = [];
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ""));
    }
    expect(order).toEqual(["skip", "language", "current-file", "prior-file"]);
    await pick(page, seedFile);
    await page.evaluate(axeSource);
    type AxeResult = { violations: { id: string; impact: string | null; nodes: unknown[] }[]; passes: unknown[] };
    const scan = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } }).axe;
        const result = await axe.run(document);
        return {
          passes: result.passes.length,
          violations: result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            nodes: violation.nodes.length,
          })),
        };
      });
    const zh = await scan();
    await page.click("#language");
    const english = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      heading: document.querySelector("h1")?.textContent,
      findings: document.querySelector("gongkai-report")?.shadowRoot?.querySelector(".gongkai-el-findings-heading")
        ?.textContent,
      status: document.getElementById("status")?.textContent,
    }));
    const en = await scan();
    measurements.axe = { zh, en };
    const serious = (result: typeof zh) =>
      result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious(zh)).toEqual([]);
    expect(serious(en)).toEqual([]);
    expect(english.lang).toBe("en");
    expect(english.heading).toContain("Checker");
    expect(english.findings).toMatch(/^Findings \(\d+\)$/);
    expect(english.status).toMatch(/^Read liuzhou-yanghe-2020\.txt: \d+ findings/);
    const live = await page.evaluate(() => ({
      role: document.getElementById("status")?.getAttribute("role"),
      live: document.getElementById("status")?.getAttribute("aria-live"),
    }));
    expect(live).toEqual({ role: "status", live: "polite" });
    await page.close();
  });
});

afterAll(() => {
  console.log(`checker measurements ${JSON.stringify(measurements)}`);
});
