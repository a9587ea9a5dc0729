/** Where and why a text breaks the JSON grammar (RFC 8259). */
export interface JsonSyntaxProblem {
  /** 0-based offset of the first offending character (the text's length when it ends too early). */
  readonly offset: number;
  /** What is wrong, in English. */
  readonly message: string;
}

type Expect =
  | "value" // a value
  | "valueOrClose" // just after `[`
  | "keyOrClose" // just after `{`
  | "key" // after `,` in an object
  | "colon" // after a key
  | "commaOrClose" // after a value inside a container
  | "end"; // after the top-level value

const whitespace = new Set([" ", "\t", "\n", "\r"]);

function describe(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${character}'`;
}

/** Scan a JSON string starting at the `"` at `start`; return the offset after it or a problem. */
function scanString(text: string, start: number): number | JsonSyntaxProblem {
  let index = start + 1;
  while (index < text.length) {
    const character = text[index] as string;
    if (character === '"') return index + 1;
    if (character === "\\") {
      const escaped = text[index + 1];
      if (escaped === undefined) break;
      if (escaped === "u") {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          return { offset: index, message: "Invalid \\u escape in string (four hex digits expected)" };
        }
        index += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escaped)) {
        return { offset: index, message: `Invalid escape '\\${escaped}' in string` };
      }
      index += 2;
      continue;
    }
    if (character.charCodeAt(0) < 0x20) {
      return { offset: index, message: `Unescaped ${describe(character)} in string` };
    }
    index += 1;
  }
  return { offset: text.length, message: "Unterminated string" };
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Scan a JSON number at `start`; return the offset after it or a problem. */
function scanNumber(text: string, start: number): number | JsonSyntaxProblem {
  numberPattern.lastIndex = start;
  const match = numberPattern.exec(text);
  if (!match || match[0] === "-") return { offset: start + (match?.[0].length ?? 0), message: "Invalid number" };
  const end = start + match[0].length;
  const next = text[end];
  if (next !== undefined && /[0-9.eE+-]/.test(next)) return { offset: end, message: "Invalid number" };
  return end;
}

/**
 * Find the first place where `text` breaks the JSON grammar. Iterative, so deeply nested input
 * cannot overflow the stack; engines' own `JSON.parse` messages differ, this gives one position
 * everywhere.
 *
 * @returns the problem, or `undefined` when `text` is valid JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const stack: Array<"{" | "["> = [];
  let expect: Expect = "value";
  let index = 0;
  while (true) {
    while (index < text.length && whitespace.has(text[index] as string)) index += 1;
    if (index >= text.length) {
      if (expect === "end") return undefined;
      return { offset: text.length, message: "Unexpected end of JSON text" };
    }
    const character = text[index] as string;
    const container = stack[stack.length - 1];
    switch (expect) {
      case "end":
        return { offset: index, message: `Unexpected ${describe(character)} after the JSON value` };
      case "colon":
        if (character !== ":")
          return { offset: index, message: `Expected ':' after property name, found ${describe(character)}` };
        index += 1;
        expect = "value";
        continue;
      case "commaOrClose":
        if (character === ",") {
          index += 1;
          expect = container === "{" ? "key" : "value";
          continue;
        }
        if ((character === "}" && container === "{") || (character === "]" && container === "[")) {
          stack.pop();
          index += 1;
          expect = stack.length === 0 ? "end" : "commaOrClose";
          continue;
        }
        return {
          offset: index,
          message: `Expected ',' or '${container === "{" ? "}" : "]"}', found ${describe(character)}`,
        };
      case "keyOrClose":
      case "key": {
        if (character === "}" && expect === "keyOrClose") {
          stack.pop();
          index += 1;
          expect = stack.length === 0 ? "end" : "commaOrClose";
          continue;
        }
        if (character !== '"') {
          return {
            offset: index,
            message: `Expected a property name in double quotes${expect === "keyOrClose" ? " or '}'" : ""}, found ${describe(character)}`,
          };
        }
        const end = scanString(text, index);
        if (typeof end !== "number") return end;
        index = end;
        expect = "colon";
        continue;
      }
      case "valueOrClose":
      case "value": {
        if (character === "]" && expect === "valueOrClose") {
          stack.pop();
          index += 1;
          expect = stack.length === 0 ? "end" : "commaOrClose";
          continue;
        }
        if (character === "{" || character === "[") {
          stack.push(character);
          index += 1;
          expect = character === "{" ? "keyOrClose" : "valueOrClose";
          continue;
        }
        let end: number | JsonSyntaxProblem;
        if (character === '"') end = scanString(text, index);
        else if (character === "-" || (character >= "0" && character <= "9")) end = scanNumber(text, index);
        else {
          const literal = ["true", "false", "null"].find((word) => text.startsWith(word, index));
          end = literal
            ? index + literal.length
            : { offset: index, message: `Unexpected ${describe(character)} where a value was expected` };
        }
        if (typeof end !== "number") return end;
        index = end;
        expect = stack.length === 0 ? "end" : "commaOrClose";
        continue;
      }
    }
  }
}
