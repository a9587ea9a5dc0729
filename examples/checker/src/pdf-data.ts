import { gbCMaps } from "virtual:gongkai-gb-cmaps";
import type { ImportReportOptions } from "@gongkai/elements";

type PdfDataReader = NonNullable<ImportReportOptions["readPdfData"]>;

const decoded = new Map<string, Uint8Array>();

/**
 * pdf.js's CMaps for Chinese fonts that are not embedded (`UniGB-UCS2-H`, `GBK-EUC-H`,
 * `Adobe-GB1-UCS2`…), from the bytes the build put into the page: a page opened from disk, under
 * `connect-src 'none'`, cannot fetch them. Each is decoded on first use.
 */
export const readPdfData: PdfDataReader = (file) => {
  if (file.kind !== "cmap") return undefined;
  const cached = decoded.get(file.name);
  if (cached !== undefined) return cached;
  const packed = gbCMaps[file.name];
  if (packed === undefined) return undefined;
  const bytes = Uint8Array.from(atob(packed), (character) => character.charCodeAt(0));
  decoded.set(file.name, bytes);
  return bytes;
};
