import { escapeXml } from "./text";

/** `YYYY-MM-DDTHH:MM:SSZ`, the W3CDTF form Word writes in docProps/core.xml. */
export function w3cdtf(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * docProps/core.xml with fixed dates: docx stamps `new Date()` into created and modified, which
 * would make every rendering different.
 */
export function corePropertiesXml(options: { title: string; creator: string; date: Date }): string {
  const stamp = w3cdtf(options.date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(options.title)}</dc:title>` +
    (options.creator === "" ? "" : `<dc:creator>${escapeXml(options.creator)}</dc:creator>`) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * Set the MS-DOS modification time of every entry of a zip file, in place, in both its local
 * header and its central directory record. The zip writer stamps the current time there; the
 * timestamps are outside the CRC, so this changes nothing else. Years outside 1980–2107 (the
 * range of the format) are clamped.
 *
 * @throws {Error} when the bytes are not a zip file this function understands (a bug, not bad input).
 */
export function setZipTimestamps(bytes: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error("to-docx: the packed document has no zip end record");
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let index = 0; index < entries; index++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error("to-docx: unexpected zip directory record");
    view.setUint16(offset + 12, dosTime, true);
    view.setUint16(offset + 14, dosDate, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error("to-docx: unexpected zip local header");
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return bytes;
}
