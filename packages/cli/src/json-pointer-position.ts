import { escapePointerSegment } from "@gongkai/core";
/** A position in a text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Where a JSON pointer leads in a JSON text. */
export interface PointerPosition extends TextPosition {
  /** The part of the pointer that exists in the text: the whole pointer when it was found. */
  readonly found: string;
}

/** 1-based line and column of `offset`; `\r\n`, `\n` and `\r` end lines. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    const character = text[index];
    if (character === "\n" || (character === "\r" && text[index + 1] !== "\n")) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

function skipWhitespace(text: string, index: number): number {
  let position = index;
  while (position < text.length && " \t\r\n".includes(text[position] as string)) position += 1;
  return position;
}

/** The offset after the string token starting at `index` (a `"`). */
function skipString(text: string, index: number): number {
  let position = index + 1;
  while (position < text.length) {
    const character = text[position];
    if (character === "\\") position += 2;
    else if (character === '"') return position + 1;
    else position += 1;
  }
  return position;
}

/** The offset after the value starting at `index`. Iterative: nesting depth does not matter. */
function skipValue(text: string, index: number): number {
  const first = text[index];
  if (first === '"') return skipString(text, index);
  if (first !== "{" && first !== "[") {
    let position = index;
    while (position < text.length && !",}] \t\r\n".includes(text[position] as string)) position += 1;
    return position;
  }
  let depth = 0;
  let position = index;
  while (position < text.length) {
    const character = text[position];
    if (character === '"') {
      position = skipString(text, position);
      continue;
    }
    if (character === "{" || character === "[") depth += 1;
    else if (character === "}" || character === "]") {
      depth -= 1;
      if (depth === 0) return position + 1;
    }
    position += 1;
  }
  return position;
}

/** The segments of a JSON pointer (RFC 6901), unescaped: `/rows/a~1b` → `["rows", "a/b"]`. */
export function pointerSegments(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * Find where a JSON pointer (RFC 6901) leads in a JSON text, without building the value: the
 * member's key for an object member, the value for an array element or the root. When the
 * pointer goes further than the text (a missing key), the position is that of the deepest part
 * that exists, and `found` says how far it got. Duplicate keys resolve to the last one, as
 * `JSON.parse` does. The text must be valid JSON (it has been parsed already).
 *
 * @example
 * locateJsonPointer(text, "/tables/table3/rows/newReceived/total") // { line: 412, column: 11, … }
 */
export function locateJsonPointer(text: string, pointer: string): PointerPosition {
  const segments = pointerSegments(pointer);
  let valueStart = skipWhitespace(text, 0);
  let reported = valueStart;
  let found = "";
  for (const segment of segments) {
    const open = text[valueStart];
    let match: { key: number; value: number } | undefined;
    if (open === "{") {
      let position = skipWhitespace(text, valueStart + 1);
      while (text[position] === '"') {
        const keyEnd = skipString(text, position);
        const key = JSON.parse(text.slice(position, keyEnd)) as string;
        const memberValue = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
        if (key === segment) match = { key: position, value: memberValue };
        position = skipWhitespace(text, skipValue(text, memberValue));
        if (text[position] !== ",") break;
        position = skipWhitespace(text, position + 1);
      }
    } else if (open === "[" && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const wanted = Number(segment);
      let position = skipWhitespace(text, valueStart + 1);
      for (let index = 0; text[position] !== "]" && position < text.length; index += 1) {
        if (index === wanted) {
          match = { key: position, value: position };
          break;
        }
        position = skipWhitespace(text, skipValue(text, position));
        if (text[position] !== ",") break;
        position = skipWhitespace(text, position + 1);
      }
    }
    if (!match) break;
    found += `/${escapePointerSegment(segment)}`;
    reported = match.key;
    valueStart = match.value;
  }
  return { ...positionAt(text, reported), found };
}
