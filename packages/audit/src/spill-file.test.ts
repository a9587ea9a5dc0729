import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { SpillFile } from "./spill-file";

/** The temporary directories a spill file makes. */
function spillDirectories(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith("gongkai-audit-spill-"));
}

it("gives back every text, from the buffer and from the file, and removes the file on close", () => {
  const before = new Set(spillDirectories());
  const spill = new SpillFile();
  // Chinese text (3 bytes a character in UTF-8) past the 256 kB buffer several times over, and one
  // text larger than the buffer on its own.
  const texts = Array.from(
    { length: 400 },
    (_, index) => `{"meta":{"agency":"某市第${index}局"}}${"上年结转".repeat(index % 300)}`,
  );
  texts.splice(200, 0, "现行有效".repeat(40_000));
  const locations = texts.map((text) => spill.add(text));
  const made = spillDirectories().filter((name) => !before.has(name));
  expect(made).toHaveLength(1);
  for (const [index, text] of texts.entries())
    expect(spill.read(locations[index] as (typeof locations)[number])).toBe(text);
  spill.close();
  expect(existsSync(`${tmpdir()}/${made[0]}`)).toBe(false);
});

it("keeps a small set in memory: no file is made", () => {
  const before = new Set(spillDirectories());
  const spill = new SpillFile();
  const location = spill.add("结转下年度");
  expect(spill.read(location)).toBe("结转下年度");
  expect(spillDirectories().filter((name) => !before.has(name))).toEqual([]);
  spill.close();
});

it("throws when its directory cannot be made, keeping what it had and trying again later", () => {
  const spill = new SpillFile();
  const kept = spill.add("上年结转".repeat(20_000));
  // os.tmpdir() reads TMPDIR (TEMP and TMP on Windows) at each call.
  const names = ["TMPDIR", "TEMP", "TMP"] as const;
  const saved = names.map((name) => process.env[name]);
  const missing = join(tmpdir(), "gongkai-audit-no-such-folder", "below");
  for (const name of names) process.env[name] = missing;
  try {
    expect(() => spill.add("结转下年度".repeat(20_000))).toThrow();
    expect(spill.read(kept)).toBe("上年结转".repeat(20_000));
  } finally {
    for (const [index, name] of names.entries()) {
      if (saved[index] === undefined) delete process.env[name];
      else process.env[name] = saved[index];
    }
  }
  const later = spill.add("现行有效".repeat(20_000));
  expect(spill.read(kept)).toBe("上年结转".repeat(20_000));
  expect(spill.read(later)).toBe("现行有效".repeat(20_000));
  spill.close();
});
