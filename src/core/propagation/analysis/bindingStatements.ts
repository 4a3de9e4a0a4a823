import type { Node, Query } from '@vscode/tree-sitter-wasm';
import type { Capture, SyntaxNode } from '../runtime/syntaxTree';

/** The statements that bind or change names (the language's `@binding` query), as name resolution asks for them. */
export interface BindingStatements {
  /** Those inside a function (nested functions' included), in document order. */
  under(fn: SyntaxNode): readonly SyntaxNode[];
  /** Is this node one of them? */
  isBinding(node: SyntaxNode): boolean;
}

/**
 * From the whole file's captures, taken in the same query walk as everything else: what a full analysis needs, as
 * it resolves names in most functions.
 */
export function capturedBindings(captured: () => readonly Capture[]): BindingStatements {
  let sorted: { readonly captures: readonly Capture[]; readonly starts: readonly number[]; readonly ids: ReadonlySet<number> } | undefined;
  // Sorted by their starts and ids, known without reading the nodes: a statement becomes a `SyntaxNode` only when
  // a name is resolved in its function.
  const read = (): NonNullable<typeof sorted> => {
    if (!sorted) {
      const captures = [...captured()].sort((a, b) => a.startIndex - b.startIndex);
      sorted = { captures, starts: captures.map((capture) => capture.startIndex), ids: new Set(captures.map((capture) => capture.id)) };
    }
    return sorted;
  };
  return {
    under(fn) {
      const { captures, starts } = read();
      const found: SyntaxNode[] = [];
      const end = fn.endIndex;
      for (let index = firstAtOrAfter(starts, fn.startIndex); index < captures.length; index++) {
        const capture = captures[index];
        if (!capture || capture.startIndex >= end) break;
        // Nodes nest: one that starts strictly inside `fn` lies inside it, so only one that starts with it (which
        // may hold it) needs its end read, a crossing into the parser.
        if (capture.startIndex > fn.startIndex || capture.node.endIndex <= end) found.push(capture.node);
      }
      return found;
    },
    isBinding: (node) => read().ids.has(node.id),
  };
}

/**
 * Queried per function when a name is first resolved there: a re-lint, whose verdicts are mostly taken over,
 * resolves names in few functions and need not capture the others' statements.
 */
export function queriedBindings(query: Query, wrap: (node: Node) => SyntaxNode): BindingStatements {
  return {
    under: (fn) =>
      fn
        .matches(query)
        .flatMap((match) => match.captures.map((capture) => wrap(capture.node)))
        .sort((a, b) => a.startIndex - b.startIndex),
    isBinding: (node) => node.matches(query, { maxStartDepth: 0 }).some((match) => match.captures.some((capture) => capture.node.id === node.id)),
  };
}

/** The index of the first of the sorted `values` that is at least `value`. */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
