import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url));

/**
 * Tests import sibling `@gongkai/*` packages from their sources, so a package's tests never wait
 * for, or race with, another package's build. Packaging itself is checked by publint and attw.
 */
export const sourceAliases = [
  // Subpath entries first: an alias matches its key as a path prefix.
  { find: /^@gongkai\/import\/node$/, replacement: `${packagesDir}import/src/node.ts` },
  { find: /^@gongkai\/audit\/node-flags$/, replacement: `${packagesDir}audit/src/node-flags.ts` },
  ...readdirSync(packagesDir).map((name) => ({
    find: new RegExp(`^@gongkai/${name}$`),
    replacement: `${packagesDir}${name}/src/index.ts`,
  })),
];

/** The global setup every config names: the run's temporary files in a folder removed at its end. */
export const temporaryDirectorySetup = fileURLToPath(new URL("./vitest.temp-dir.ts", import.meta.url));

/** The vitest config every package uses. */
export function packageTestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { alias: sourceAliases },
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: options.testTimeout ?? 20_000,
      globalSetup: [temporaryDirectorySetup],
    },
  });
}
