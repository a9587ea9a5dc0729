import type { Diagnostic, Report } from "@gongkai/core";
import { fullReport, seedReport, setLoose } from "@gongkai/test-reports";
import { launchChromium } from "@gongkai/test-reports/browser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHtml, toHtmlPage } from "../src/index";

/** A4 text width at 96 dpi with the print CSS margins: (210 mm − 2 × 18 mm) / 25.4 × 96. */
const a4TextWidth = ((210 - 2 * 18) / 25.4) * 96;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(html: string): Promise<{ page: Page; dialogs: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, dialogs, requests };
}

interface SpanMeasurement {
  /** Data cells measured. */
  cells: number;
  /** Header references checked (a data cell inside the box of each header it names). */
  references: number;
  /** Header cells whose extent was compared with the union of the cells they head. */
  headers: number;
  /** Largest difference in px between a header's extent and its cells' union. */
  maxDeviation: number;
  /** Failures, described. */
  failures: string[];
}

/** In the page: every header a data cell names sits over it (column) or beside it (row), and spans exactly its cells. */
function measureSpans(): SpanMeasurement {
  const tolerance = 1.5;
  const result: SpanMeasurement = { cells: 0, references: 0, headers: 0, maxDeviation: 0, failures: [] };
  const union = new Map<string, { left: number; right: number; top: number; bottom: number }>();
  for (const td of Array.from(document.querySelectorAll<HTMLTableCellElement>("td[headers]"))) {
    result.cells++;
    const box = td.getBoundingClientRect();
    for (const id of (td.getAttribute("headers") ?? "").split(" ")) {
      const th = document.getElementById(id);
      if (!th) {
        result.failures.push(`missing header ${id}`);
        continue;
      }
      result.references++;
      const head = th.getBoundingClientRect();
      const scope = th.getAttribute("scope");
      const isSubtable = th.className.includes("subtable-heading");
      const ok =
        scope === "col" || scope === "colgroup" || isSubtable
          ? head.left <= box.left + tolerance &&
            head.right >= box.right - tolerance &&
            head.bottom <= box.top + tolerance
          : head.top <= box.top + tolerance &&
            head.bottom >= box.bottom - tolerance &&
            head.right <= box.left + tolerance;
      if (!ok) result.failures.push(`${id} does not cover ${td.dataset.row}/${td.dataset.column}`);
      const seen = union.get(id);
      union.set(
        id,
        seen
          ? {
              left: Math.min(seen.left, box.left),
              right: Math.max(seen.right, box.right),
              top: Math.min(seen.top, box.top),
              bottom: Math.max(seen.bottom, box.bottom),
            }
          : { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
      );
    }
  }
  for (const [id, extent] of union) {
    const th = document.getElementById(id) as HTMLElement;
    if (th.className.includes("subtable-heading")) continue; // spans 信息内容 too
    const head = th.getBoundingClientRect();
    const scope = th.getAttribute("scope");
    const deviation =
      scope === "col" || scope === "colgroup"
        ? Math.max(Math.abs(head.left - extent.left), Math.abs(head.right - extent.right))
        : Math.max(Math.abs(head.top - extent.top), Math.abs(head.bottom - extent.bottom));
    result.headers++;
    result.maxDeviation = Math.max(result.maxDeviation, deviation);
    if (deviation > tolerance) result.failures.push(`${id} is off its cells by ${deviation.toFixed(1)}px`);
  }
  return result;
}

function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
  );
}

const measurements: Record<string, unknown> = {};

