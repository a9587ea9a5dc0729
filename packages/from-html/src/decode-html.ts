import type { Diagnostic } from "@gongkai/core";
import { importDiagnostic, positionAt } from "./diagnostics";

/** How many leading bytes the `<meta charset>` prescan reads (the HTML spec says 1024; CMS heads run longer). */
const prescanLength = 4096;

/** The decoded page, the encoding used, and what went wrong decoding it. */
export interface DecodedHtml {
  readonly text: string;
  readonly encoding: string;
  readonly diagnostics: Diagnostic[];
}

/** The canonical name of an encoding label (WHATWG Encoding), or `undefined` when unknown here. */
export function encodingForLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    if (label.trim().toLowerCase() === "x-user-defined") return "windows-1252";
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

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

function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** One `import/encoding` diagnostic per run of U+FFFD the decoder wrote, the first few located. */
function replacementDiagnostics(text: string, encoding: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const runs = /\uFFFD+/g;
  let count = 0;
  let characters = 0;
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    count += 1;
    characters += match[0].length;
    if (count <= 10) {
      const start = positionAt(text, match.index);
      diagnostics.push(
        importDiagnostic(
          "import/encoding",
          {
            zh: `第 ${start.line} 行第 ${start.column} 列有 ${match[0].length} 处字节无法按 ${encoding} 解码，已替换为 U+FFFD。`,
            en: `${match[0].length} undecodable byte sequence(s) at line ${start.line}, column ${start.column} (${encoding}); replaced with U+FFFD.`,
          },
          { ...start, offset: match.index, endOffset: match.index + match[0].length },
        ),
      );
    }
  }
  if (count > 10) {
    diagnostics.push(
      importDiagnostic("import/encoding", {
        zh: `另有 ${count - 10} 处无法按 ${encoding} 解码的字节（共 ${characters} 个替换字符）。`,
        en: `${count - 10} more undecodable runs in ${encoding} (${characters} replacement characters in all).`,
      }),
    );
  }
  return diagnostics;
}

/**
 * Decode page bytes as a browser would: a BOM wins, then `override`, then the `<meta>` prescan,
 * then UTF-8 (or GB18030 when the bytes are not UTF-8 but are valid GB18030, with an info
 * diagnostic). Undecodable bytes become U+FFFD with an `import/encoding` diagnostic.
 */
export function decodeHtml(bytes: Uint8Array, override?: string): DecodedHtml {
  const diagnostics: Diagnostic[] = [];
  let encoding = bomEncoding(bytes);
  if (encoding === undefined && override !== undefined) {
    encoding = encodingForLabel(override);
    if (encoding === undefined) {
      diagnostics.push(
        importDiagnostic("import/encoding", {
          zh: `不支持指定的编码“${override}”，改按网页声明或 UTF-8 解码。`,
          en: `The encoding "${override}" is not supported; decoding as the page declares, or as UTF-8.`,
        }),
      );
    }
  }
  encoding ??= prescanEncoding(bytes);
  if (encoding === undefined) {
    const utf8 = decodeStrict(bytes, "utf-8");
    if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", diagnostics };
    const gb = decodeStrict(bytes, "gb18030");
    if (gb !== undefined) {
      diagnostics.push(
        importDiagnostic(
          "import/encoding",
          {
            zh: "网页未声明编码且不是有效的 UTF-8，已按 GB18030 解码。",
            en: "The page declares no encoding and is not valid UTF-8; decoded as GB18030.",
          },
          undefined,
          "info",
        ),
      );
      return { text: gb, encoding: "gb18030", diagnostics };
    }
    encoding = "utf-8";
  }
  const strict = decodeStrict(bytes, encoding);
  if (strict !== undefined) return { text: strict, encoding, diagnostics };
  const text = new TextDecoder(encoding).decode(bytes);
  diagnostics.push(...replacementDiagnostics(text, encoding));
  return { text, encoding, diagnostics };
}
