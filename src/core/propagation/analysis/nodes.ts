import type { Node } from '@vscode/tree-sitter-wasm';
import type { SourceSpan } from '../model';

/** Small helpers over tree-sitter nodes, shared by every language. */

export function spanOf(node: Node): SourceSpan {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
    startOffset: node.startIndex,
    endOffset: node.endIndex,
  };
}

/** The named children, fetched in one call into the runtime (and cached on the node by it). */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

export function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined;
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** The identifier at the root of a member chain such as `self.session.headers` (→ `self`). */
export function chainRoot(node: Node, memberObject: (node: Node) => Node | undefined): Node {
  let current = node;
  for (let depth = 0; depth < 32; depth++) {
    const next = memberObject(current);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Two fields of a node of one type, when both are there: `fieldsOf(node, 'subscript', 'value', 'subscript')`. */
export function fieldsOf(node: Node, type: string, first: string, second: string): [Node, Node] | undefined {
  if (node.type !== type) return undefined;
  const a = field(node, first);
  const b = field(node, second);
  return a && b ? [a, b] : undefined;
}

/** The entries of a dict/object literal: `key: value` pairs (shorthand `{ name }` pairs a name with itself) and spreads. */
export function literalEntries(
  node: Node,
  types: { readonly literal: string; readonly pair: string; readonly spread: string; readonly shorthand?: string },
): { pairs: { key: Node; value: Node }[]; spreads: Node[] } | undefined {
  if (node.type !== types.literal) return undefined;
  const pairs: { key: Node; value: Node }[] = [];
  const spreads: Node[] = [];
  for (const child of namedChildren(node)) {
    const pair = fieldsOf(child, types.pair, 'key', 'value');
    if (pair) pairs.push({ key: pair[0], value: pair[1] });
    else if (child.type === types.shorthand) pairs.push({ key: child, value: child });
    else if (child.type === types.spread) {
      const inner = child.namedChild(0);
      if (inner) spreads.push(inner);
    }
  }
  return { pairs, spreads };
}
