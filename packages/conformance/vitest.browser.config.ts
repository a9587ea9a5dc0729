import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/**
 * The round-trip pairs through Chromium (`npm run test:browser`): to-html's page printed to PDF
 * through playwright-core (no network), read back. Needs `/usr/bin/chromium` (Debian package
 * `chromium`); override with `GONGKAI_CHROMIUM`.
 */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ["test-browser/**/*.browser.ts"],
    globalSetup: [temporaryDirectorySetup],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
