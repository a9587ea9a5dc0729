import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./node";

function folder(): string {
  return mkdtempSync(join(tmpdir(), "gongkai-config-"));
}

describe("loadConfig", () => {
  it("finds gongkai.config.json upward from the working directory", async () => {
    const root = folder();
    writeFileSync(join(root, "gongkai.config.json"), JSON.stringify({ rules: { "meta/deadline": "off" } }));
    mkdirSync(join(root, "a/b"), { recursive: true });
    const loaded = await loadConfig({ cwd: join(root, "a/b") });
    expect(loaded?.filepath).toBe(join(root, "gongkai.config.json"));
    expect(loaded?.dir).toBe(root);
    expect(loaded?.config.rules).toEqual({ "meta/deadline": "off" });
  });

  it("reads a gongkai key in package.json, and passes over a package.json without one", async () => {
    const root = folder();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "x", gongkai: { maxWarnings: 3 } }));
    mkdirSync(join(root, "pkg"));
    writeFileSync(join(root, "pkg/package.json"), JSON.stringify({ name: "inner" }));
    expect((await loadConfig({ cwd: join(root, "pkg") }))?.config).toEqual({ maxWarnings: 3 });
  });

  it("reads a .js config's default export, and one named by configFile", async () => {
    const root = folder();
    writeFileSync(join(root, "gongkai.config.js"), 'export default { lang: "en" };\n');
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    expect((await loadConfig({ cwd: root }))?.config).toEqual({ lang: "en" });
    writeFileSync(join(root, "ci.json"), JSON.stringify({ ignore: ["drafts/"] }));
    expect((await loadConfig({ cwd: root, configFile: "ci.json" }))?.config).toEqual({ ignore: ["drafts/"] });
  });

  it("throws a ConfigError with each problem at its pointer", async () => {
    const root = folder();
    writeFileSync(
      join(root, "gongkai.config.json"),
      JSON.stringify({ rules: { "meta/deadline": "loud" }, maxWarnings: "x" }),
    );
    const error = await loadConfig({ cwd: root }).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).problems.map((problem) => problem.pointer).sort()).toEqual([
      "/maxWarnings",
      "/rules/meta~1deadline",
    ]);
    writeFileSync(join(root, "gongkai.config.json"), "{ nope");
    expect(ConfigError.isInstance(await loadConfig({ cwd: root }).catch((caught: unknown) => caught))).toBe(true);
    const missing = await loadConfig({ cwd: root, configFile: "absent.json" }).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(missing)).toBe(true);
  });

  it("returns undefined when there is no config", async () => {
    expect(await loadConfig({ cwd: folder() })).toBeUndefined();
  });
});
