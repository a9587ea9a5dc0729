// The HTML → Chromium print → from-pdf pair: to-html's standalone page printed to PDF by Chromium
// (`page.pdf()`, the print style sheet, A4) read back by from-pdf. Needs `/usr/bin/chromium`
// (Debian package `chromium`); override with `GONGKAI_CHROMIUM`. Run with `npm run test:browser`.
import { fromPdf } from "@gongkai/from-pdf";
import { launchChromium } from "@gongkai/test-reports/browser";
import { toHtmlPage } from "@gongkai/to-html";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { describeRoundTrip } from "../src/round-trip";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The page printed as a reader prints it: print media, A4, no network. */
async function printToPdf(html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    return new Uint8Array(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
  } finally {
    await page.close();
  }
}

describeRoundTrip("to-html page → Chromium PDF → from-pdf", {
  render: (report) => toHtmlPage(report),
  convertAll: async (pages) => {
    const pdfs: Uint8Array[] = [];
    for (const html of pages)
      pdfs.push(await printToPdf(typeof html === "string" ? html : new TextDecoder().decode(html)));
    return pdfs;
  },
  read: async (pdf) => (await fromPdf(typeof pdf === "string" ? new TextEncoder().encode(pdf) : pdf)).report,
  compare: "cells",
});
