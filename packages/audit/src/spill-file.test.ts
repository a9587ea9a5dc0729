import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { SpillFile } from "./spill-file";

// os.tmpdir() reads TMPDIR (TEMP and TMP on Windows) at each call: each test gets a temporary
// directory of its own, so another run's spill folders cannot show in it.
const names = ["TMPDIR", "TEMP", "TMP"] as const;
const saved = names.map((name) => process.env[name]);
let directory = "";

function setTemporaryDirectory(path: string): void {
  for (const name of names) process.env[name] = path;
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "gongkai-spill-test-"));
  setTemporaryDirectory(directory);
});

afterEach(() => {
  for (const [index, name] of names.entries()) {
    if (saved[index] === undefined) delete process.env[name];
    else process.env[name] = saved[index];
  }
  rmSync(directory, { recursive: true, force: true });
});

it("gives back every text, from the buffer and from the file, and removes the file on close", () => {
  const spill = new SpillFile();
  // Chinese text (3 bytes a character in UTF-8) past the 256 kB buffer several times over, and one
  // text larger than the buffer on its own.
  const texts = Array.from(
    { length: 400 },
    (_, index) => `{"meta":{"agency":"某市第${index}局"}}${"上年结转".repeat(index % 300)}`,
  );
  texts.splice(200, 0, "现行有效".repeat(40_000));
  const locations = texts.map((text) => spill.add(text));
  const made = readdirSync(directory);
  expect(made).toEqual([expect.stringMatching(/^gongkai-audit-spill-/)]);
  for (const [index, text] of texts.entries())
    expect(spill.read(locations[index] as (typeof locations)[number])).toBe(text);
  spill.close();
  expect(existsSync(join(directory, made[0] as string))).toBe(false);
});

it("keeps a small set in memory: no file is made", () => {
  const spill = new SpillFile();
  const location = spill.add("结转下年度");
  expect(spill.read(location)).toBe("结转下年度");
  expect(readdirSync(directory)).toEqual([]);
  spill.close();
});

it("throws when its directory cannot be made, keeping what it had and trying again later", () => {
  const spill = new SpillFile();
  const kept = spill.add("上年结转".repeat(20_000));
  setTemporaryDirectory(join(directory, "no-such-folder", "below"));
  expect(() => spill.add("结转下年度".repeat(20_000))).toThrow();
  expect(spill.read(kept)).toBe("上年结转".repeat(20_000));
  setTemporaryDirectory(directory);
  const later = spill.add("现行有效".repeat(20_000));
  expect(spill.read(kept)).toBe("上年结转".repeat(20_000));
  expect(spill.read(later)).toBe("现行有效".repeat(20_000));
  expect(readdirSync(directory)).toHaveLength(1);
  spill.close();
  expect(readdirSync(directory)).toEqual([]);
});
