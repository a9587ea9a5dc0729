import { seedReport, seedText } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { toHtml, toHtmlCss, toHtmlPage } from "../src/index";
import { attr, byTag, type Element, elements, parseDocument, text } from "./html";

describe("toHtmlPage", () => {
  const report = seedReport();
  const page = toHtmlPage(report);
  const document = parseDocument(page);

  it("is a complete UTF-8 zh-CN document with the fragment in its body", () => {
    expect(page.startsWith("<!doctype html>\n")).toBe(true);
    const html = byTag(document, "html")[0] as Element;
    expect(attr(html, "lang")).toBe("zh-CN");
    const metas = byTag(document, "meta");
    expect(metas.map((meta) => attr(meta, "charset")).filter(Boolean)).toEqual(["utf-8"]);
    expect(text(byTag(document, "title")[0] as Element)).toBe(report.meta.title);
    expect(page).toContain(toHtml(report).trimEnd());
  });

  it("embeds its CSS, A4 print rules included, and loads nothing from elsewhere", () => {
    const style = text(byTag(document, "style")[0] as Element);
    expect(style).toContain(toHtmlCss());
    expect(style).toContain("@page{size:A4;margin:20mm 18mm;}");
    expect(style).toContain("@media print{");
    expect(byTag(document, "link")).toHaveLength(0);
    for (const element of elements(document)) expect(attr(element, "src")).toBeUndefined();
  });

  it("uses the class prefix for its own rules too", () => {
    const prefixed = toHtmlPage(report, { classPrefix: "nb-" });
    expect(prefixed).toContain('<body class="nb-page">');
    expect(prefixed).toContain(".nb-page{");
    expect(prefixed.replaceAll("data-gongkai-report", "")).not.toContain("gongkai-");
  });
});

describe("toHtmlCss", () => {
  it("scopes every rule to a prefixed class and can leave out the print rules", () => {
    const css = toHtmlCss({ classPrefix: "q-", print: false });
    expect(css).not.toContain("@page");
    for (const line of css.split("\n")) expect(line).toMatch(/^\.q-[a-z-]+\{[^{}]+\}$/);
  });
});

describe("the meta line", () => {
  it("labels its fields as portals do (发布机构, 发布日期) and separates them with U+3000", () => {
    const report = seedReport();
    // The portal's 信息来源 (seed line 3) names the publisher without 市: 柳州阳和工业新区(北部生态新区).
    report.meta.agency.name = /信息来源:(\S+)/.exec(seedText().split("\n")[2] ?? "")?.[1] ?? "";
    report.meta.sourceUrl = "http://www.example.gov.cn/a.html";
    const meta = byTag(parseDocument(toHtml(report)), "p")[0] as Element;
    expect(text(meta)).toBe(
      "发布机构：柳州阳和工业新区(北部生态新区)\u3000发布日期：2021-02-09\u3000原文链接：http://www.example.gov.cn/a.html",
    );
  });
});
