import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "./node";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "gongkai-import-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe("expandInputs", () => {
  const cwd = tree({
    "reports/2023.json": "{}",
    "reports/2024.txt": "x",
    "reports/notes.md": "x",
    "reports/sub/2022.HTML": "x",
    "reports/drafts/2025.json": "{}",
    "reports/node_modules/dep.json": "{}",
    "reports/package.json": '{ "gongkai": {} }',
    "reports/gongkai.config.json": "{}",
    "reports/package-lock.json": "{}",
    "other/a.docx": "x",
    ".gongkaiignore": "# drafts are not reports yet\ndrafts/\n",
  });

  it("walks a folder for report files by extension, skipping node_modules, config files and .gongkaiignore's patterns", async () => {
    const result = await expandInputs(["reports"], { cwd });
    expect(result.files).toEqual(["reports/2023.json", "reports/2024.txt", "reports/sub/2022.HTML"]);
  });

  it("expands globs itself, keeps files and - as named, and lists what matched nothing", async () => {
    const result = await expandInputs(["reports/*.json", "other/a.docx", "-", "missing.json", "none/*.txt"], { cwd });
    expect(result.files).toEqual(["reports/2023.json", "other/a.docx", "-", "missing.json"]);
    expect(result.unmatched).toEqual(["none/*.txt"]);
  });

  it("leaves config files and npm's lockfile out of globs, and reads them when named", async () => {
    const result = await expandInputs(["reports/*.json", "reports/package.json"], { cwd });
    expect(result.files).toEqual(["reports/2023.json", "reports/package.json"]);
  });

  it("applies ignore patterns relative to their root, to named files too, and reads each file once", async () => {
    const result = await expandInputs(["reports", "reports/2024.txt", "other/a.docx"], {
      cwd,
      ignore: [{ root: join(cwd, "reports"), patterns: ["*.txt"] }],
      ignoreFile: false,
    });
    expect(result.files).toEqual([
      "reports/2023.json",
      "reports/drafts/2025.json",
      "reports/sub/2022.HTML",
      "other/a.docx",
    ]);
    expect(result.ignored).toEqual(["reports/2024.txt"]);
  });
});
