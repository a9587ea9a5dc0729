import { check, createReport, GongkaiError, type Report, ReportValidationError } from "@gongkai/core";
import { fullReport, seedReport } from "@gongkai/test-reports";
import { describe, expect, it } from "vitest";
import { classRoles, defaultClassPrefix, ToHtmlOptionsError, toHtml, toHtmlCss } from "../src/index";
import { attr, byTag, elements, parseHtml } from "./html";

function collectIds(html: string): string[] {
  return elements(parseHtml(html)).flatMap((element) => {
    const id = attr(element, "id");
    return id === undefined ? [] : [id];
  });
}

describe("class prefix", () => {
  it("puts every class name under the prefix, known roles only", () => {
    for (const prefix of [defaultClassPrefix, "rpt_", "x"]) {
      const html = toHtml(fullReport("2021"), { classPrefix: prefix, diagnostics: [] });
      const classes = elements(parseHtml(html)).flatMap((element) =>
        (attr(element, "class") ?? "").split(" ").filter(Boolean),
      );
      expect(classes.length).toBeGreaterThan(300);
      for (const name of classes) {
        expect(name.startsWith(prefix)).toBe(true);
        expect(Object.keys(classRoles)).toContain(name.slice(prefix.length));
      }
      if (prefix !== defaultClassPrefix) expect(html.replaceAll("data-gongkai-report", "")).not.toContain("gongkai-");
      expect(
        toHtmlCss({ classPrefix: prefix })
          .match(/\.[\w-]+\{/g)
          ?.every((rule) => rule.startsWith(`.${prefix}`)),
      ).toBe(true);
    }
  });

  it("rejects prefixes that cannot be a class name", () => {
    for (const classPrefix of ["", "1x", "a b", 'x"', "a.b", "-a"]) {
      const attempt = () => toHtml(seedReport(), { classPrefix });
      expect(attempt).toThrow(ToHtmlOptionsError);
      try {
        attempt();
      } catch (error) {
        expect(ToHtmlOptionsError.isInstance(error) && GongkaiError.isInstance(error)).toBe(true);
        expect((error as ToHtmlOptionsError).option).toBe("classPrefix");
      }
    }
    expect(() => toHtml(seedReport(), { idPrefix: "a b" })).toThrow(ToHtmlOptionsError);
    // biome-ignore lint/suspicious/noExplicitAny: a JavaScript caller passing a bad level
    expect(() => toHtml(seedReport(), { headingLevel: 7 as any })).toThrow(ToHtmlOptionsError);
  });
});

describe("ids", () => {
  it("are unique in a fragment and start with the id prefix, so two fragments can share a page", () => {
    const first = collectIds(toHtml(seedReport(), { idPrefix: "a-" }));
    const second = collectIds(toHtml(seedReport(), { idPrefix: "b-" }));
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => id.startsWith("a-"))).toBe(true);
    expect(second.every((id) => id.startsWith("b-"))).toBe(true);
    const firstHeaders = byTag(parseHtml(toHtml(seedReport(), { idPrefix: "a-" })), "td").flatMap((td) =>
      (attr(td, "headers") ?? "").split(" "),
    );
    expect(firstHeaders.every((id) => first.includes(id))).toBe(true);
  });
});

describe("inline styles", () => {
  it("are written on every styled element only when asked; visually hidden text is always hidden", () => {
    const diagnostics = [
      {
        ruleId: "table3/row-total" as const,
        severity: "error" as const,
        message: { zh: "总计不等于各列之和", en: "Total differs" },
        location: {
          table: "table3" as const,
          row: "newReceived",
          column: "total",
          pointer: "/tables/table3/rows/newReceived/total",
        },
      },
    ];
    const plain = parseHtml(toHtml(seedReport(), { diagnostics }));
    const styledPlain = elements(plain).filter((element) => attr(element, "style") !== undefined);
    expect(styledPlain.length).toBeGreaterThan(0);
    for (const element of styledPlain) expect(attr(element, "class")).toContain("gongkai-visually-hidden");
    const inline = parseHtml(toHtml(seedReport(), { diagnostics, inlineStyles: true }));
    for (const element of elements(inline)) {
      const roles = (attr(element, "class") ?? "")
        .split(" ")
        .filter(Boolean)
        .map((name) => name.slice("gongkai-".length));
      const expected = roles.map((role) => classRoles[role as keyof typeof classRoles]).join("");
      expect(attr(element, "style") ?? "").toBe(expected);
    }
    const table = byTag(inline, "table")[0];
    expect(attr(table as never, "style")).toContain("border-collapse:collapse");
  });

  it("writes no style attribute at all with functionalStyles off (for hosts under a strict CSP)", () => {
    const diagnostics = check(seedReport());
    expect(diagnostics.length).toBeGreaterThan(0);
    const strict = parseHtml(toHtml(seedReport(), { diagnostics, functionalStyles: false }));
    expect(elements(strict).filter((element) => attr(element, "style") !== undefined)).toEqual([]);
    expect(
      byTag(strict, "caption").some((caption) => attr(caption, "class")?.includes("gongkai-visually-hidden")),
    ).toBe(true);
    const inline = parseHtml(toHtml(seedReport(), { diagnostics, inlineStyles: true, functionalStyles: false }));
    expect(attr(byTag(inline, "table")[0] as never, "style")).toContain("border-collapse:collapse");
  });
});

describe("headings and determinism", () => {
  it("nest headings under the chosen level", () => {
    const root = parseHtml(toHtml(seedReport(), { headingLevel: 3 }));
    expect(byTag(root, "h1")).toHaveLength(0);
    expect(byTag(root, "h3")).toHaveLength(1);
    expect(byTag(root, "h4")).toHaveLength(6);
    expect(byTag(root, "h5")).toHaveLength(6);
  });

  it("render the same report to the same string", () => {
    expect(toHtml(seedReport())).toBe(toHtml(seedReport()));
    expect(toHtml(fullReport("2021"), { inlineStyles: true })).toBe(toHtml(fullReport("2021"), { inlineStyles: true }));
  });

  it("compose a title from agency and year when the report printed none", () => {
    const report = createReport({ edition: "2021", year: 2024, agency: { name: "某县人民政府" } });
    expect(toHtml(report)).toContain('<h1 class="gongkai-title">某县人民政府2024年政府信息公开工作年度报告</h1>');
  });
});

describe("validation", () => {
  it("throws ReportValidationError for a report that is not valid, unless told not to validate", () => {
    const report = seedReport() as unknown as { tables: { table3: { rows: Record<string, Record<string, unknown>> } } };
    (report.tables.table3.rows.newReceived as Record<string, unknown>).total = { kind: "number", value: "49" };
    expect(() => toHtml(report as unknown as Report)).toThrow(ReportValidationError);
    const html = toHtml(report as unknown as Report, { validate: false });
    expect(html).toContain('data-row="newReceived" data-column="total" data-kind="number" data-value="">');
  });

  it("renders only the tables the report has, a table without its part with a visible caption", () => {
    const report = seedReport();
    delete report.tables.table2;
    report.parts = report.parts.filter((part) => part.code !== "applications");
    const root = parseHtml(toHtml(report));
    expect(byTag(root, "table").map((table) => attr(table, "data-table"))).toEqual(["table4", "table3"]);
    const captions = byTag(root, "caption").map((caption) => attr(caption, "class"));
    expect(captions).toEqual(["gongkai-caption gongkai-visually-hidden", "gongkai-caption"]);
  });
});
