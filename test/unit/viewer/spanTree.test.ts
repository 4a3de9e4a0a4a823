import * as assert from 'node:assert/strict';
import { buildSpanTree, childCount } from '../../../src/core/viewer/layout/spanTree';
import { sampleSpans, span, treeOf } from './spans';

function ids(spans: { spanId: string }[], indices: Iterable<number>): string[] {
  return [...indices].map((index) => spans[index]?.spanId ?? '?');
}

describe('span tree', () => {
  it('links children to parents in start order and computes depth', () => {
    const spans = sampleSpans();
    const tree = treeOf(spans);
    assert.deepEqual(ids(spans, tree.roots), ['root', 'o']);
    const a = tree.indexOf('a') ?? -1;
    assert.equal(childCount(tree, a), 2);
    assert.deepEqual(ids(spans, tree.children.subarray(tree.childStart[a], tree.childStart[a + 1])), ['a1', 'a2']);
    assert.equal(tree.depth[tree.indexOf('a2') ?? -1], 2);
    assert.equal(tree.depth[tree.indexOf('o') ?? -1], 0);
    assert.equal(tree.maxDepth, 2);
  });

  it('shows orphans as roots and numbers spans in depth-first order', () => {
    const spans = sampleSpans();
    const tree = treeOf(spans);
    assert.equal(tree.parent[tree.indexOf('o') ?? -1], -1);
    const order = [...spans.keys()].sort((x, y) => (tree.preorder[x] ?? 0) - (tree.preorder[y] ?? 0));
    assert.deepEqual(ids(spans, order), ['root', 'a', 'a1', 'a2', 'b', 'b1', 'o']);
  });

  it('sorts children by start time when the input is out of order', () => {
    const spans = [span('c2', 'p', 30), span('p', undefined, 0), span('c1', 'p', 10)];
    const tree = treeOf(spans);
    const p = tree.indexOf('p') ?? -1;
    assert.deepEqual(ids(spans, tree.children.subarray(tree.childStart[p], tree.childStart[p + 1])), ['c1', 'c2']);
  });

  it('breaks parent cycles and self-parents instead of losing spans', () => {
    const spans = [span('x', 'y', 0), span('y', 'x', 1), span('self', 'self', 2)];
    const tree = treeOf(spans);
    assert.equal(tree.roots.length, 2);
    const reachable = [...tree.preorder].sort();
    assert.deepEqual(reachable, [0, 1, 2]);
    assert.equal(tree.parent[tree.indexOf('self') ?? -1], -1);
  });

  it('keeps the first of duplicate span ids as the parent', () => {
    const spans = [span('d', undefined, 0), span('d', undefined, 1), span('child', 'd', 2)];
    const tree = treeOf(spans);
    assert.equal(tree.parent[2], 0);
    assert.equal(tree.roots.length, 2);
  });

  it('makes a root of a span whose parent index is out of range', () => {
    const tree = buildSpanTree({ parents: Int32Array.from([-1, 7, 0]), starts: Float64Array.from([0, 1, 2]), spanIds: ['a', 'b', 'c'] });
    assert.deepEqual([...tree.roots], [0, 1]);
    assert.equal(tree.parent[2], 0);
  });

  it('handles an empty trace', () => {
    const tree = treeOf([]);
    assert.equal(tree.size, 0);
    assert.equal(tree.roots.length, 0);
  });

  it('handles a 100,000-deep chain without recursion', () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => span(`s${i}`, i === 0 ? undefined : `s${i - 1}`, i));
    const tree = treeOf(spans);
    assert.equal(tree.maxDepth, 99_999);
    assert.equal(tree.preorder[99_999], 99_999);
  });
});
