import { type DecodedPieces, decodeTextPieces, encodingForLabel } from "@gongkai/recognize";

/** How many leading bytes the `<meta charset>` prescan reads (the HTML spec says 1024; CMS heads run longer). */
const prescanLength = 4096;

const isSpace = (byte: number | undefined) =>
  byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
const isLetter = (byte: number | undefined) =>
  byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
const lower = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);

/** ASCII-lowercase string of a byte range (only used on short attribute names and values). */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let index = start; index < end; index += 1) text += String.fromCharCode(lower(bytes[index] as number));
  return text;
}

function startsWithAscii(bytes: Uint8Array, position: number, text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const byte = bytes[position + index];
    if (byte === undefined || lower(byte) !== text.charCodeAt(index)) return false;
  }
  return true;
}

/** The HTML spec's "get an attribute" over a byte stream. */
function getAttribute(
  bytes: Uint8Array,
  start: number,
  end: number,
): { name: string; value: string; next: number } | undefined {
  let position = start;
  while (position < end && (isSpace(bytes[position]) || bytes[position] === 0x2f)) position += 1;
  if (position >= end || bytes[position] === 0x3e) return undefined;
  const nameStart = position;
  let nameEnd = position;
  let sawEquals = false;
  while (position < end) {
    const byte = bytes[position] as number;
    if (byte === 0x3d && position > nameStart) {
      nameEnd = position;
      sawEquals = true;
      position += 1;
      break;
    }
    if (isSpace(byte)) {
      nameEnd = position;
      while (position < end && isSpace(bytes[position])) position += 1;
      if (bytes[position] !== 0x3d) return { name: asciiText(bytes, nameStart, nameEnd), value: "", next: position };
      sawEquals = true;
      position += 1;
      break;
    }
    if (byte === 0x2f || byte === 0x3e) {
      return { name: asciiText(bytes, nameStart, position), value: "", next: position };
    }
    position += 1;
    nameEnd = position;
  }
  const name = asciiText(bytes, nameStart, nameEnd);
  if (!sawEquals) return { name, value: "", next: position };
  while (position < end && isSpace(bytes[position])) position += 1;
  const quote = bytes[position];
  if (quote === 0x22 || quote === 0x27) {
    const valueStart = position + 1;
    let valueEnd = valueStart;
    while (valueEnd < end && bytes[valueEnd] !== quote) valueEnd += 1;
    return { name, value: asciiText(bytes, valueStart, valueEnd), next: valueEnd + 1 };
  }
  if (quote === 0x3e) return { name, value: "", next: position };
  const valueStart = position;
  while (position < end && !isSpace(bytes[position]) && bytes[position] !== 0x3e) position += 1;
  return { name, value: asciiText(bytes, valueStart, position), next: position };
}

/** The HTML spec's "extracting a character encoding from a meta element" (on a lowercased `content`). */
export function charsetFromContent(content: string): string | undefined {
  let position = 0;
  for (;;) {
    const found = content.indexOf("charset", position);
    if (found < 0) return undefined;
    position = found + 7;
    while (/[\t\n\f\r ]/.test(content[position] ?? "")) position += 1;
    if (content[position] !== "=") continue;
    position += 1;
    while (/[\t\n\f\r ]/.test(content[position] ?? "")) position += 1;
    const quote = content[position];
    if (quote === '"' || quote === "'") {
      const close = content.indexOf(quote, position + 1);
      return close < 0 ? undefined : content.slice(position + 1, close);
    }
    const rest = content.slice(position).match(/^[^\t\n\f\r ;]+/);
    return rest ? rest[0] : undefined;
  }
}

/** Read a `<meta>` tag's attributes; the encoding it declares, if any. */
function metaEncoding(bytes: Uint8Array, start: number, end: number): { encoding?: string; next: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | undefined;
  let charset: string | undefined;
  let position = start;
  for (;;) {
    const attribute = getAttribute(bytes, position, end);
    if (!attribute) break;
    position = Math.max(attribute.next, position + 1);
    if (seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    if (attribute.name === "http-equiv" && attribute.value === "content-type") gotPragma = true;
    else if (attribute.name === "content" && charset === undefined) {
      const declared = charsetFromContent(attribute.value);
      if (declared !== undefined) {
        charset = encodingForLabel(declared) ?? "";
        needPragma = true;
      }
    } else if (attribute.name === "charset") {
      charset = encodingForLabel(attribute.value) ?? "";
      needPragma = false;
    }
  }
  const next = position;
  if (needPragma === undefined || (needPragma && !gotPragma) || !charset) return { next };
  if (charset === "utf-16le" || charset === "utf-16be") return { encoding: "utf-8", next };
  return { encoding: charset, next };
}

/**
 * The HTML spec's "prescan a byte stream to determine its encoding": the first `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…charset=…">` in the first bytes, skipping comments
 * and other tags.
 */
export function prescanEncoding(bytes: Uint8Array): string | undefined {
  const end = Math.min(bytes.length, prescanLength);
  let position = 0;
  while (position < end) {
    if (bytes[position] !== 0x3c) {
      position += 1;
      continue;
    }
    if (startsWithAscii(bytes, position, "<!--")) {
      let close = position + 4;
      while (close < end && !(bytes[close] === 0x2d && bytes[close + 1] === 0x2d && bytes[close + 2] === 0x3e)) {
        close += 1;
      }
      position = close + 3;
    } else if (
      startsWithAscii(bytes, position, "<meta") &&
      (isSpace(bytes[position + 5]) || bytes[position + 5] === 0x2f)
    ) {
      const meta = metaEncoding(bytes, position + 5, end);
      if (meta.encoding !== undefined) return meta.encoding;
      position = meta.next + 1;
    } else if (isLetter(bytes[position + 1]) || (bytes[position + 1] === 0x2f && isLetter(bytes[position + 2]))) {
      position += 2;
      while (position < end && !isSpace(bytes[position]) && bytes[position] !== 0x3e) position += 1;
      for (;;) {
        const attribute = getAttribute(bytes, position, end);
        if (!attribute) break;
        position = Math.max(attribute.next, position + 1);
      }
      position += 1;
    } else if (bytes[position + 1] === 0x21 || bytes[position + 1] === 0x2f || bytes[position + 1] === 0x3f) {
      while (position < end && bytes[position] !== 0x3e) position += 1;
      position += 1;
    } else {
      position += 1;
    }
  }
  return undefined;
}

/**
 * Decode page bytes as a browser would: a BOM wins, then `override`, then the `<meta>` prescan,
 * then sniffing (UTF-16 by its zero bytes, UTF-8, else GB18030, with an info diagnostic); this is
 * `@gongkai/recognize`'s {@link decodeTextPieces} with the prescan as what the page declares, so
 * the text comes in pieces. Undecodable bytes become U+FFFD with an `import/encoding` diagnostic.
 */
export function decodeHtmlPieces(bytes: Uint8Array, override?: string): DecodedPieces {
  return decodeTextPieces(bytes, {
    ...(override === undefined ? {} : { encoding: override }),
    declared: prescanEncoding,
  });
}
