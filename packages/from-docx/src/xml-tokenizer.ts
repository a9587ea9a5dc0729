import { DocxReadError } from "./docx-read-error";

/** Receives the parts of an XML document in order. Names are namespace-canonical (see {@link parseXml}). */
export interface XmlHandler {
  /** A start tag (`selfClosing` for `<a/>`, followed by no `end` call) at character `offset`. */
  start(name: string, attributes: ReadonlyMap<string, string>, offset: number, selfClosing: boolean): void;
  /** An end tag; `endOffset` is the offset after its `>` (after `/>` for a self-closing tag). */
  end(name: string, endOffset: number): void;
  /** Character data (entities decoded; CDATA sections passed as is). */
  text(text: string): void;
}

/** Namespace URIs read by this package, and the prefix their names are reported with. */
const canonicalPrefixes = new Map<string, string>([
  ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"],
  ["http://purl.oclc.org/ooxml/wordprocessingml/main", "w"],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"],
  ["http://schemas.openxmlformats.org/package/2006/relationships", "rel"],
  ["http://purl.org/dc/elements/1.1/", "dc"],
  ["http://www.w3.org/XML/1998/namespace", "xml"],
]);

interface Scope {
  readonly parent: Scope | undefined;
  readonly bindings: ReadonlyMap<string, string>;
}

const rootScope: Scope = {
  parent: undefined,
  bindings: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]),
};

