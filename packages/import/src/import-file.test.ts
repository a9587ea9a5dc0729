import { GongkaiError, ReportValidationError } from "@gongkai/core";
import { seedJsonText, seedReport, seedText } from "@gongkai/test-reports";
import { toDocx } from "@gongkai/to-docx";
import { toHtmlPage } from "@gongkai/to-html";
import { JsonSyntaxError } from "@gongkai/to-json";
import { describe, expect, it } from "vitest";
import { ImportFileError, importFile, sniffFormat } from "./index";

const encode = (text: string) => new TextEncoder().encode(text);

describe("importFile", () => {
  it("reads the seed's JSON transcription, with a BOM, as the same report", async () => {
    const result = await importFile(encode(`\uFEFF${seedJsonText()}`));
    expect(result.format).toBe("json");
    expect(result.diagnostics).toEqual([]);
    expect(result.report).toEqual(seedReport());
  });

  it("reads the seed's text through from-text, naming the file", async () => {
    const result = await importFile(encode(seedText()), { name: "reports/liuzhou-yanghe-2020.txt" });
    expect(result.format).toBe("text");
    expect(result.report.meta.agency.name).toBe(seedReport().meta.agency.name);
    expect(result.report.tables.table3?.rows.newReceived.naturalPerson).toMatchObject({ kind: "number", value: 49 });
  });

  it("applies the user's rule levels to the importer's findings", async () => {
    // The seed with its 行政许可 上一年项目数量 ("154") garbled, as the CLI's importer-findings test does.
    const bytes = encode(seedText().replace("\n154 |\n", "\n15四 |\n"));
    const ids = (result: { diagnostics: readonly { ruleId: string; severity: string }[] }) =>
      result.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.severity}`);
    const plain = await importFile(bytes, { name: "garbled.txt" });
    expect(ids(plain)).toContain("import/unreadable-value warning");
    const promoted = await importFile(bytes, {
      name: "garbled.txt",
      rules: { "import/unreadable-value": "error", "table3/balance": "off" },
    });
    expect(ids(promoted)).toEqual(
      ids(plain).map((id) => (id === "import/unreadable-value warning" ? "import/unreadable-value error" : id)),
    );
    const silenced = await importFile(bytes, { name: "garbled.txt", rules: { "import/unreadable-value": "off" } });
    expect(ids(silenced)).toEqual(ids(plain).filter((id) => !id.startsWith("import/unreadable-value")));
    expect(silenced.report).toEqual(plain.report);
  });

  it("reads our own HTML and DOCX renderings back, told apart by content alone", async () => {
    const html = await importFile(encode(toHtmlPage(seedReport())));
    expect(html.format).toBe("html");
    const docx = await importFile(await toDocx(seedReport()));
    expect(docx.format).toBe("docx");
    for (const { report } of [html, docx]) {
      expect(report.tables.table3?.rows.newReceived.naturalPerson).toMatchObject({ kind: "number", value: 49 });
    }
  });

  it("lets type win over the name, and the name over the bytes", () => {
    const json = encode("{}");
    expect(sniffFormat(json)).toBe("json");
    expect(sniffFormat(json, { name: "a.txt" })).toBe("text");
    expect(sniffFormat(json, { name: "a.txt", type: "application/json; charset=utf-8" })).toBe("json");
    expect(sniffFormat(json, { type: "html" })).toBe("html");
    expect(sniffFormat(json, { type: "application/octet-stream", name: "x.HTM" })).toBe("html");
  });

  it("throws typed errors: binary, a broken PDF, JSON that is not UTF-8 or not JSON or not a report", async () => {
    const reasons = async (bytes: Uint8Array) => {
      const error = await importFile(bytes).catch((caught: unknown) => caught);
      expect(GongkaiError.isInstance(error)).toBe(true);
      return ImportFileError.isInstance(error) ? error.reason : (error as Error).name;
    };
    expect(await reasons(new Uint8Array([1, 0, 2, 3]))).toBe("unsupported-format");
    // A PDF goes to from-pdf, which cannot open a header alone.
    expect(await reasons(encode("%PDF-1.7\n"))).toBe("GongkaiPdfReadError");
    expect(await reasons(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe("invalid-utf8");
    const syntax = await importFile(encode("{")).catch((caught: unknown) => caught);
    expect(JsonSyntaxError.isInstance(syntax)).toBe(true);
    const invalid = await importFile(encode('{"edition":"2019"}')).catch((caught: unknown) => caught);
    expect(ReportValidationError.isInstance(invalid)).toBe(true);
  });
});
