// Small PDFs for from-pdf's fuzz seeds, written by hand: the seed report's text laid out as
// paragraphs and ruled table rows in a Type0 font with a ToUnicode map (how Chinese PDFs carry their
// text), and a one-line Helvetica page. A mutated multi-page real PDF costs pdf.js about a second;
// these cost milliseconds, so most from-pdf cases start from them and the real PDFs stay at a low
// weight. The writer is test-reports' plain-JavaScript `buildPdf`, which from-pdf's tests use too.

import { buildPdf } from "@gongkai/test-reports/build-pdf";

const encoder = new TextEncoder();
const hex4 = (number) => number.toString(16).toUpperCase().padStart(4, "0");

/**
 * The flattened text of a report (from-text's format: a line `|` starts a table row, `cell |`
 * lines are its cells) as an A4 PDF: paragraphs wrapped at the margin, each table row one line of
 * ruled cells, `linesPerPage` lines a page. Each character is one glyph of a Type0 font
 * (Identity-H, not embedded) whose ToUnicode map gives its text, as in the PDFs Word writes.
 */
export function reportPdf(text, { linesPerPage = 48 } = {}) {
  const size = 9;
  const left = 50;
  const width = 495;
  const lines = [];
  let row;
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === "|") {
      row = [];
      lines.push({ cells: row });
    } else if (line.includes("|")) {
      const cells = line.split("|").map((cell) => cell.trim());
      cells.pop();
      if (row) row.push(...cells);
      else lines.push({ cells });
    } else {
      row = undefined;
      const perLine = Math.floor(width / size);
      for (let at = 0; at < Math.max(1, line.length); at += perLine) lines.push({ text: line.slice(at, at + perLine) });
    }
  }
  const codes = new Map();
  const show = (string) => {
    let out = "";
    for (const character of string) {
      if (!codes.has(character)) codes.set(character, codes.size + 1);
      out += hex4(codes.get(character));
    }
    return `<${out}> Tj`;
  };
  const pages = [];
  for (let start = 0; start < lines.length; start += linesPerPage) {
    const ops = [];
    lines.slice(start, start + linesPerPage).forEach((line, index) => {
      const top = 792 - index * 15;
      const baseline = top - 11;
      if (line.text !== undefined) {
        if (line.text) ops.push(`BT /F1 ${size} Tf ${left} ${baseline} Td ${show(line.text)} ET`);
        return;
      }
      const cells = line.cells.length > 0 ? line.cells : [""];
      const cellWidth = width / cells.length;
      cells.forEach((cell, column) => {
        const x = left + column * cellWidth;
        ops.push(`${x.toFixed(2)} ${top - 15} ${cellWidth.toFixed(2)} 15 re S`);
        // A long label is set smaller to fit its cell, as Word shrinks text to fit.
        const fit = Math.min(size, (cellWidth - 4) / Math.max(1, cell.length));
        if (cell) ops.push(`BT /F1 ${fit.toFixed(2)} Tf ${(x + 2).toFixed(2)} ${baseline} Td ${show(cell)} ET`);
      });
    });
    pages.push(`0.5 w\n${ops.join("\n")}`);
  }
  const entries = [...codes].map(([character, code]) => {
    const unit = [...character]
      .map((c) => c.codePointAt(0))
      .map((point) =>
        point > 0xffff
          ? hex4(0xd800 + ((point - 0x10000) >> 10)) + hex4(0xdc00 + ((point - 0x10000) & 0x3ff))
          : hex4(point),
      );
    return `<${hex4(code)}> <${unit.join("")}>`;
  });
  const blocks = [];
  for (let at = 0; at < entries.length; at += 100)
    blocks.push(
      `${Math.min(100, entries.length - at)} beginbfchar\n${entries.slice(at, at + 100).join("\n")}\nendbfchar`,
    );
  const toUnicode = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...blocks,
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  // Objects: 1 catalog, 2 pages, 3 Type0 font, 4 CID font, 5 descriptor, 6 ToUnicode, then a page and its content per page.
  const kids = pages.map((_, index) => `${7 + 2 * index} 0 R`).join(" ");
  return buildPdf([
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>` },
    {
      body: "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>",
    },
    {
      body: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>",
    },
    {
      body: "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    },
    { body: "<< >>", stream: encoder.encode(toUnicode) },
    ...pages.flatMap((content, index) => [
      {
        body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${8 + 2 * index} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      },
      { body: "<< >>", stream: encoder.encode(content) },
    ]),
  ]);
}

/** The smallest PDF worth reading: one A4 page with one line of Helvetica. */
export const minimalPdf = () =>
  buildPdf([
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
    {
      body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    },
    { body: "<< >>", stream: encoder.encode("BT /F1 12 Tf 72 720 Td (2020 | 12 | 0 | /) Tj ET") },
    { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" },
  ]);
