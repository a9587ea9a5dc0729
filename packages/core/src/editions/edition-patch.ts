/** A node of an edition's label tree, as far as patching one needs: its code and children. */
interface PatchableNode {
  readonly code: string;
  readonly children?: readonly PatchableNode[];
}

/** `Nodes` with the node coded `Code` (at any depth) replaced by `Replacement`, keeping every other type exact. */
export type ReplacedNodes<Nodes extends readonly unknown[], Code extends string, Replacement> = {
  readonly [Index in keyof Nodes]: Nodes[Index] extends { readonly code: Code }
    ? Replacement
    : Nodes[Index] extends { readonly children: infer Children extends readonly unknown[] }
      ? Omit<Nodes[Index], "children"> & { readonly children: ReplacedNodes<Children, Code, Replacement> }
      : Nodes[Index];
};

/**
 * A copy of a label tree with the node coded `code` (at any depth) replaced: how a later edition
 * states what it changes in an earlier one's tree. Every other node is shared, not copied.
 *
 * @example
 * replaceNode(edition2019.tables.table3.rows, "results.other", other2021)
 */
export function replaceNode<const Nodes extends readonly PatchableNode[], Code extends string, Replacement>(
  nodes: Nodes,
  code: Code,
  replacement: Replacement,
): ReplacedNodes<Nodes, Code, Replacement> {
  let found = false;
  const replace = (list: readonly PatchableNode[]): readonly unknown[] =>
    list.map((node) => {
      if (node.code === code) {
        found = true;
        return replacement;
      }
      if (node.children === undefined) return node;
      const children = replace(node.children);
      return children.every((child, index) => child === node.children?.[index]) ? node : { ...node, children };
    });
  const replaced = replace(nodes);
  if (!found) throw new RangeError(`No node coded ${code} to replace`);
  return replaced as ReplacedNodes<Nodes, Code, Replacement>;
}
