import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/**
 * The checker's browser tests: the built one-file page `dist/gongkai-checker.html` opened from
 * `file://` in Chromium through playwright-core. Needs `/usr/bin/chromium` (override with
 * `GONGKAI_CHROMIUM`) and `npm run build` first (turbo's `test:browser` depends on it).
 */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ["test/**/*.browser.ts"],
    globalSetup: [temporaryDirectorySetup],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
