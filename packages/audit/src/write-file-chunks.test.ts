import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileChunks } from "./write-file-chunks";

function directory(): string {
  return mkdtempSync(join(tmpdir(), "gongkai-chunks-"));
}

describe("writeFileChunks", () => {
  it("writes the chunks' UTF-8 in order, a chunk longer than its buffer too", () => {
    const path = join(directory(), "page.html");
    // Three bytes a unit (中), four a pair (😀), one (a): the last chunk is larger than the scratch buffer.
    const chunks = ["<p>", "中".repeat(16_384), "😀".repeat(8_192), "a", `${"中😀".repeat(30_000)}</p>`];
    writeFileChunks(path, chunks);
    expect(readFileSync(path).equals(Buffer.from(chunks.join(""), "utf8"))).toBe(true);
  });

  it("replaces what was there", () => {
    const path = join(directory(), "page.html");
    writeFileSync(path, "x".repeat(100_000));
    writeFileChunks(path, ["short"]);
    expect(readFileSync(path, "utf8")).toBe("short");
  });

  it("leaves no file behind when a chunk cannot be made, and throws that error", () => {
    const path = join(directory(), "page.html");
    function* failing(): Generator<string> {
      yield "<!doctype html>";
      throw new RangeError("the renderer failed");
    }
    expect(() => writeFileChunks(path, failing())).toThrow("the renderer failed");
    expect(existsSync(path)).toBe(false);
  });

  it("throws when the file cannot be opened", () => {
    expect(() => writeFileChunks(join(directory(), "missing", "page.html"), ["x"])).toThrow(/ENOENT/);
  });
});
