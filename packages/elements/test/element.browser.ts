import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check, type Report } from "@gongkai/core";
import {
  corpusDirectory,
  fullReport,
  hostileReport,
  hostileStrings,
  seedReport,
  seedText,
  setLoose,
} from "@gongkai/test-reports";
import { launchChromium } from "@gongkai/test-reports/browser";
import { toDocx } from "@gongkai/to-docx";
import { toJson } from "@gongkai/to-json";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simSunPdf } from "../../from-pdf/src/test-helpers";
import { importReport } from "../src/import-report";

const origin = "https://reports.gongkai.test";
/** The strictest policy the element must work under: no inline script or style at all, Trusted Types on. */
const strictCsp =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gongkai-report";
const browserDir = new URL("../dist/browser/", import.meta.url);
const bundle = Object.fromEntries(
  readdirSync(browserDir).map((name) => [
    `/${name}`,
    { body: readFileSync(new URL(name, browserDir)), type: "text/javascript" },
  ]),
);
const pdf = readFileSync(join(corpusDirectory, "pdf/hongzequ-2023.pdf"));
/** pdf.js's data folders, served at the paths the element asks for by default (`/pdfjs/…`). */
const pdfjsDir = new URL("../../../node_modules/pdfjs-dist/", import.meta.url);
const pdfjsData = Object.fromEntries(
  ["cmaps", "standard_fonts"].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, pdfjsDir)).map((name) => [
      `/${folder}/${name}`,
      { body: readFileSync(new URL(`${folder}/${name}`, pdfjsDir)), type: "application/octet-stream" },
    ]),
  ),
);
/** A WPS/Word-style export whose SimSun is not embedded (UniGB-UCS2-H): only pdf.js's CMaps read its text. */
const simSun = simSunPdf(["北京市某某区人民政府办公室", "2023年政府信息公开工作年度报告", "一、总体情况"]);
const shanghai = readFileSync(join(corpusDirectory, "html/shanghai-bangongting-2019.html"));

let browser: Browser;
let files: Record<string, { body: Buffer | string; type: string }>;

beforeAll(async () => {
  browser = await launchChromium();
  files = {
    ...bundle,
    "/host.css": {
      body: "td,th{color:rgb(255,0,0)!important;border:9px solid rgb(255,0,0)!important}.gongkai-table{display:none}",
      type: "text/css",
    },
    "/seed.json": { body: toJson(seedReport()), type: "application/json" },
    "/seed.txt": { body: seedText(), type: "text/plain; charset=utf-8" },
    "/seed.docx": {
      body: Buffer.from(await toDocx(seedReport())),
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
    "/shanghai.html": { body: shanghai, type: "text/html; charset=utf-8" },
    "/hongzequ-2023.pdf": { body: pdf, type: "application/pdf" },
    "/hostile.json": { body: toJson(hostileEverywhere()), type: "application/json" },
    "/simsun-2023.pdf": { body: Buffer.from(simSun), type: "application/pdf" },
    ...Object.fromEntries(Object.entries(pdfjsData).map(([path, file]) => [`/pdfjs${path}`, file])),
    ...Object.fromEntries(Object.entries(pdfjsData).map(([path, file]) => [`/assets/pdf${path}`, file])),
  };
});

afterAll(async () => {
  await browser?.close();
});

/** Payloads that set `window.__xss` if they ever run, plus the project's hostile strings (alert → dialog). */
const payloads = [
  ...hostileStrings,
  `<img src=x onerror="window.__xss=1">`,
  `"><svg onload="window.__xss=1">`,
  `</template><script>window.__xss=1</script>`,
];

/** A 2021 report with a payload in every text field and a cell's raw text. */
function hostileEverywhere(): Report {
  const report = hostileReport();
  const payload = payloads.join(" ");
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
  return report;
}

interface Opened {
  page: Page;
  offsite: string[];
  dialogs: string[];
}

/** Open `body` as a page of the test origin under the strict policy; other origins are recorded and refused. */
async function open(body: string, options: { csp?: string } = {}): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const offsite: string[] = [];
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}${event.sample ? ` ${event.sample}` : ""}`),
    );
    const events: { type: string; detail: unknown }[] = [];
    (window as unknown as { __events: unknown[] }).__events = events;
    for (const type of ["gongkai-load", "gongkai-error", "gongkai-select"]) {
      document.addEventListener(type, (event) => {
        const detail = (event as CustomEvent).detail as Record<string, unknown>;
        events.push({
          type,
          detail:
            type === "gongkai-load"
              ? { from: detail.from, diagnostics: (detail.diagnostics as unknown[]).length }
              : type === "gongkai-error"
                ? { code: (detail.error as { code?: string }).code, message: (detail.error as Error).message }
                : { index: detail.index, ruleId: (detail.diagnostic as { ruleId: string }).ruleId },
        });
      });
    }
  });
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      offsite.push(url.href);
      return route.abort();
    }
    if (url.pathname === "/") {
      return route.fulfill({
        body,
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": options.csp ?? strictCsp },
      });
    }
    const file = files[url.pathname];
    if (!file) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ body: file.body, contentType: file.type });
  });
  await page.goto(`${origin}/`, { waitUntil: "load" });
  return { page, offsite, dialogs };
}

function pageWith(element: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><script type="module" src="/gongkai-report.js"></script></head><body>${element}</body></html>`;
}

