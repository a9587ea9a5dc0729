import { readdirSync, readFileSync } from "node:fs";
import { GongkaiError } from "@gongkai/core";
import type { Block, TableBlock } from "@gongkai/recognize";
import { describe, expect, it } from "vitest";
import { HtmlLimitError, htmlToBlocks } from "./index";

const textOf = (block: Block | undefined) => (block && block.type !== "table" ? block.text : undefined);

// Adversarial inputs: each must finish (the walk is iterative and every grid is bounded) and say
// which limit it hit. No timing is asserted.
describe("limits", () => {
  it("reads a 10 MB page", () => {
    const paragraph = `<p style="mso-line-height-rule:exactly">${"全年主动公开政府信息一千二百余条。".repeat(20)}</p>\n`;
    const html = paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length));
    expect(html.length).toBeGreaterThan(10 * 1024 * 1024 * 0.99);
    const document = htmlToBlocks(html);
    expect(document.blocks.length).toBe(Math.ceil((10 * 1024 * 1024) / paragraph.length));
    expect(document.diagnostics).toBeUndefined();
  });

  it("walks 100 000 nested elements without recursion, and bounds the path it writes", () => {
    const depth = 100_000;
    const html = `${"<div>".repeat(depth)}底${"</div>".repeat(depth)}`;
    const document = htmlToBlocks(html);
    expect(document.blocks).toHaveLength(1);
    const path = document.blocks[0]?.source.path ?? "";
    expect(path.startsWith("body>div>div>")).toBe(true);
    expect(path).toContain(">…>");
    expect(path.split(">")).toHaveLength(48);
  });

  it("cuts a 10 000-column table at the slot limit with import/limit-exceeded", () => {
    const row = `<tr>${"<td>1</td>".repeat(10_000)}</tr>`;
    const document = htmlToBlocks(`<p>前</p><table>${row.repeat(20)}</table><p>后</p>`);
    const table = document.blocks[1] as TableBlock;
    expect(table.rows).toHaveLength(10);
    expect(table.rows[0]).toHaveLength(10_000);
    expect(textOf(document.blocks[2])).toBe("后");
    expect(document.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: "import/limit-exceeded",
        severity: "error",
        location: expect.objectContaining({ source: expect.objectContaining({ path: "body>table" }) }),
      }),
    ]);
  });

  it("bounds the work of huge spans, not just the grid", () => {
    const cells = '<td colspan="1000" rowspan="65534">x</td>'.repeat(2_000);
    const document = htmlToBlocks(`<table><tr>${cells}</tr><tr><td>y</td></tr></table>`);
    expect(document.diagnostics?.[0]?.ruleId).toBe("import/limit-exceeded");
    const table = document.blocks[0] as TableBlock;
    expect(table.rows.length * (table.rows[0]?.length ?? 0)).toBeLessThanOrEqual(100_000);
  });

  it("shares a slot budget across the page's tables", () => {
    const table = `<table>${"<tr><td>1</td><td>2</td></tr>".repeat(10)}</table>`;
    const document = htmlToBlocks(table.repeat(3), { maxSlots: 50 });
    const rows = document.blocks.map((block) => (block.type === "table" ? block.rows.length : 0));
    expect(rows).toEqual([10, 10, 5]);
    expect(document.diagnostics?.map((diagnostic) => diagnostic.ruleId)).toEqual(["import/limit-exceeded"]);
  });

  it("reads a label repeated 100 000 times, in paragraphs and in a table", () => {
    const paragraphs = htmlToBlocks("<p>自然人</p>".repeat(100_000));
    expect(paragraphs.blocks).toHaveLength(100_000);
    const table = htmlToBlocks(`<table>${"<tr><td>自然人</td></tr>".repeat(100_000)}</table>`).blocks[0] as TableBlock;
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]?.[0]?.text).toBe("自然人");
  });

  it("stops at maxBlocks with import/limit-exceeded located at the first dropped block", () => {
    const document = htmlToBlocks("<p>段</p>".repeat(10), { maxBlocks: 4 });
    expect(document.blocks).toHaveLength(4);
    expect(document.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: "import/limit-exceeded",
        location: { pointer: "", source: expect.objectContaining({ offset: 32, path: "body>p[5]" }) },
      }),
    ]);
  });

  it("throws HtmlLimitError, a GongkaiError, for input over maxInputLength", () => {
    let caught: unknown;
    try {
      htmlToBlocks("<p>x</p>".repeat(100), { maxInputLength: 500 });
    } catch (error) {
      caught = error;
    }
    expect(HtmlLimitError.isInstance(caught)).toBe(true);
    expect(GongkaiError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ name: "GongkaiHtmlLimitError", limit: "maxInputLength", maximum: 500, actual: 800 });
    expect(() => htmlToBlocks(new Uint8Array(501), { maxInputLength: 500 })).toThrow(HtmlLimitError);
  });
});

