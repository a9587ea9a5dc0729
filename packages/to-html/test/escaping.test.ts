import type { Diagnostic, Report } from "@gongkai/core";
import { fullReport, seedReport, setLoose } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeJsonForScript, safeHttpUrl } from "../src/escape";
import { toHtml, toHtmlPage } from "../src/index";
import { attr, byTag, type Element, elements, parseDocument, parseHtml, text } from "./html";

/** Every way out of a text node, an attribute, a script or a style element we know of, in one string. */
const hostile =
  `A</script><script>alert(1)</script>"onerror="alert(1)' onmouseover='alert(1)` +
  `<img src=x onerror=alert(1)></style><style>*{}</style><svg/onload=alert(1)>javascript:alert(1)` +
  `&amp;&lt;<!--<![CDATA[]]>\u2028\u2029`;

/** A report with the hostile string in every text field the renderer reads. */
function hostileReport(edition: "2019" | "2021"): Report {
  const report = fullReport(edition);
  report.meta.agency.name = hostile;
  report.meta.agency.region = hostile;
  report.meta.title = hostile;
  report.meta.sourceUrl = `javascript:alert(1)//${hostile}`;
  report.preamble = [
    { type: "subheading", text: hostile },
    { type: "paragraph", text: hostile },
  ];
  for (const part of report.parts) {
    part.heading = hostile;
    part.blocks = [
      { type: "subheading", text: hostile },
      { type: "paragraph", text: hostile },
    ];
  }
  setLoose(report, "table3", "newReceived", "naturalPerson", { kind: "number", value: 5, raw: hostile });
  setLoose(report, "table4", "review", "maintain", { kind: "blank", raw: hostile });
  return report;
}

const hostileDiagnostic: Diagnostic = {
  // Not a registry id: a renderer escapes whatever id a diagnostic from outside carries.
  ruleId: hostile as Diagnostic["ruleId"],
  severity: "error",
  message: { zh: hostile, en: hostile },
  location: {
    table: "table3",
    row: "newReceived",
    column: "naturalPerson",
    pointer: "/tables/table3/rows/newReceived/naturalPerson",
  },
  url: "javascript:alert(1)",
};

const fragmentTags = new Set([
  "article",
  "header",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "p",
  "span",
  "time",
  "a",
  "div",
  "section",
  "table",
  "caption",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "ol",
  "li",
  "code",
  "script",
]);