describe.each([
  ["2019 (seed report)", seedReport()],
  ["2021 (full report)", fullReport("2021")],
] as const)("the %s in Chromium", (name, report: Report) => {
  it("lays every header cell over exactly the data cells it names", async () => {
    const { page, requests } = await openPage(toHtmlPage(report));
    const spans = await page.evaluate(measureSpans);
    await page.close();
    measurements[`${name} spans`] = { ...spans, failures: spans.failures.length };
    expect(spans.failures).toEqual([]);
    expect(spans.cells).toBeGreaterThan(180);
    expect(requests).toEqual([]);
  });

  it("fits the A4 text width when printed", async () => {
    const { page } = await openPage(toHtmlPage(report));
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: Math.floor(a4TextWidth), height: 1100 });
    const widths = await page.evaluate(() => ({
      tables: Array.from(document.querySelectorAll("table")).map((table) => table.getBoundingClientRect().right),
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    await page.close();
    const pages = countPdfPages(pdf);
    measurements[`${name} print`] = {
      a4TextWidth: Number(a4TextWidth.toFixed(1)),
      widestTable: Math.max(...widths.tables),
      scrollWidth: widths.scrollWidth,
      pdfPages: pages,
      pdfBytes: pdf.length,
    };
    expect(widths.tables).toHaveLength(3);
    for (const right of widths.tables) expect(right).toBeLessThanOrEqual(Math.floor(a4TextWidth) + 0.5);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
  });
});

const payloads = [
  `<script>window.__xss=1</script>`,
  `</script><script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `"><svg onload="window.__xss=1">`,
  `' autofocus onfocus='window.__xss=1' x='`,
  `</style><script>window.__xss=1</script><style>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `javascript:window.__xss=1`,
  `\u2028\u2029</title><script>window.__xss=1</script>`,
];

function xssReport(payload: string): Report {
  const report = fullReport("2021");
  report.meta.agency.name = payload;
  report.meta.title = payload;
  report.meta.sourceUrl = payload.startsWith("javascript:") ? payload : `https://example.gov.cn/${payload}`;
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

describe("XSS payloads in every text field", () => {
  it("never run, in the standalone page or in a host page embedding the fragment", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    // Control: the same payloads, unescaped, do run here, so the checks below can fail.
    const control = await openPage(`<body>${payloads[2]}${payloads[0]}${payloads[7]}</body>`);
    await control.page.waitForTimeout(50);
    expect(await control.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1);
    expect(control.dialogs).toEqual(["1"]);
    await control.page.close();
    let loads = 0;
    for (const payload of payloads) {
      const report = xssReport(payload);
      const diagnostics = [
        {
          // Not a registry id: the page escapes whatever id a diagnostic from outside carries.
          ruleId: payload as Diagnostic["ruleId"],
          severity: "error" as const,
          message: { zh: payload, en: payload },
          location: { table: "table3" as const, row: "newReceived", column: "naturalPerson", pointer: "" },
          url: "javascript:window.__xss=1",
        },
      ];
      const host = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title></head><body><main>${toHtml(report, { diagnostics, inlineStyles: true })}</main></body></html>`;
      for (const html of [toHtmlPage(report, { diagnostics }), host]) {
        // setContent keeps the window object, so clear the flag before each load.
        await page.evaluate(() => {
          delete (window as unknown as { __xss?: unknown }).__xss;
        });
        await page.setContent(html, { waitUntil: "load" });
        await page.waitForTimeout(20);
        const state = await page.evaluate(() => ({
          xss: (window as unknown as { __xss?: unknown }).__xss,
          scripts: document.scripts.length,
          handlers: Array.from(document.querySelectorAll("*")).filter((element) =>
            Array.from(element.attributes).some((attribute) => attribute.name.startsWith("on")),
          ).length,
          badLinks: Array.from(document.querySelectorAll("a")).filter((link) => !/^https?:$/.test(link.protocol))
            .length,
          embedded: document.querySelectorAll("iframe, img, svg, object, embed").length,
          data: JSON.parse(document.querySelector("script[data-gongkai-report]")?.textContent ?? "null"),
          title: document.querySelector("h1")?.textContent,
        }));
        loads++;
        expect(state.xss).toBeUndefined();
        expect(state.scripts).toBe(1);
        expect(state.handlers).toBe(0);
        expect(state.badLinks).toBe(0);
        expect(state.embedded).toBe(0);
        expect(state.data).toEqual(report);
        expect(state.title).toBe(payload);
      }
    }
    await page.close();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    measurements.xss = {
      payloads: payloads.length,
      pageLoads: loads,
      dialogs: dialogs.length,
      requests: requests.length,
    };
  });
});

afterAll(() => {
  console.log(`browser measurements ${JSON.stringify(measurements)}`);
});
