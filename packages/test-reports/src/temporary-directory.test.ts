import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { setup, temporaryDirectoryVariables } from "../../../vitest.temp-dir.ts";

// The global setup every vitest config names (vitest.shared.ts): a run's temporary files go in a
// folder of its own, removed at the end.

afterEach(() => {
  vi.unstubAllEnvs();
});

it("gives a test the run's own temporary folder", () => {
  expect(basename(tmpdir())).toMatch(/^gongkai-test-/);
  expect(existsSync(tmpdir())).toBe(true);
});

it("makes a folder for the run, points TMPDIR, TEMP and TMP at it, and removes it with what is in it", () => {
  // Stubbed first, so that vitest puts back the values the setup below overwrites.
  for (const name of temporaryDirectoryVariables) vi.stubEnv(name, process.env[name]);
  const teardown = setup();
  const directory = tmpdir();
  expect(temporaryDirectoryVariables.map((name) => process.env[name])).toEqual([directory, directory, directory]);
  expect(basename(directory)).toMatch(/^gongkai-test-/);
  writeFileSync(join(directory, "left-behind.txt"), "上年结转");
  teardown();
  expect(existsSync(directory)).toBe(false);
});

it("puts the run's folder back after the setup's test", () => {
  // The test above ran in this file's worker: its own folder is gone, the run's is back.
  expect(existsSync(tmpdir())).toBe(true);
  expect(basename(tmpdir())).toMatch(/^gongkai-test-/);
});
