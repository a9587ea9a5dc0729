import { BoundedCache } from "./bounded-cache";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const htmlSpecial = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;
const htmlReplace =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escape a string for HTML text and for a double- or single-quoted attribute value. Control
 * characters the HTML parser would reject and lone surrogates (which cannot be encoded as
 * UTF-8) become U+FFFD; well-formed surrogate pairs are kept.
 */
export function escapeHtml(text: string): string {
  if (!htmlSpecial.test(text)) return text;
  return text.replace(htmlReplace, (match) => {
    if (match.length === 2) return match; // a well-formed surrogate pair
    return entities[match] ?? "\uFFFD";
  });
}

const jsonUnsafe = /[<>&\u2028\u2029]/;

/**
 * JSON text that is safe inside `<script type="application/json">`: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`. These characters only
 * occur inside JSON strings, where the escapes mean the same characters, so `JSON.parse` of the
 * script's text returns the same value.
 */
export function escapeJsonForScript(json: string): string {
  if (!jsonUnsafe.test(json)) return json;
  // One pass a character: a report's JSON has a `>` in every cell's source path, and a replacement
  // string is cheaper than a callback a match.
  return json
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/**
 * The URL to emit as an `href`, or `undefined` when `text` is not an absolute `http:` or `https:`
 * URL. Anything else (`javascript:`, `data:`, relative paths) is shown as text only.
 */
export function safeHttpUrl(text: string): string | undefined {
  // Findings link the same few rule pages again and again: parse each URL once.
  return text.length <= cachedUrlLength ? safeUrls.get(text, () => parseHttpUrl(text)) : parseHttpUrl(text);
}

const safeUrls = new BoundedCache<string | undefined>(256);
const cachedUrlLength = 2048;

function parseHttpUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
