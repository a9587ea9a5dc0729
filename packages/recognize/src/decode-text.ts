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
}

/** Decoded text, the encoding used, and what went wrong decoding it. */
export interface DecodedText {
  /** The text. */
  readonly text: string;
  /** The canonical (WHATWG) name of the encoding used, such as `utf-8` or `gb18030`. */
  readonly encoding: string;
  /** `import/encoding` findings: a guessed encoding (info), undecodable bytes (warning). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Decoded text in pieces (see {@link decodeTextPieces}), the encoding used, and what went wrong
 * decoding it.
 */
export interface DecodedPieces {
  /**
   * The text in order, in pieces of at most {@link textPieceLength} UTF-16 units, none ending
   * inside a surrogate pair; joined, they are {@link decodeText}'s `text`.
   */
  readonly pieces: readonly string[];
  /** The text's length in UTF-16 units (the pieces' together). */
  readonly length: number;
  /** The canonical (WHATWG) name of the encoding used, such as `utf-8` or `gb18030`. */
  readonly encoding: string;
  /** `import/encoding` findings, as {@link decodeText} gives them. */
  readonly diagnostics: Diagnostic[];
}

/**
 * The most UTF-16 units in a piece of {@link decodeTextPieces}: 16 Ki, so that no piece is a
 * large object (a two-byte string over 64 Ki units gets memory pages of its own, which costs more
 * than decoding it and slows threads that do so at once).
 */
export const textPieceLength = 16 * 1024;

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

/** How one way of decoding gives its text: whole, or in pieces. */
interface Decoding<T> {
  /** The text, or `undefined` when the bytes are not valid in `encoding`. */
  strict(bytes: Uint8Array, encoding: string, keepByteOrderMark: boolean): T | undefined;
  /** The text with U+FFFD for what cannot be decoded, and a finding per run of them. */
  lenient(bytes: Uint8Array, encoding: string, keepByteOrderMark: boolean): { value: T; diagnostics: Diagnostic[] };
}

const wholeText: Decoding<string> = {
  strict(bytes, encoding, keepByteOrderMark) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: keepByteOrderMark }).decode(bytes);
    } catch {
      return undefined;
    }
  },
  lenient(bytes, encoding, keepByteOrderMark) {
    const text = new TextDecoder(encoding, { ignoreBOM: keepByteOrderMark }).decode(bytes);
    return { value: text, diagnostics: replacementDiagnostics(text, encoding) };
  },
};

/**
 * Bytes decoded per piece: three fewer than {@link textPieceLength}, because a decoder holds back
 * at most three bytes of a character cut at a piece's end and gives them with the next piece, and
 * no byte decodes to more than one UTF-16 unit (four UTF-8 bytes make a surrogate pair).
 */
const pieceBytes = textPieceLength - 3;

/** `bytes` decoded a piece at a time by one streaming decoder (`fatal`: throws at the first undecodable byte). */
function decodePieces(bytes: Uint8Array, encoding: string, keepByteOrderMark: boolean, fatal: boolean): string[] {
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: keepByteOrderMark });
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += pieceBytes) {
    const end = Math.min(start + pieceBytes, bytes.length);
    const piece = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    if (piece !== "") pieces.push(piece);
  }
  return pieces;
}

/**
 * Bytes decoded a piece at a time, so that the whole text is never one string. A decoder never
 * splits a character, so no piece ends inside a surrogate pair. Only a text with undecodable bytes
 * (rare) is joined once, to locate them.
 */
const textPieces: Decoding<string[]> = {
  strict(bytes, encoding, keepByteOrderMark) {
    try {
      return decodePieces(bytes, encoding, keepByteOrderMark, true);
    } catch {
      return undefined;
    }
  },
  lenient(bytes, encoding, keepByteOrderMark) {
    const pieces = decodePieces(bytes, encoding, keepByteOrderMark, false);
    return { value: pieces, diagnostics: replacementDiagnostics(pieces.join(""), encoding) };
  },
};

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
  const { value, encoding, diagnostics } = decodeBy(bytes, options, wholeText);
  return { text: value, encoding, diagnostics };
}

/**
 * {@link decodeText}, with the text in pieces of at most {@link textPieceLength} UTF-16 units
 * (the same encoding and findings; the pieces joined are its text), for a reader that takes text
 * a piece at a time: a large page is then never one large string.
 *
 * @example
 * const { pieces, encoding } = decodeTextPieces(bytes);
 */
export function decodeTextPieces(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedPieces {
  const { value, encoding, diagnostics } = decodeBy(bytes, options, textPieces);
  let length = 0;
  for (const piece of value) length += piece.length;
  return { pieces: value, length, encoding, diagnostics };
}

/** The steps {@link decodeText} describes, with the text made by `decoding`. */
function decodeBy<T>(
  bytes: Uint8Array,
  options: DecodeTextOptions,
  decoding: Decoding<T>,
): { value: T; encoding: string; diagnostics: Diagnostic[] } {
  const keep = options.keepByteOrderMark === true;
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
      const value = decoding.strict(bytes, guess, keep);
      if (value === undefined) continue;
      if (guess !== "utf-8") {
        diagnostics.push(importDiagnostic("import/encoding", { kind: "guessed", encoding: guess }, undefined, "info"));
      }
      return { value, encoding: guess, diagnostics };
    }
    encoding = utf16 ?? "utf-8";
  }
  const strict = decoding.strict(bytes, encoding, keep);
  if (strict !== undefined) return { value: strict, encoding, diagnostics };
  const lenient = decoding.lenient(bytes, encoding, keep);
  diagnostics.push(...lenient.diagnostics);
  return { value: lenient.value, encoding, diagnostics };
}
