import { defineConfig } from "vitest/config";
import { sourceAliases, temporaryDirectorySetup } from "../../vitest.shared.ts";

/** LibreOffice checks (`npm run test:office`): renders, converts to PDF with soffice, measures the PDF. */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ["test-office/**/*.test.ts"],
    globalSetup: [temporaryDirectorySetup],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