function lookup(scope: Scope | undefined, prefix: string): string | undefined {
  for (let current = scope; current; current = current.parent) {
    const uri = current.bindings.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

const noAttributes: ReadonlyMap<string, string> = new Map();

const predefinedEntities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Parse an XML document in one forward pass (no recursion, linear time), calling `handler` for
 * each tag and text run. Element and attribute names are reported as `prefix:local`, where the
 * prefix is the canonical one for a known namespace (`w`, `mc`, `rel`, `dc`, `xml`), whatever
 * prefix the document used; names in other namespaces are reported as `{uri}local`, names in no
 * namespace as `local`, and names with an undeclared prefix as written.
 *
 * There is no DTD support by design: a DOCTYPE or ENTITY declaration is refused, and only the five
 * predefined entities and numeric character references are decoded.
 *
 * @param part - the zip entry the text came from, for error messages.
 * @throws {DocxReadError} `dtd-forbidden`, `malformed-xml` or `too-complex`.
 */
export function parseXml(source: string, part: string, handler: XmlHandler, maxDepth: number): void {
  const length = source.length;
  const malformed = (message: string, offset: number): never => {
    throw new DocxReadError({
      code: "malformed-xml",
      message: `${part}: ${message} at offset ${offset}.`,
      part,
      offset,
    });
  };

  const decode = (raw: string, offset: number): string => {
    let amp = raw.indexOf("&");
    if (amp < 0) return raw;
    let out = "";
    let from = 0;
    while (amp >= 0) {
      out += raw.slice(from, amp);
      const semicolon = raw.indexOf(";", amp + 1);
      if (semicolon < 0 || semicolon - amp > 12) malformed("an '&' that starts no entity reference", offset + amp);
      const name = raw.slice(amp + 1, semicolon);
      if (name.charCodeAt(0) === 0x23 /* # */) {
        const hex = name.charCodeAt(1) === 0x78; /* x */
        const digits = name.slice(hex ? 2 : 1);
        const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
        const code = valid ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
        if (
          !Number.isFinite(code) ||
          code === 0 ||
          code > 0x10ffff ||
          (code >= 0xd800 && code <= 0xdfff) ||
          code === 0xfffe ||
          code === 0xffff
        ) {
          malformed(`an invalid character reference &${name};`, offset + amp);
        }
        out += String.fromCodePoint(code);
      } else {
        const value = predefinedEntities[name];
        if (value === undefined) {
          malformed(`an undefined entity &${name}; (only the five predefined entities are allowed)`, offset + amp);
        }
        out += value;
      }
      from = semicolon + 1;
      amp = raw.indexOf("&", from);
    }
    return out + raw.slice(from);
  };

  const openNames: string[] = [];
  const openCanonical: string[] = [];
  const scopes: Scope[] = [];
  let scope: Scope = rootScope;
  let sawRoot = false;
  let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  // Canonical names for the current scope, cached until the scope changes.
  let cacheScope: Scope | undefined;
  const elementNames = new Map<string, string>();
  const attributeNames = new Map<string, string>();
  const canonical = (qualified: string, isAttribute: boolean): string => {
    if (cacheScope !== scope) {
      cacheScope = scope;
      elementNames.clear();
      attributeNames.clear();
    }
    const cache = isAttribute ? attributeNames : elementNames;
    let name = cache.get(qualified);
    if (name === undefined) {
      name = resolveName(qualified, isAttribute);
      cache.set(qualified, name);
    }
    return name;
  };
  const resolveName = (qualified: string, isAttribute: boolean): string => {
    const colon = qualified.indexOf(":");
    if (colon < 0) {
      if (isAttribute) return qualified;
      const uri = lookup(scope, "");
      if (!uri) return qualified;
      const prefix = canonicalPrefixes.get(uri);
      return prefix === undefined ? `{${uri}}${qualified}` : `${prefix}:${qualified}`;
    }
    const prefix = qualified.slice(0, colon);
    const local = qualified.slice(colon + 1);
    const uri = lookup(scope, prefix);
    // An undeclared prefix is a generator's slip, not an attack: the name is kept as written.
    if (uri === undefined) return qualified;
    const known = canonicalPrefixes.get(uri);
    return known === undefined ? `{${uri}}${local}` : `${known}:${local}`;
  };

  while (at < length) {
    const lt = source.indexOf("<", at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at) {
      const raw = source.slice(at, textEnd);
      if (openNames.length === 0) {
        if (raw.trim() !== "") malformed("text outside the root element", at);
      } else {
        handler.text(decode(raw, at));
      }
    }
    if (lt < 0) break;
    const next = source.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const close = source.indexOf("?>", lt + 2);
      if (close < 0) malformed("an unterminated processing instruction", lt);
      at = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (source.startsWith("<!--", lt)) {
        const close = source.indexOf("-->", lt + 4);
        if (close < 0) malformed("an unterminated comment", lt);
        at = close + 3;
        continue;
      }
      if (source.startsWith("<![CDATA[", lt)) {
        const close = source.indexOf("]]>", lt + 9);
        if (close < 0) malformed("an unterminated CDATA section", lt);
        if (openNames.length === 0) malformed("a CDATA section outside the root element", lt);
        handler.text(source.slice(lt + 9, close));
        at = close + 3;
        continue;
      }
      const keyword = source.slice(lt + 2, lt + 9).toUpperCase();
      if (keyword === "DOCTYPE" || keyword.startsWith("ENTITY")) {
        throw new DocxReadError({
          code: "dtd-forbidden",
          message: `${part}: a ${keyword.startsWith("ENTITY") ? "ENTITY" : "DOCTYPE"} declaration at offset ${lt}; DTDs and entity declarations are refused.`,
          part,
          offset: lt,
        });
      }
      malformed("an unknown '<!' construct", lt);
    }
    if (next === 0x2f /* / */) {
      const close = source.indexOf(">", lt + 2);
      if (close < 0) malformed("an unterminated end tag", lt);
      const name = source.slice(lt + 2, close).trimEnd();
      const open = openNames.pop();
      if (open === undefined) malformed(`an end tag </${name}> with no open element`, lt);
      if (open !== name) malformed(`an end tag </${name}> where </${open}> was expected`, lt);
      const canonicalName = openCanonical.pop() as string;
      handler.end(canonicalName, close + 1);
      scope = scopes.pop() ?? scope;
      at = close + 1;
      continue;
    }
    // A start tag.
    let cursor = lt + 1;
    while (cursor < length) {
      const code = source.charCodeAt(cursor);
      if (isSpace(code) || code === 0x2f || code === 0x3e) break;
      cursor++;
    }
    const name = source.slice(lt + 1, cursor);
    if (name === "" || name.includes("<")) malformed("a '<' that starts no tag", lt);
    if (openNames.length === 0 && sawRoot) malformed("a second root element", lt);
    let rawAttributes: [string, string][] | undefined;
    let declarations: Map<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      while (cursor < length && isSpace(source.charCodeAt(cursor))) cursor++;
      if (cursor >= length) malformed(`an unterminated start tag <${name}>`, lt);
      const code = source.charCodeAt(cursor);
      if (code === 0x3e /* > */) {
        cursor++;
        break;
      }
      if (code === 0x2f /* / */) {
        if (source.charCodeAt(cursor + 1) !== 0x3e) malformed("a '/' inside a tag", cursor);
        selfClosing = true;
        cursor += 2;
        break;
      }
      const nameStart = cursor;
      while (cursor < length) {
        const c = source.charCodeAt(cursor);
        if (isSpace(c) || c === 0x3d /* = */ || c === 0x3e || c === 0x2f) break;
        cursor++;
      }
      const attributeName = source.slice(nameStart, cursor);
      while (cursor < length && isSpace(source.charCodeAt(cursor))) cursor++;
      if (attributeName === "" || source.charCodeAt(cursor) !== 0x3d) {
        malformed(`an attribute without a value in <${name}>`, nameStart);
      }
      cursor++;
      while (cursor < length && isSpace(source.charCodeAt(cursor))) cursor++;
      const quote = source.charCodeAt(cursor);
      if (quote !== 0x22 && quote !== 0x27) malformed(`an unquoted attribute value in <${name}>`, cursor);
      const valueEnd = source.indexOf(quote === 0x22 ? '"' : "'", cursor + 1);
      if (valueEnd < 0) malformed(`an unterminated attribute value in <${name}>`, cursor);
      const rawValue = source.slice(cursor + 1, valueEnd);
      if (rawValue.includes("<")) malformed(`a '<' inside an attribute value of <${name}>`, cursor);
      const value = decode(rawValue, cursor + 1);
      cursor = valueEnd + 1;
      if (attributeName === "xmlns" || attributeName.startsWith("xmlns:")) {
        declarations ??= new Map();
        declarations.set(attributeName === "xmlns" ? "" : attributeName.slice(6), value);
      } else {
        rawAttributes ??= [];
        rawAttributes.push([attributeName, value]);
      }
    }
    if (openNames.length >= maxDepth) {
      throw new DocxReadError({
        code: "too-complex",
        message: `${part}: elements nest deeper than ${maxDepth} levels at offset ${lt}.`,
        part,
        offset: lt,
      });
    }
    const parentScope = scope;
    if (declarations) scope = { parent: scope, bindings: declarations };
    const canonicalName = canonical(name, false);
    let attributes: ReadonlyMap<string, string> = noAttributes;
    if (rawAttributes) {
      const map = new Map<string, string>();
      for (const [attributeName, value] of rawAttributes) map.set(canonical(attributeName, true), value);
      attributes = map;
    }
    sawRoot = true;
    handler.start(canonicalName, attributes, lt, selfClosing);
    if (selfClosing) {
      handler.end(canonicalName, cursor);
      scope = parentScope;
    } else {
      openNames.push(name);
      openCanonical.push(canonicalName);
      scopes.push(parentScope);
    }
    at = cursor;
  }
  if (openNames.length > 0) malformed(`the element <${openNames[openNames.length - 1]}> is never closed`, length);
  if (!sawRoot) malformed("no root element", 0);
}

/** Maps character offsets to 1-based lines and columns. */
export class LineIndex {
  readonly #lineStarts: number[] = [0];

  constructor(source: string) {
    for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) this.#lineStarts.push(at + 1);
  }

  /** The 1-based line and column of a 0-based offset. */
  locate(offset: number): { line: number; column: number } {
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }
}
