import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getRules, ruleDocsBaseUrl, ruleDocsUrl } from "./index";
import { repositoryWebUrl } from "./repository";

const rootPackage = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
  repository: { url: string };
};

describe("rule page links", () => {
  it("point into the repository the root package.json names, at the pages the package ships", () => {
    const web = rootPackage.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(repositoryWebUrl).toBe(web);
    expect(ruleDocsBaseUrl).toBe(`${web}/blob/main/packages/core/docs/rules/`);
    for (const { id } of getRules()) {
      const page = ruleDocsUrl(id).slice(`${web}/blob/main/packages/core/`.length);
      expect(existsSync(new URL(`../${page}`, import.meta.url)), page).toBe(true);
    }
  });
});
