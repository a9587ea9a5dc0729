// Take the README's screenshot: the built checker, opened from file://, with the seed report
// (柳州市阳和工业新区 2020) picked and its first finding selected; the top of the page.
// Usage: npm run build && node scripts/screenshot.mjs
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const page = fileURLToPath(new URL("../dist/gongkai-checker.html", import.meta.url));
const seed = fileURLToPath(new URL("../../../packages/test-reports/fixtures/liuzhou-yanghe-2020.txt", import.meta.url));
const out = fileURLToPath(new URL("../screenshot.png", import.meta.url));

const browser = await chromium.launch({
  executablePath: process.env.GONGKAI_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 1500 }, deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(page).href);
  await tab.setInputFiles("#current-file", seed);
  await tab.waitForFunction(() => document.getElementById("status")?.dataset.state === "done");
  // Select the first finding (as a click on it would): its cell gets the focus ring.
  await tab.evaluate(() => document.querySelector("gongkai-report")?.selectFinding(0));
  await tab.evaluate(() => window.scrollTo(0, 0));
  await tab.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
