import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/**
 * The browser tests: the built drop-in module `dist/gongkai-report.js` in Chromium through
 * playwright-core, served from a routed origin under a strict Content Security Policy (no
 * network). Needs `/usr/bin/chromium` (override with `GONGKAI_CHROMIUM`) and a build first.
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
