import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/**
 * The browser test: renders reports, loads them into Chromium through playwright-core (no
 * network), and measures layout, A4 fit and XSS inertness. Needs `/usr/bin/chromium`
 * (Debian package `chromium`); override with `GONGKAI_CHROMIUM`.
 */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ["test/**/*.browser.ts"],
    globalSetup: [temporaryDirectorySetup],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
