import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/** The round-trip pairs through LibreOffice (`npm run test:office`): DOCX printed to PDF, read back. */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ["test-office/**/*.test.ts"],
    globalSetup: [temporaryDirectorySetup],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