async function events(
  page: Page,
  type: string,
  count = 1,
): Promise<{ type: string; detail: Record<string, unknown> }[]> {
  await page.waitForFunction(
    ([wanted, n]) =>
      (window as unknown as { __events: { type: string }[] }).__events.filter((event) => event.type === wanted)
        .length >= (n as number),
    [type, count] as const,
  );
  return page.evaluate(
    (wanted) =>
      (window as unknown as { __events: { type: string; detail: Record<string, unknown> }[] }).__events.filter(
        (event) => event.type === wanted,
      ),
    type,
  );
}

/** In the page: every header a data cell names (inside the element's shadow root) sits over or beside it. */
function measureSpans(host: Element): { cells: number; references: number; failures: string[] } {
  const root = host.shadowRoot as ShadowRoot;
  const tolerance = 1.5;
  const result = { cells: 0, references: 0, failures: [] as string[] };
  for (const td of Array.from(root.querySelectorAll<HTMLTableCellElement>("td[headers]"))) {
    result.cells++;
    const box = td.getBoundingClientRect();
    for (const id of (td.getAttribute("headers") ?? "").split(" ")) {
      const th = root.getElementById(id);
      if (!th) {
        result.failures.push(`missing header ${id}`);
        continue;
      }
      result.references++;
      const head = th.getBoundingClientRect();
      const scope = th.getAttribute("scope");
      const ok =
        scope === "col" || scope === "colgroup" || th.className.includes("subtable-heading")
          ? head.left <= box.left + tolerance &&
            head.right >= box.right - tolerance &&
            head.bottom <= box.top + tolerance
          : head.top <= box.top + tolerance &&
            head.bottom >= box.bottom - tolerance &&
            head.right <= box.left + tolerance;
      if (!ok) result.failures.push(`${id} does not cover ${td.dataset.row}/${td.dataset.column}`);
    }
  }
  return result;
}

const measurements: Record<string, unknown> = {};

