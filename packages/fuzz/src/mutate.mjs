// Mutators the fuzz targets share: bytes, structure (markup, spans, zip parts, XML entities) and
// values (huge, negative, full-width, Chinese numerals). Each is a fast-check arbitrary of edits,
// applied to a seed chosen by index, so a failing case is reproduced by its run seed and path.
import fc from "fast-check";

/** The largest input a mutation may produce; longer results are cut (the budgets are per size). */
export const maxInputLength = 1 << 20;

/** An input's size for its time budget: characters, bytes, or the length of its JSON. */
export const sizeOf = (input) =>
  typeof input === "string" ? input.length : input instanceof Uint8Array ? input.length : JSON.stringify(input).length;

/** Number texts that have broken importers and rules before, or could. */
export const valueTexts = [
  "0",
  "-1",
  "-0",
  "9007199254740993",
  "1e308",
  "99999999999999999999999",
  "1.5",
  "0.1",
  "NaN",
  "Infinity",
  "/",
  "－",
  "—",
  "１２３",
  "１．５",
  "一千二百",
  "两万零三",
  "十",
  "负三",
  "1,234",
  "1，234",
  "（3）",
  "3件",
  "约5",
  "",
  " ",
  "\u3000",
];

/** Markup that has blown up HTML parsers or walkers: unclosed and misnested formatting, spans, depth. */
export const htmlTokens = [
  "<b id=1>",
  "<i>",
  "<p>",
  "</p>",
  "<table>",
  "</table>",
  "<tr>",
  "</tr>",
  "<td>",
  "</td>",
  '<td rowspan="0">',
  '<td colspan="1000" rowspan="65534">',
  "<th>",
  "<br>",
  "<div>",
  "</div>",
  "<h2>",
  "<pre>",
  "<script>",
  "<template>",
  "<svg>",
  "<!--",
  "-->",
  "&nbsp;",
  "&#0;",
  "&#x110000;",
  "\u0000",
  "\r",
  "\n",
  "<meta charset=utf-16le>",
  "<meta charset=gbk>",
  '<script type="application/json" data-gongkai-report>{"edition":"2021"}</script>',
  '<img src=x onerror="alert(1)">',
];

/** Flattened-text pieces: cell separators, part headings, table markers. */
export const textTokens = [
  "|",
  " | ",
  "\n",
  "\r\n",
  "\r",
  "一、总体情况\n",
  "二、主动公开政府信息情况\n",
  "三、收到和处理政府信息公开申请情况\n",
  "四、政府信息公开行政复议、行政诉讼情况\n",
  "六、其他需要报告的事项\n",
  "自然人 | ",
  "总计 | ",
  "2020年",
  "二〇二一年",
  "\ufeff",
  "---|---|",
];

/** WordprocessingML pieces: merges, spans, tracked changes, entities, DTDs, depth. */
export const xmlTokens = [
  "<w:p/>",
  "<w:tbl>",
  "</w:tbl>",
  "<w:tr>",
  "</w:tr>",
  "<w:tc>",
  "</w:tc>",
  '<w:tcPr><w:gridSpan w:val="999999"/></w:tcPr>',
  '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>',
  "<w:tcPr><w:vMerge/></w:tcPr>",
  '<w:trPr><w:gridBefore w:val="5000"/></w:trPr>',
  "<w:trPr><w:del/></w:trPr>",
  "<w:r><w:t>",
  "</w:t></w:r>",
  "<w:sdt>",
  "</w:sdt>",
  "&bogus;",
  "&amp;",
  "&#0;",
  "&#x1F600;",
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  "<![CDATA[",
  "]]>",
  "<?pi x?>",
  "<w:br/>",
  "<w:tab/>",
];

/** One edit of a sequence; positions and lengths are fractions of the current length. */
const edit = (tokens) =>
  fc.oneof(
    fc.record({ kind: fc.constant("flip"), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.nat(255) }),
    fc.record({ kind: fc.constant("delete"), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(4096) }),
    fc.record({ kind: fc.constant("truncate"), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant("repeat"),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 64 }) }, fc.integer({ min: 1, max: 2048 })),
      // Mostly a few copies; sometimes enough to find what grows faster than the input.
      times: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 2, max: 8 }) }, fc.integer({ min: 2, max: 400 })),
    }),
    fc.record({
      kind: fc.constant("token"),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      token: fc.constantFrom(...tokens),
      times: fc.oneof(
        { weight: 8, arbitrary: fc.constant(1) },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 50 }) },
        fc.integer({ min: 1, max: 3000 }),
      ),
    }),
    fc.record({
      kind: fc.constant("value"),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      value: fc.constantFrom(...valueTexts),
    }),
    fc.record({ kind: fc.constant("text"), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string() }),
  );

/** The edits applied to one case, and which seed they start from. */
export const edits = (tokens, seedCount) =>
  fc.record({ seed: fc.nat(Math.max(0, seedCount - 1)), edits: fc.array(edit(tokens), { maxLength: 6 }) });

const where = (fraction, length) => Math.min(length, Math.floor(fraction * (length + 1)));

/** Apply edits to a string. A `value` edit replaces the digit run at or after its position. */
export function editText(text, list) {
  let out = text;
  for (const item of list) {
    const at = where(item.at, out.length);
    switch (item.kind) {
      case "flip":
        out = out.slice(0, at) + String.fromCharCode(item.value) + out.slice(at + 1);
        break;
      case "delete":
        out = out.slice(0, at) + out.slice(at + item.length);
        break;
      case "truncate":
        out = out.slice(0, at);
        break;
      case "repeat":
        out = out.slice(0, at) + out.slice(at, at + item.length).repeat(item.times) + out.slice(at);
        break;
      case "token":
        out = out.slice(0, at) + item.token.repeat(item.times) + out.slice(at);
        break;
      case "value": {
        const match = /\d+/.exec(out.slice(at));
        if (match) {
          const start = at + match.index;
          out = out.slice(0, start) + item.value + out.slice(start + match[0].length);
        }
        break;
      }
      default:
        out = out.slice(0, at) + item.text + out.slice(at);
    }
    if (out.length > maxInputLength) out = out.slice(0, maxInputLength);
  }
  return out;
}

/** Apply edits to bytes (tokens and values are written as UTF-8). */
export function editBytes(bytes, list) {
  let out = bytes;
  const encoder = new TextEncoder();
  const join = (...parts) => {
    const length = Math.min(
      maxInputLength,
      parts.reduce((sum, part) => sum + part.length, 0),
    );
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      if (offset >= length) break;
      joined.set(part.subarray(0, length - offset), offset);
      offset += part.length;
    }
    return joined;
  };
  for (const item of list) {
    const at = where(item.at, out.length);
    switch (item.kind) {
      case "flip":
        out = out.slice();
        if (at < out.length) out[at] = item.value;
        break;
      case "delete":
        out = join(out.subarray(0, at), out.subarray(at + item.length));
        break;
      case "truncate":
        out = out.subarray(0, at);
        break;
      case "repeat": {
        const chunk = out.subarray(at, at + item.length);
        out = join(out.subarray(0, at), ...Array.from({ length: item.times }, () => chunk), out.subarray(at));
        break;
      }
      case "token":
        out = join(out.subarray(0, at), encoder.encode(item.token.repeat(item.times)), out.subarray(at));
        break;
      case "value":
        out = join(out.subarray(0, at), encoder.encode(item.value), out.subarray(at));
        break;
      default:
        out = join(out.subarray(0, at), encoder.encode(item.text), out.subarray(at));
    }
  }
  return out;
}
