import { type DefaultTreeAdapterTypes, parse, serialize, Tokenizer } from "parse5";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countingTreeAdapter, parsePieces } from "./html-to-blocks";
import { stateTableCoverage } from "./state-table";

type Node = DefaultTreeAdapterTypes.Node;

// Markup that takes parse5's tokenizer through its states: doctypes with public and system
// identifiers in both quotes and a bogus one, RCDATA and RAWTEXT with end tags that are not
// theirs, script data escaped and double-escaped, comments of every odd shape, a processing
// instruction, attributes unquoted, single- and double-quoted, named, numeric and unknown
// character references, CDATA in SVG, a self-closing tag, an end tag with attributes, and
// PLAINTEXT to the end. Fed one character at a time, the tokenizer also stops and resumes in
// the states it otherwise passes straight through (an end tag's name, a double escape's start).
const markup = `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
<!DOCTYPE html PUBLIC '-//W3C//DTD HTML 4.01//EN' 'strict.dtd'><!DOCTYPE html SYSTEM "about:legacy-compat"><!DOCTYPE html SYSTEM 'x'><!DOCTYPE html bogus stuff>
<html><head><title>政府信息公开 &amp; b &lt; c </b> </title>
<style>p > a { content: "</p>" }</style>
<script>if (a < b && c) { document.write("<!--<script>x</script>-->"); }</script>
<script><!-- var s = "</scr" + "ipt>"; </b> --></script>
<script><!--<script>a-b--c</b></script>--></script>
</head><body>
<!-- a comment --><!----><!-- a -- b --!><!--><!-- <!-- nested -->
<?xml version="1.0"?>
<p class=unquoted id='single' title="double &quot;quoted&quot;" data-x=a&amp;b hidden>text &copy; &#169; &#xA9; &notit; &amp x &#0; &#x110000; &xyzzy; &ampersand;</p>
<textarea>a <b> &lt; </b></textarea>
<svg><![CDATA[ x < y ]]><foreignObject><br/></foreignObject></svg>
<table><tr><td>1<td>2</table>
</p </br  attr="x"> <a href=x/ >self</a> <img src="a.png"/> <p/ > </>
<plaintext><p>rest is text</plaintext>
`;

const childrenOf = (node: Node): Node[] =>
  "childNodes" in node ? node.childNodes : "content" in node ? [node.content as Node] : [];
const nodesOf = (root: Node): Node[] => [root, ...childrenOf(root).flatMap(nodesOf)];
// Locations without their attributes' (which from-html's parser does not record).
const withoutAttrs = (location: object | null | undefined): unknown => {
  if (!location) return location;
  const { attrs: _attrs, startTag, endTag, ...rest } = location as Record<string, object | undefined>;
  return { ...rest, startTag: withoutAttrs(startTag), endTag: withoutAttrs(endTag) };
};
const locationsOf = (root: Node) =>
  nodesOf(root).map((node) => withoutAttrs("sourceCodeLocation" in node ? node.sourceCodeLocation : undefined));
const ours = (pieces: readonly string[]) =>
  parsePieces(pieces, { sourceCodeLocationInfo: true, treeAdapter: countingTreeAdapter(100_000, []) });

describe("the tokenizer's state table", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("has a handler, read off parse5's own switch, for every state that switch knows", () => {
    const { handled, states } = stateTableCoverage();
    expect(states).toBeGreaterThan(60);
    expect(handled).toBe(states);
  });

  it("is what the parser's tokenizer dispatches through: parse5's switch is not called", () => {
    const callState = vi.spyOn(Tokenizer.prototype as unknown as { _callState(cp: number): void }, "_callState");
    parse(markup);
    const theirs = callState.mock.calls.length;
    callState.mockClear();
    ours([markup]);
    expect(theirs).toBeGreaterThan(markup.length / 2);
    expect(callState).not.toHaveBeenCalled();
  });

  it("tokenizes as parse5 does: the same tree and locations, whole and a character at a time", () => {
    const theirs = parse(markup, { sourceCodeLocationInfo: true });
    for (const pieces of [[markup], markup.split("")]) {
      const document = ours(pieces);
      expect(serialize(document)).toBe(serialize(theirs));
      expect(locationsOf(document)).toEqual(locationsOf(theirs));
    }
    expect(nodesOf(theirs).length).toBeGreaterThan(50);
  });
});