describe("<gongkai-report> in Chromium, under a strict CSP with Trusted Types", () => {
  it("renders the seed from src and a 2021 report from the property, every header over its cells", async () => {
    const { page, offsite, dialogs } = await open(
      pageWith(
        '<gongkai-report id="seed" src="/seed.json"></gongkai-report><gongkai-report id="full"></gongkai-report>',
      ),
    );
    await events(page, "gongkai-load");
    await page.evaluate((report) => {
      (document.getElementById("full") as unknown as { report: unknown }).report = report;
    }, fullReport("2021"));
    const loads = await events(page, "gongkai-load", 2);
    expect(loads.map((event) => event.detail)).toEqual([
      { from: "src", diagnostics: check(seedReport()).length },
      { from: "property", diagnostics: check(fullReport("2021")).length },
    ]);
    for (const id of ["seed", "full"]) {
      const spans = await page.locator(`#${id}`).evaluate(measureSpans);
      measurements[`${id} spans`] = { cells: spans.cells, references: spans.references };
      expect(spans.failures).toEqual([]);
      expect(spans.cells).toBeGreaterThan(180);
    }
    // Styled through the adopted sheet: bordered cells, although the policy allows no inline style.
    const border = await page.evaluate(() => {
      const td = document.getElementById("seed")?.shadowRoot?.querySelector("td") as HTMLElement;
      return getComputedStyle(td).borderTopWidth;
    });
    expect(border).toBe("1px");
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(offsite).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("reads src as JSON, text, DOCX, a portal HTML page and a PDF, with the importer's and check()'s findings", async () => {
    const sources = ["/seed.json", "/seed.txt", "/seed.docx", "/shanghai.html", "/hongzequ-2023.pdf"];
    const { page, offsite } = await open(
      pageWith(sources.map((src) => `<gongkai-report src="${src}"></gongkai-report>`).join("")),
    );
    const loads = await events(page, "gongkai-load", sources.length);
    const expected: number[] = [];
    for (const src of sources) {
      const file = files[src] as { body: Buffer | string; type: string };
      const imported = await importReport(new Uint8Array(Buffer.from(file.body)), { name: src.slice(1) });
      expected.push([...imported.diagnostics, ...check(imported.report)].length);
    }
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll("gongkai-report")).map((element) => ({
        findings: (element as unknown as { diagnostics: unknown[] }).diagnostics.length,
        marked: element.shadowRoot?.querySelectorAll(".gongkai-has-error, .gongkai-has-warning").length,
        buttons: element.shadowRoot?.querySelectorAll("[data-finding-index]").length,
      })),
    );
    measurements.src = { expected, shown };
    expect(loads).toHaveLength(sources.length);
    expect(shown.map((entry) => entry.findings)).toEqual(expected);
    expect(shown.map((entry) => entry.buttons)).toEqual(expected);
    expect(shown[0]?.marked).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  it("reads a PDF whose Chinese font is not embedded through pdf.js's CMaps at /pdfjs/cmaps/ or cmap-url", async () => {
    const { page, offsite } = await open(
      pageWith(
        '<gongkai-report id="default" src="/simsun-2023.pdf"></gongkai-report>' +
          '<gongkai-report id="set" cmap-url="/assets/pdf/cmaps/" standard-font-data-url="/assets/pdf/standard_fonts/" src="/simsun-2023.pdf"></gongkai-report>' +
          '<gongkai-report id="unserved" cmap-url="/nowhere/cmaps/" src="/simsun-2023.pdf"></gongkai-report>',
      ),
    );
    await events(page, "gongkai-load", 2);
    const errors = await events(page, "gongkai-error");
    // The same file read in Node, where from-pdf takes the installed pdfjs-dist's CMaps.
    const expected = await importReport(simSun, { name: "simsun-2023.pdf" });
    expect(expected.report.meta.year).toBe(2023);
    expect(expected.diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/encoding")).toEqual([]);
    const shown = await page.evaluate(() =>
      ["default", "set"].map((id) => {
        const element = document.getElementById(id) as unknown as { report: unknown; cMapUrl?: string };
        return { report: JSON.parse(JSON.stringify(element.report)) as unknown, cMapUrl: element.cMapUrl };
      }),
    );
    expect(shown).toEqual([
      { report: JSON.parse(JSON.stringify(expected.report)), cMapUrl: undefined },
      { report: JSON.parse(JSON.stringify(expected.report)), cMapUrl: "/assets/pdf/cmaps/" },
    ]);
    // Without the CMaps the text cannot be read: nothing is guessed, the file is not taken for a report.
    expect(errors[0]?.detail.code).toBe("not-a-report");
    const alert = await page.evaluate(
      () => document.getElementById("unserved")?.shadowRoot?.querySelector("[role=alert]")?.textContent,
    );
    expect(alert).toContain("simsun-2023.pdf");
    expect(offsite).toEqual([]);
    await page.close();
  });

  it("reads an inline JSON script child; refuses another origin without requesting it", async () => {
    const json = toJson(seedReport()).replaceAll("</", "<\\/");
    const { page, offsite } = await open(
      pageWith(
        `<gongkai-report id="inline"><script type="application/json">${json}</script></gongkai-report>` +
          `<gongkai-report id="far" src="https://elsewhere.example/seed.json"></gongkai-report>` +
          `<gongkai-report id="missing" src="/nothing.json"></gongkai-report>`,
      ),
    );
    expect((await events(page, "gongkai-load"))[0]?.detail.from).toBe("script");
    const errors = await events(page, "gongkai-error", 2);
    expect(errors.map((event) => event.detail.code).sort()).toEqual(["cross-origin", "fetch-failed"]);
    const alert = await page.evaluate(
      () => document.getElementById("far")?.shadowRoot?.querySelector("[role=alert]")?.textContent,
    );
    expect(alert).toContain("elsewhere.example");
    expect(offsite).toEqual([]);
    await page.close();
  });

  it("keeps its styles in and the page's out", async () => {
    const { page } = await open(
      pageWith(
        '<link rel="stylesheet" href="/host.css"><gongkai-report id="seed" src="/seed.json"></gongkai-report>' +
          '<table class="gongkai-table"><tr><td class="gongkai-cell" id="outside">x</td></tr></table>' +
          '<p class="gongkai-paragraph" id="para">x</p>',
      ),
    );
    await events(page, "gongkai-load");
    const styles = await page.evaluate(() => {
      const root = document.getElementById("seed")?.shadowRoot as ShadowRoot;
      const inside = getComputedStyle(root.querySelector("td") as Element);
      const table = getComputedStyle(root.querySelector("table") as Element);
      const para = getComputedStyle(document.getElementById("para") as Element);
      return { insideColor: inside.color, tableDisplay: table.display, paraIndent: para.textIndent };
    });
    expect(styles.insideColor).not.toBe("rgb(255, 0, 0)");
    expect(styles.tableDisplay).toBe("table");
    expect(styles.paraIndent).toBe("0px"); // the element's `.gongkai-paragraph{text-indent:2em}` stays inside
    await page.close();
  });

  it("hides findings, speaks English, and fires gongkai-select on a finding", async () => {
    const { page } = await open(
      pageWith(
        '<gongkai-report id="hidden" findings="hidden" src="/seed.json"></gongkai-report>' +
          '<gongkai-report id="en" lang="en" class-prefix="gk-" findings="first" src="/seed.json"></gongkai-report>',
      ),
    );
    await events(page, "gongkai-load", 2);
    const state = await page.evaluate(() => {
      const hidden = document.getElementById("hidden")?.shadowRoot as ShadowRoot;
      const en = document.getElementById("en")?.shadowRoot as ShadowRoot;
      return {
        hiddenList: hidden.querySelectorAll("[data-finding-index]").length,
        hiddenMarks: hidden.querySelectorAll(".gongkai-has-error").length,
        heading: en.querySelector(".gk-el-findings-heading")?.textContent,
        prefixed: en.querySelectorAll("table.gk-table").length,
        listFirst: en.firstElementChild?.firstElementChild?.className,
      };
    });
    const count = check(seedReport()).length;
    expect(state).toEqual({
      hiddenList: 0,
      hiddenMarks: 0,
      heading: `Findings (${count})`,
      prefixed: 3,
      listFirst: "gk-el-findings",
    });
    await page.locator("#en [data-finding-index='0']").click();
    const selected = await events(page, "gongkai-select");
    expect(selected[0]?.detail).toEqual({ index: 0, ruleId: check(seedReport())[0]?.ruleId });
    const focus = await page.evaluate(() => {
      const root = document.getElementById("en")?.shadowRoot as ShadowRoot;
      const active = root.activeElement as HTMLElement | null;
      return { tag: active?.tagName, selected: active?.classList.contains("gk-el-selected") };
    });
    expect(focus).toEqual({ tag: "TD", selected: true });
    // Keyboard: Tab reaches the findings' buttons, Enter selects.
    await page.locator("#en [data-finding-index='1']").focus();
    await page.keyboard.press("Enter");
    expect((await events(page, "gongkai-select", 2))[1]?.detail.index).toBe(1);
    await page.close();
  });

  it("runs nothing from a report with a payload in every field, from src or the property", async () => {
    const { page, offsite, dialogs } = await open(
      pageWith('<gongkai-report id="a" src="/hostile.json"></gongkai-report><gongkai-report id="b"></gongkai-report>'),
    );
    await events(page, "gongkai-load");
    await page.evaluate((report) => {
      (document.getElementById("b") as unknown as { report: unknown }).report = report;
    }, hostileEverywhere());
    await events(page, "gongkai-load", 2);
    await page.waitForTimeout(50);
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
        embedded: elements.filter((element) => /^(IMG|SVG|IFRAME|OBJECT|EMBED|svg)$/.test(element.tagName)).length,
        links: elements.filter((element) => element.tagName === "A").length,
        title: document.getElementById("a")?.shadowRoot?.querySelector("h2")?.textContent,
      };
    });
    expect(state).toEqual({
      xss: undefined,
      scripts: 1,
      handlers: 0,
      embedded: 0,
      links: 0,
      title: payloads.join(" "),
    });
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await page.close();
  });
});

afterAll(() => {
  console.log(`element measurements ${JSON.stringify(measurements)}`);
});
