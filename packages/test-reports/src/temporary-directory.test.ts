import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { expect, it } from "vitest";
import { setup } from "../../../vitest.temp-dir.ts";

// The global setup every vitest config names (vitest.shared.ts): a run's temporary files go in a
// folder of its own, removed at the end.

it("gives a test the run's own temporary folder", () => {
  expect(basename(tmpdir())).toMatch(/^gongkai-test-/);
  expect(existsSync(tmpdir())).toBe(true);
});

it("makes a folder for the run, points TMPDIR, TEMP and TMP at it, and removes it with what is in it", () => {
  const names = ["TMPDIR", "TEMP", "TMP"] as const;
  const saved = names.map((name) => process.env[name]);
  try {
    const teardown = setup();
    const directory = tmpdir();
    expect(names.map((name) => process.env[name])).toEqual([directory, directory, directory]);
    expect(basename(directory)).toMatch(/^gongkai-test-/);
    writeFileSync(join(directory, "left-behind.txt"), "上年结转");
    teardown();
    expect(existsSync(directory)).toBe(false);
  } finally {
    for (const [index, name] of names.entries()) {
      if (saved[index] === undefined) delete process.env[name];
      else process.env[name] = saved[index];
    }
  }
});