// Reproducers for the blow-ups a fuzzing run found (issue 13). Each asserts a result or our typed
// limit error; their time and memory are measured by `npm run bench`, not asserted here.
describe("fuzz-found blow-ups", () => {
  it("reads one <p> of 100 000 source lines (once quadratic in TextRun.finish) as one paragraph", () => {
    const document = htmlToBlocks(`<p>${"全年公开\n".repeat(100_000)}</p>`);
    expect(document.blocks).toHaveLength(1);
    // A source newline between two Chinese characters is removed, so the lines join up.
    expect(textOf(document.blocks[0])).toBe("全年公开".repeat(100_000));
  });

  it("reads a UTF-16 page without a byte-order mark (once one huge text node) as UTF-16", () => {
    const html = `<html><body>${"<p>line 自然人</p>\n".repeat(20_000)}</body></html>`;
    const bytes = new Uint8Array(html.length * 2);
    for (let index = 0; index < html.length; index += 1) {
      bytes[2 * index] = html.charCodeAt(index) & 0xff;
      bytes[2 * index + 1] = html.charCodeAt(index) >> 8;
    }
    const document = htmlToBlocks(bytes);
    expect(document.blocks).toHaveLength(20_000);
    expect(textOf(document.blocks[19_999])).toBe("line 自然人");
    expect(document.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: "import/encoding",
        severity: "info",
        message: expect.objectContaining({ en: expect.stringContaining("UTF-16LE") }),
      }),
    ]);
  });

  it("stops parse5 re-opening 2 000 distinct unclosed <b> tags with HtmlLimitError (maxElements)", () => {
    const html = Array.from({ length: 2_000 }, (_, index) => `<b id=${index}>x<p>`).join("");
    let caught: unknown;
    try {
      htmlToBlocks(html);
    } catch (error) {
      caught = error;
    }
    expect(HtmlLimitError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ limit: "maxElements", maximum: 4096 + html.length });
  });

  it("still reads unclosed formatting tags re-opened in every paragraph (up to three copies each)", () => {
    const html = "<p><b><i><u>自然人".repeat(1_000);
    const document = htmlToBlocks(html);
    expect(document.blocks).toHaveLength(1_000);
    expect(textOf(document.blocks[999])).toBe("自然人");
  });

  it("honours a smaller maxElements", () => {
    expect(() => htmlToBlocks("<p>x</p>".repeat(10), { maxElements: 5 })).toThrow(HtmlLimitError);
    expect(htmlToBlocks("<p>x</p>".repeat(10), { maxElements: 20 }).blocks).toHaveLength(10);
  });
});

describe("browser safety", () => {
  it("has no node: imports in library sources", () => {
    const sources = readdirSync(new URL(".", import.meta.url)).filter(
      (name) => name.endsWith(".ts") && !name.endsWith(".test.ts"),
    );
    expect(sources.length).toBeGreaterThan(3);
    for (const name of sources) {
      expect(readFileSync(new URL(name, import.meta.url), "utf8"), name).not.toMatch(/from "node:/);
    }
  });
});
