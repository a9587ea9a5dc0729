import { readFileSync } from "node:fs";
import { numberTexts, seedReport, seedText } from "@gongkai/test-reports";
import { toDocx } from "@gongkai/to-docx";
import { toJson } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { detectReportFormat, importReport } from "./import-report";
import { ReportLoadError } from "./report-load-error";

const encode = (text: string) => new TextEncoder().encode(text);
const corpusHtml = new URL("../../from-html/src/__fixtures__/shanghai-bangongting-2019.html", import.meta.url);

describe("detectReportFormat", () => {
  it("goes by extension, then MIME type, then the first bytes", () => {
    expect(detectReportFormat(encode("{}"), { name: "a.TXT" })).toBe("text");
    expect(detectReportFormat(encode("x"), { name: "a", type: "application/json; charset=utf-8" })).toBe("json");
    expect(detectReportFormat(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("docx");
    expect(detectReportFormat(encode("%PDF-1.7"))).toBe("pdf");
    expect(detectReportFormat(encode("\uFEFF \n{"))).toBe("json");
    expect(detectReportFormat(encode("  <p>"))).toBe("html");
    expect(detectReportFormat(encode("柳州"))).toBe("text");
  });
});

describe("importReport", () => {
  it("reads the seed as text and as canonical JSON to the same cells", () => {
    const fromText = importReport(encode(seedText()), { name: "seed.txt" });
    expect(fromText.format).toBe("text");
    const fromJson = importReport(encode(toJson(fromText.report)), { name: "seed.json" });
    expect(fromJson.format).toBe("json");
    expect(fromJson.report.tables).toEqual(fromText.report.tables);
    expect(numberTexts(fromText.report)).toEqual(numberTexts(seedReport()));
  });

  it("reads a Word file rendered by to-docx, told by its bytes", async () => {
    const bytes = await toDocx(seedReport());
    const imported = importReport(bytes);
    expect(imported.format).toBe("docx");
    expect(numberTexts(imported.report)).toEqual(numberTexts(seedReport()));
  });

  it("reads the Shanghai portal page (2019 edition)", () => {
    const imported = importReport(new Uint8Array(readFileSync(corpusHtml)), { name: "page.html" });
    expect(imported.format).toBe("html");
    expect(imported.report.edition).toBe("2019");
    expect(imported.report.tables.table3).toBeDefined();
  });

  it("says why it cannot read PDF, binary, oversized and non-report input", () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return ReportLoadError.isInstance(error) ? error.code : `other: ${String(error)}`;
      }
      return "no error";
    };
    expect(codeOf(() => importReport(encode("%PDF-1.4\n"), { name: "r.pdf" }))).toBe("unsupported-format");
    expect(codeOf(() => importReport(new Uint8Array([1, 0, 2, 0]), { name: "r.txt" }))).toBe("not-a-report");
    expect(codeOf(() => importReport(encode('{"edition":1}'), { name: "r.json" }))).toBe("not-a-report");
    expect(codeOf(() => importReport(encode("{"), { name: "r.json" }))).toBe("not-a-report");
    expect(codeOf(() => importReport(new Uint8Array(11), { maxBytes: 10 }))).toBe("too-large");
  });
});
