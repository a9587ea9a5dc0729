import { fileURLToPath } from "node:url";
import * as fromPdfModule from "@gongkai/from-pdf";
import { NotAReportError } from "@gongkai/recognize";
import { afterEach, describe, expect, it, vi } from "vitest";
import { simSunPdf } from "../../from-pdf/src/test-helpers";
import { importFile } from "./index";

vi.mock("@gongkai/from-pdf", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@gongkai/from-pdf")>();
  return { ...actual, fromPdf: vi.fn(actual.fromPdf) };
});

/** A WPS/Word-style export whose SimSun is not embedded (UniGB-UCS2-H): only pdf.js's CMaps read its text. */
const simSun = simSunPdf(["北京市某某区人民政府办公室", "2023年政府信息公开工作年度报告"]);
const pdfjsDir = fileURLToPath(new URL("../../../node_modules/pdfjs-dist/", import.meta.url));

afterEach(() => {
  vi.mocked(fromPdfModule.fromPdf).mockClear();
});

describe("importFile and pdf.js's data files", () => {
  it("passes cMapUrl and standardFontDataUrl to fromPdf, which reads the text through them", async () => {
    const options = { cMapUrl: `${pdfjsDir}cmaps/`, standardFontDataUrl: `${pdfjsDir}standard_fonts/` };
    const result = await importFile(simSun, { name: "simsun.pdf", ...options });
    expect(vi.mocked(fromPdfModule.fromPdf)).toHaveBeenCalledWith(simSun, { fileName: "simsun.pdf", ...options });
    expect(result.report.meta.year).toBe(2023);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/encoding")).toEqual([]);
  });

  it("in Node passes no URL unless given, so from-pdf reads the installed pdfjs-dist's folders", async () => {
    const result = await importFile(simSun, { name: "simsun.pdf" });
    expect(vi.mocked(fromPdfModule.fromPdf)).toHaveBeenCalledWith(simSun, { fileName: "simsun.pdf" });
    expect(result.report.meta.year).toBe(2023);
  });

  it("a cMapUrl where the CMaps are not leaves the text unread, never guessed", async () => {
    await expect(importFile(simSun, { name: "simsun.pdf", cMapUrl: "/nonexistent/cmaps/" })).rejects.toThrow(
      NotAReportError,
    );
    expect(vi.mocked(fromPdfModule.fromPdf)).toHaveBeenCalledWith(simSun, {
      fileName: "simsun.pdf",
      cMapUrl: "/nonexistent/cmaps/",
    });
  });
});