function assertInert(root: Element, allowedTags: ReadonlySet<string>): void {
  const all = elements(root);
  for (const element of all) {
    expect(allowedTags.has(element.tagName ?? "")).toBe(true);
    for (const attribute of element.attrs ?? []) expect(attribute.name.startsWith("on")).toBe(false);
  }
  const scripts = byTag(root, "script");
  expect(scripts).toHaveLength(1);
  expect(scripts[0]?.attrs).toEqual([
    { name: "type", value: "application/json" },
    { name: "data-gongkai-report", value: "" },
  ]);
  for (const link of byTag(root, "a")) expect(attr(link, "href")).toMatch(/^https?:\/\//);
}

describe.each(["2019", "2021"] as const)("hostile strings in a %s report", (edition) => {
  const report = hostileReport(edition);
  const html = toHtml(report, { diagnostics: [hostileDiagnostic] });
  const root = parseHtml(html);

  it("render as text in every field and never as markup, handlers or links", () => {
    assertInert(root, fragmentTags);
    expect(byTag(root, "a")).toHaveLength(0);
    expect(text(byTag(root, "h1")[0] as Element)).toBe(hostile);
    const agency = elements(root).find((element) => attr(element, "class")?.includes("gongkai-agency"));
    expect(text(agency as Element)).toBe(`发布机构：${hostile}`);
    const source = elements(root).find((element) => attr(element, "class")?.includes("gongkai-source"));
    expect(text(source as Element)).toBe(`原文链接：javascript:alert(1)//${hostile}`);
    // Six part headings and the preamble's sub-heading at h2; the parts' sub-headings at h3.
    expect(byTag(root, "h2").filter((heading) => text(heading) === hostile)).toHaveLength(7);
    expect(byTag(root, "h3").filter((heading) => text(heading) === hostile)).toHaveLength(6);
    expect(byTag(root, "p").filter((paragraph) => text(paragraph) === hostile)).toHaveLength(7);
    const finding = byTag(root, "li")[0] as Element;
    expect(attr(finding, "data-rule")).toBe(hostile);
    expect(text(finding)).toContain(hostile);
    const flagged = byTag(root, "td").find(
      (td) => attr(td, "data-row") === "newReceived" && attr(td, "data-column") === "naturalPerson",
    );
    expect(attr(flagged as Element, "title")).toBe(hostile);
    // The raw text stays in the data, never in the markup.
    expect(text(flagged as Element)).toBe(`5（错误：${hostile}）`);
  });

  it("embeds JSON that cannot close its script and parses back to the same report", () => {
    const script = byTag(root, "script")[0] as Element;
    const json = text(script);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(report);
    expect(html.split("</script>")).toHaveLength(2);
  });

  it("stays inert in the standalone page, <title> and <style> included", () => {
    const page = toHtmlPage(report, { diagnostics: [hostileDiagnostic] });
    const document = parseDocument(page);
    assertInert(document, new Set([...fragmentTags, "html", "head", "body", "meta", "title", "style"]));
    expect(text(byTag(document, "title")[0] as Element)).toBe(hostile);
    const styles = byTag(document, "style");
    expect(styles).toHaveLength(1);
    expect(text(styles[0] as Element)).not.toContain("alert");
    expect(JSON.parse(text(byTag(document, "script")[0] as Element))).toEqual(report);
    const titled = toHtmlPage(seedReport(), { pageTitle: hostile });
    expect(text(byTag(parseDocument(titled), "title")[0] as Element)).toBe(hostile);
  });
});

describe("embedded report data", () => {
  it("round-trips the real seed report and a script-closing, line-separator-laden one exactly", () => {
    for (const report of [seedReport(), fullReport("2021")]) {
      report.preamble.push({ type: "paragraph", text: "</script><script>alert(1)</script>\u2028\u2029</SCRIPT >" });
      const script = byTag(parseHtml(toHtml(report)), "script")[0] as Element;
      expect(JSON.parse(text(script))).toEqual(report);
    }
  });

  it("keeps control characters and lone surrogates exact in the data and replaces them in the markup", () => {
    const report = seedReport();
    report.preamble.push({ type: "paragraph", text: "a\u0000b\u0007c\ud800d😀e" });
    const root = parseHtml(toHtml(report));
    const paragraph = byTag(root, "p").find((element) => text(element).startsWith("a")) as Element;
    expect(text(paragraph)).toBe("a\uFFFDb\uFFFDc\uFFFDd😀e");
    expect(JSON.parse(text(byTag(root, "script")[0] as Element))).toEqual(report);
  });

  it("is left out when embedReport is false", () => {
    expect(byTag(parseHtml(toHtml(seedReport(), { embedReport: false })), "script")).toHaveLength(0);
  });
});

describe("escape helpers", () => {
  it("escape the five HTML specials and leave other text alone", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(escapeHtml("第二十条第（一）项")).toBe("第二十条第（一）项");
  });

  it("escape JSON for a script element", () => {
    expect(escapeJsonForScript(JSON.stringify("</script>&\u2028\u2029"))).toBe(
      '"\\u003c/script\\u003e\\u0026\\u2028\\u2029"',
    );
  });

  it("link only absolute http(s) source URLs", () => {
    expect(safeHttpUrl("https://www.example.gov.cn/a?b=1&c=2")).toBe("https://www.example.gov.cn/a?b=1&c=2");
    expect(safeHttpUrl(' HTTP://example.gov.cn/"<x>')).toBe("http://example.gov.cn/%22%3Cx%3E");
    for (const url of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "/relative/path",
      "https://",
      "http:/example.gov.cn",
    ]) {
      expect(safeHttpUrl(url)).toBeUndefined();
    }
  });

  it("render an http(s) source URL as a link with its text, and anything else as text", () => {
    const report = seedReport();
    report.meta.sourceUrl = 'http://www.lzyanghe.gov.cn/xxgk/"2021"&x=<1>';
    const root = parseHtml(toHtml(report));
    const links = byTag(root, "a");
    expect(links).toHaveLength(1);
    expect(attr(links[0] as Element, "href")).toBe("http://www.lzyanghe.gov.cn/xxgk/%222021%22&x=%3C1%3E");
    expect(attr(links[0] as Element, "rel")).toBe("noopener noreferrer nofollow");
    expect(text(links[0] as Element)).toBe('http://www.lzyanghe.gov.cn/xxgk/"2021"&x=<1>');
    report.meta.sourceUrl = "data:text/html,<script>alert(1)</script>";
    expect(byTag(parseHtml(toHtml(report)), "a")).toHaveLength(0);
  });
});
