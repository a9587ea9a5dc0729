// The DOCX → LibreOffice PDF → from-pdf pair: to-docx's documents printed to PDF by LibreOffice
// (headless, the hermetic Noto CJK SC face set of to-docx's layout test) read back by from-pdf.
// Needs `soffice` and `pdfinfo` (apt: libreoffice-writer-nogui poppler-utils fonts-noto-cjk); skipped
// without them. Run with `npm run test:office`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromPdf } from "@gongkai/from-pdf";
import { haveOffice, officeToPdf } from "@gongkai/test-reports/office";
import { gbt9704Preset, toDocx } from "@gongkai/to-docx";
import { afterAll, describe } from "vitest";
import { describeRoundTrip } from "../src/round-trip";

if (!haveOffice) {
  console.warn(
    "test:office skipped: soffice or pdfinfo not found (apt-get install libreoffice-writer-nogui poppler-utils)",
  );
}

describe.skipIf(!haveOffice)("LibreOffice", () => {
  const directory = mkdtempSync(join(tmpdir(), "gongkai-conformance-office-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  describeRoundTrip("to-docx → LibreOffice PDF → from-pdf", {
    render: (report) => toDocx(report),
    convertAll: async (documents) => {
      const files = documents.map((bytes, index) => {
        const file = join(directory, `case-${index}.docx`);
        writeFileSync(file, bytes);
        return file;
      });
      return officeToPdf(files, directory, gbt9704Preset.fonts).map((pdf) => new Uint8Array(readFileSync(pdf)));
    },
    read: async (pdf) => (await fromPdf(typeof pdf === "string" ? new TextEncoder().encode(pdf) : pdf)).report,
    compare: "cells",
  });
});
