import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/**
 * The browser test: audits the corpus, opens the summary page from `file://` in Chromium through
 * playwright-core and reads it back. Needs `/usr/bin/chromium` (Debian package `chromium`);
 * override with `GONGKAI_CHROMIUM`.
 */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ["test/**/*.browser.ts"],
    globalSetup: [temporaryDirectorySetup],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
