import { corpusFile, numberTexts, seedReport, seedText } from "@gongkai/test-reports";
import { toDocx } from "@gongkai/to-docx";
import { toJson } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { importReport } from "./import-report";
import { ReportLoadError } from "./report-load-error";

const encode = (text: string) => new TextEncoder().encode(text);
const corpusPdf = "pdf/hongzequ-2023.pdf";
const corpusHtml = "html/shanghai-bangongting-2019.html";

describe("importReport", () => {
  it("reads the seed as text and as canonical JSON to the same cells", async () => {
    const fromText = await importReport(encode(seedText()), { name: "seed.txt" });
    expect(fromText.format).toBe("text");
    const fromJson = await importReport(encode(toJson(fromText.report)), { name: "seed.json" });
    expect(fromJson.format).toBe("json");
    expect(fromJson.report.tables).toEqual(fromText.report.tables);
    expect(numberTexts(fromText.report)).toEqual(numberTexts(seedReport()));
  });

  it("reads a Word file rendered by to-docx, told by its bytes", async () => {
    const bytes = await toDocx(seedReport());
    const imported = await importReport(bytes);
    expect(imported.format).toBe("docx");
    expect(numberTexts(imported.report)).toEqual(numberTexts(seedReport()));
  });

  it("reads the Shanghai portal page (2019 edition)", async () => {
    const imported = await importReport(corpusFile(corpusHtml), { name: "page.html" });
    expect(imported.format).toBe("html");
    expect(imported.report.edition).toBe("2019");
    expect(imported.report.tables.table3).toBeDefined();
  });

  it("reads a real PDF report (洪泽区 2023), told by its bytes", async () => {
    const imported = await importReport(corpusFile(corpusPdf));
    expect(imported.format).toBe("pdf");
    expect(imported.report.meta.year).toBe(2023);
    expect(numberTexts(imported.report).length).toBeGreaterThan(0);
  });

  it("says why it cannot read broken PDF, binary, oversized and non-report input", async () => {
    const failure = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        if (!ReportLoadError.isInstance(error)) return `other: ${String(error)}`;
        const cause = error.cause as { name?: string } | undefined;
        return cause?.name === undefined ? error.code : `${error.code} (${cause.name})`;
      }
      return "no error";
    };
    expect(await failure(() => importReport(encode("%PDF-1.4\n"), { name: "r.pdf" }))).toBe(
      "not-a-report (GongkaiPdfReadError)",
    );
    expect(await failure(() => importReport(new Uint8Array([1, 0, 2, 0]), { name: "r.txt" }))).toBe(
      "not-a-report (GongkaiNotAReportError)",
    );
    expect(await failure(() => importReport(new Uint8Array([1, 0, 2, 0]), { name: "r" }))).toBe(
      "not-a-report (GongkaiImportFileError)",
    );
    expect(await failure(() => importReport(encode('{"edition":1}'), { name: "r.json" }))).toBe(
      "not-a-report (GongkaiReportValidationError)",
    );
    expect(await failure(() => importReport(encode("{"), { name: "r.json" }))).toBe(
      "not-a-report (GongkaiJsonSyntaxError)",
    );
    expect(await failure(() => importReport(new Uint8Array(11), { maxBytes: 10 }))).toBe("too-large");
  });
});
