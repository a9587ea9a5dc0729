// parse5's default tree, as far as these tests read it. The root install has parse5 5.1.1 (no
// bundled types); newer parse5 versions build the same tree.
declare module "parse5" {
  export interface Parse5Node {
    nodeName: string;
    tagName?: string;
    value?: string;
    attrs?: { name: string; value: string }[];
    childNodes?: Parse5Node[];
    content?: Parse5Node;
    parentNode?: Parse5Node | null;
  }
  export function parse(html: string, options?: Record<string, unknown>): Parse5Node;
  export function parseFragment(html: string, options?: Record<string, unknown>): Parse5Node;
}
