/**
 * The span tree of one trace in flat typed arrays, so that 100,000 spans cost a few arrays rather than 100,000
 * node objects. Span indices are positions in the trace's span table.
 */

/** What the tree is built from: the columns of the trace's `SpanTable` it needs. */
export interface TreeInput {
  /** The parent's index, or -1. */
  readonly parents: Int32Array;
  readonly starts: Float64Array;
  readonly spanIds: readonly string[];
}

export interface SpanTree {
  readonly size: number;
  /** Parent span index, or -1 for a root (no parent, parent not in the trace, or part of a parent cycle). */
  readonly parent: Int32Array;
  /** 0 for roots. */
  readonly depth: Int32Array;
  /** Children of span `i` are `children[childStart[i] .. childStart[i + 1])`, in start order. */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** Roots in start order. */
  readonly roots: Int32Array;
  /** Position of each span in the fully expanded depth-first order (the order the timeline shows). */
  readonly preorder: Int32Array;
  readonly maxDepth: number;
  /** The first span with this id. */
  indexOf(spanId: string): number | undefined;
}

export function childCount(tree: SpanTree, span: number): number {
  return (tree.childStart[span + 1] ?? 0) - (tree.childStart[span] ?? 0);
}

/**
 * Builds the tree from parent indices (as analysis resolved them). A parent index out of range makes a root, and a
 * span that is its own ancestor becomes a root, so that every span is shown once and every walk ends.
 */
export function buildSpanTree(input: TreeInput): SpanTree {
  const size = input.parents.length;
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const p = input.parents[i] ?? -1;
    parent[i] = p >= 0 && p < size && p !== i ? p : -1;
  }
  breakCycles(parent);

  const childStart = new Int32Array(size + 1);
  for (const p of parent) if (p >= 0) childStart[p + 1] = (childStart[p + 1] ?? 0) + 1;
  for (let i = 0; i < size; i++) childStart[i + 1] = (childStart[i + 1] ?? 0) + (childStart[i] ?? 0);
  const next = childStart.slice(0, size);
  const children = new Int32Array(size);
  const rootList: number[] = [];
  for (const i of startOrder(input.starts, size)) {
    const p = parent[i] ?? -1;
    if (p < 0) {
      rootList.push(i);
    } else {
      const slot = next[p] ?? 0;
      children[slot] = i;
      next[p] = slot + 1;
    }
  }
  const roots = Int32Array.from(rootList);
  const { depth, preorder, maxDepth } = walk(size, roots, childStart, children);
  let indexById: Map<string, number> | undefined;
  return {
    size,
    parent,
    depth,
    childStart,
    children,
    roots,
    preorder,
    maxDepth,
    // Built on the first look-up (restoring a selection, following a link), not for every trace shown.
    indexOf: (spanId) => {
      if (!indexById) {
        indexById = new Map();
        for (let i = 0; i < size; i++) {
          const id = input.spanIds[i] ?? '';
          if (!indexById.has(id)) indexById.set(id, i);
        }
      }
      return indexById.get(spanId);
    },
  };
}

/** Indices sorted by start time, ties by input order; skips the sort when the input is already in order. */
function startOrder(starts: Float64Array, size: number): Int32Array {
  const order = new Int32Array(size);
  let sorted = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    if (i > 0 && (starts[i] ?? 0) < (starts[i - 1] ?? 0)) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0) || a - b);
  return order;
}

/** Cuts every parent cycle by making the first span met on it a root, so no span is lost from the tree. */
function breakCycles(parent: Int32Array): void {
  const state = new Uint8Array(parent.length); // 0 unseen, 1 on the current chain, 2 known to reach a root
  const chain: number[] = [];
  for (let start = 0; start < parent.length; start++) {
    let node = start;
    while (node >= 0 && state[node] === 0) {
      state[node] = 1;
      chain.push(node);
      node = parent[node] ?? -1;
    }
    if (node >= 0 && state[node] === 1) parent[node] = -1;
    for (const visited of chain) state[visited] = 2;
    chain.length = 0;
  }
}

function walk(
  size: number,
  roots: Int32Array,
  childStart: Int32Array,
  children: Int32Array,
): { depth: Int32Array; preorder: Int32Array; maxDepth: number } {
  const depth = new Int32Array(size);
  const preorder = new Int32Array(size);
  const stack: number[] = [];
  for (let r = roots.length - 1; r >= 0; r--) stack.push(roots[r] ?? 0);
  let position = 0;
  let maxDepth = 0;
  for (let span = stack.pop(); span !== undefined; span = stack.pop()) {
    preorder[span] = position++;
    const childDepth = (depth[span] ?? 0) + 1;
    const from = childStart[span] ?? 0;
    for (let c = (childStart[span + 1] ?? 0) - 1; c >= from; c--) {
      const child = children[c] ?? 0;
      depth[child] = childDepth;
      if (childDepth > maxDepth) maxDepth = childDepth;
      stack.push(child);
    }
  }
  return { depth, preorder, maxDepth };
}
