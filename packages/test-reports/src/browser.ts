// Chromium for the `test:browser` tasks: Debian's chromium (which .ci/run installs) or the one
// GONGKAI_CHROMIUM names, launched headless with the same flags by every browser test.
// Node only; imported as `@gongkai/test-reports/browser`.

import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** The Chromium the browser tests run: `GONGKAI_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath: string = process.env.GONGKAI_CHROMIUM ?? "/usr/bin/chromium";

const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launch headless Chromium with no background networking, failing with what to install when there
 * is no Chromium at {@link chromiumPath}.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium or set GONGKAI_CHROMIUM`);
  }
  return chromium.launch({ executablePath: chromiumPath, args, headless: true });
}
