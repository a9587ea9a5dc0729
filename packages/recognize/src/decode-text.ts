import { type Diagnostic, lineColumnAt } from "@gongkai/core";
import { importDiagnostic } from "./diagnostics";

/** Options for {@link decodeText}. */
export interface DecodeTextOptions {
  /**
   * The caller's encoding (a WHATWG label such as `gbk`), used when the bytes have no byte-order
   * mark. An unknown label is ignored with an `import/encoding` warning.
   */
  readonly encoding?: string;
  /**
   * What the document declares about itself (such as HTML's `<meta charset>`), asked when there is
   * no byte-order mark and no `encoding`; a canonical encoding name or `undefined`.
   */
  readonly declared?: (bytes: Uint8Array) => string | undefined;
  /** Keep a byte-order mark as U+FEFF at the start of the text, so offsets on line 1 stay the input's. */
  readonly keepByteOrderMark?: boolean;
  /**
   * Also give the text in pieces, each decoded from at most this many bytes
   * ({@link DecodedText.pieces}), for a caller that reads it piece by piece (an HTML parser fed in
   * chunks). One string of more than 64K UTF-16 units (a page of Chinese text past about 96 KB
   * of UTF-8) is an allocation of its own in V8's large-object space; pieces stay below it.
   *
   * @throws {RangeError} when not a positive integer.
   */
  readonly pieceLength?: number;
}

/** Decoded text, the encoding used, and what went wrong decoding it. */
export interface DecodedText {
  /** The text. */
  readonly text: string;
  /** The canonical (WHATWG) name of the encoding used, such as `utf-8` or `gb18030`. */
  readonly encoding: string;
  /** `import/encoding` findings: a guessed encoding (info), undecodable bytes (warning). */
  readonly diagnostics: Diagnostic[];
  /**
   * With {@link DecodeTextOptions.pieceLength}, when the bytes decoded without error: the text in
   * pieces, in order. `text` is then their join, made when first read.
   */
  readonly pieces?: readonly string[];
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

/** How many leading bytes the UTF-16 sniff looks at. */
const sniffLength = 4096;

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: markup, digits, spaces and line breaks
 * are ASCII, whose UTF-16 code units have a zero high byte, always on the same side of each pair.
 * UTF-8 and GB18030 text has no zero bytes at all. Requires one zero in 32 pairs on one side and
 * at most one in eight of those on the other.
 */
function utf16Encoding(bytes: Uint8Array): string | undefined {
  const pairs = Math.floor(Math.min(bytes.length, sniffLength) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < pairs; index += 1) {
    if (bytes[2 * index] === 0) evenZeros += 1;
    if (bytes[2 * index + 1] === 0) oddZeros += 1;
  }
  const threshold = Math.max(2, pairs / 32);
  if (oddZeros >= threshold && evenZeros * 8 <= oddZeros) return "utf-16le";
  if (evenZeros >= threshold && oddZeros * 8 <= evenZeros) return "utf-16be";
  return undefined;
}

/** The bytes decoded without error, in pieces of at most `pieceLength` bytes (one piece without it); else `undefined`. */
function decodeStrict(
  bytes: Uint8Array,
  encoding: string,
  keepByteOrderMark: boolean,
  pieceLength: number | undefined,
): string[] | undefined {
  try {
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: keepByteOrderMark });
    if (pieceLength === undefined || bytes.length <= pieceLength) return [decoder.decode(bytes)];
    const pieces: string[] = [];
    for (let start = 0; start < bytes.length; start += pieceLength) {
      const end = start + pieceLength;
      pieces.push(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length }));
    }
    return pieces;
  } catch {
    return undefined;
  }
}

/** A {@link DecodedText} of strictly decoded pieces: with `pieceLength`, the pieces and a `text` joined when read. */
function decodedText(
  pieces: string[],
  encoding: string,
  diagnostics: Diagnostic[],
  pieceLength: number | undefined,
): DecodedText {
  if (pieceLength === undefined) return { text: pieces[0] as string, encoding, diagnostics };
  if (pieces.length === 1) return { text: pieces[0] as string, encoding, diagnostics, pieces };
  let text: string | undefined;
  return {
    get text() {
      text ??= pieces.join("");
      return text;
    },
    encoding,
    diagnostics,
    pieces,
  };
}

/** One `import/encoding` finding per run of U+FFFD the decoder wrote, the first ten located. */
function replacementDiagnostics(text: string, encoding: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const runs = /\uFFFD+/g;
  let count = 0;
  let characters = 0;
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    count += 1;
    characters += match[0].length;
    if (count > 10) continue;
    const start = lineColumnAt(text, match.index);
    diagnostics.push(
      importDiagnostic(
        "import/encoding",
        { kind: "undecodable", encoding, line: start.line, column: start.column, sequences: match[0].length },
        { ...start, offset: match.index, endOffset: match.index + match[0].length },
      ),
    );
  }
  if (count > 10) {
    diagnostics.push(
      importDiagnostic("import/encoding", { kind: "moreUndecodable", encoding, more: count - 10, characters }),
    );
  }
  return diagnostics;
}

/**
 * Decode an imported file's bytes, the one way every text importer does it: a byte-order mark
 * wins; then `options.encoding`; then what the document declares (`options.declared`); then
 * UTF-16 told by its zero bytes, UTF-8, or GB18030 when the bytes are not UTF-8 but are valid
 * GB18030 (each guess with an info finding). Undecodable bytes become U+FFFD with an
 * `import/encoding` warning located at them.
 *
 * @example
 * const { text, encoding, diagnostics } = decodeText(bytes);
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const keep = options.keepByteOrderMark === true;
  const { pieceLength } = options;
  if (pieceLength !== undefined && !(Number.isSafeInteger(pieceLength) && pieceLength > 0)) {
    throw new RangeError(`pieceLength must be a positive integer, not ${pieceLength}`);
  }
  const diagnostics: Diagnostic[] = [];
  let encoding = bomEncoding(bytes);
  if (encoding === undefined && options.encoding !== undefined) {
    encoding = encodingForLabel(options.encoding);
    if (encoding === undefined) {
      diagnostics.push(importDiagnostic("import/encoding", { kind: "unsupportedLabel", label: options.encoding }));
    }
  }
  encoding ??= options.declared?.(bytes);
  if (encoding === undefined) {
    const utf16 = utf16Encoding(bytes);
    const guesses = utf16 === undefined ? ["utf-8", "gb18030"] : [utf16];
    for (const guess of guesses) {
      const pieces = decodeStrict(bytes, guess, keep, pieceLength);
      if (pieces === undefined) continue;
      if (guess !== "utf-8") {
        diagnostics.push(importDiagnostic("import/encoding", { kind: "guessed", encoding: guess }, undefined, "info"));
      }
      return decodedText(pieces, guess, diagnostics, pieceLength);
    }
    encoding = utf16 ?? "utf-8";
  }
  const strict = decodeStrict(bytes, encoding, keep, pieceLength);
  if (strict !== undefined) return decodedText(strict, encoding, diagnostics, pieceLength);
  const text = new TextDecoder(encoding, { ignoreBOM: keep }).decode(bytes);
  diagnostics.push(...replacementDiagnostics(text, encoding));
  return { text, encoding, diagnostics };
}
