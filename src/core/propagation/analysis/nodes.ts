import type { SyntaxNode } from '../runtime/syntaxTree';
import type { SourceSpan } from '../model';

/** Small helpers over tree-sitter nodes, shared by every language. */

export function spanOf(node: SyntaxNode): SourceSpan {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
    startOffset: node.startIndex,
    endOffset: node.endIndex,
  };
}

export function field(node: SyntaxNode, name: string): SyntaxNode | undefined {
  return node.childForFieldName(name) ?? undefined;
}

export function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** The identifier at the root of a member chain such as `self.session.headers` (→ `self`). */
export function chainRoot(node: SyntaxNode, memberObject: (node: SyntaxNode) => SyntaxNode | undefined): SyntaxNode {
  let current = node;
  for (let depth = 0; depth < 32; depth++) {
    const next = memberObject(current);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Two fields of a node of one type, when both are there: `fieldsOf(node, 'subscript', 'value', 'subscript')`. */
export function fieldsOf(node: SyntaxNode, type: string, first: string, second: string): [SyntaxNode, SyntaxNode] | undefined {
  if (node.type !== type) return undefined;
  const a = field(node, first);
  const b = field(node, second);
  return a && b ? [a, b] : undefined;
}

/** The entries of a dict/object literal: `key: value` pairs (shorthand `{ name }` pairs a name with itself) and spreads. */
export function literalEntries(
  node: SyntaxNode,
  types: { readonly literal: string; readonly pair: string; readonly spread: string; readonly shorthand?: string },
): { pairs: { key: SyntaxNode; value: SyntaxNode }[]; spreads: SyntaxNode[] } | undefined {
  if (node.type !== types.literal) return undefined;
  const pairs: { key: SyntaxNode; value: SyntaxNode }[] = [];
  const spreads: SyntaxNode[] = [];
  for (const child of node.namedChildren) {
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

/** `read`, worked out once per node: the analysis takes the same calls and members apart many times. */
export function memoized<T>(read: (node: SyntaxNode) => T): (node: SyntaxNode) => T {
  return (node) => node.memo(read);
}

/** The one of `sorted` (disjoint extents in document order) whose `[start, end)` holds `offset`, by binary search. */
export function extentHolding<T>(sorted: readonly T[], offset: number, startOf: (item: T) => number, endOf: (item: T) => number): T | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = sorted[middle];
    if (item === undefined) break;
    if (offset < startOf(item)) high = middle - 1;
    else if (offset >= endOf(item)) low = middle + 1;
    else return item;
  }
  return undefined;
}
