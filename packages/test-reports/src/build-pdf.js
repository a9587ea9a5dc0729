// Plain JavaScript (with build-pdf.d.ts beside it), so that the fuzzer and the benches, which run
// under node without TypeScript, share this writer with the TypeScript tests.

import { concatBytes } from "./bytes.js";

const encoder = new TextEncoder();

/**
 * A PDF file with these objects (numbered from 1, object 1 the catalog), a correct
 * cross-reference table and a trailer pointing at object 1. A stream object gets its `/Length`.
 *
 * @param {readonly { body: string; stream?: Uint8Array }[]} objects
 * @param {string} [trailerExtra] more trailer entries (`/Encrypt 9 0 R`)
 * @returns {Uint8Array}
 */
export function buildPdf(objects, trailerExtra = "") {
  const parts = [encoder.encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const head =
      object.stream === undefined
        ? `${index + 1} 0 obj\n${object.body}\nendobj\n`
        : `${index + 1} 0 obj\n${object.body.replace(/>>\s*$/u, ` /Length ${object.stream.length} >>`)}\nstream\n`;
    const pieces = [encoder.encode(head)];
    if (object.stream !== undefined) pieces.push(object.stream, encoder.encode("\nendstream\nendobj\n"));
    for (const piece of pieces) {
      parts.push(piece);
      length += piece.length;
    }
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(encoder.encode(xref));
  return concatBytes(...parts);
}
