import * as assert from 'node:assert/strict';
import { buildSpanTree } from '../../../src/core/analysis/spanTree';
import { parseFixture } from '../../support/traceFixtures';
import { buildTrace } from '../../support/traceBuilder';

describe('Span tree', () => {
  it('links children to parents in start order and computes depth', () => {
    const trace = buildTrace([
      { id: 'root', startMs: 0, endMs: 100 },
      { id: 'b', parent: 'root', startMs: 20, endMs: 30 },
      { id: 'a', parent: 'root', startMs: 10, endMs: 40 },
      { id: 'a1', parent: 'a', startMs: 11, endMs: 12 },
    ]);
    const tree = buildSpanTree(trace);
    const names = trace.spans.map((span) => span.name);
    assert.deepEqual(names, ['root', 'a', 'a1', 'b']);
    assert.deepEqual(tree.parentIndex, [-1, 0, 1, 0]);
    assert.deepEqual(tree.childIndices, [[1, 3], [2], [], []]);
    assert.deepEqual(tree.depth, [0, 1, 2, 1]);
    assert.deepEqual(tree.rootIndices, [0]);
    assert.deepEqual(tree.orphanIndices, []);
    assert.deepEqual(tree.warnings, []);
  });

  it('reports orphans and multiple roots instead of hiding them', () => {
    const trace = buildTrace([
      { id: 'root1', startMs: 0, endMs: 10 },
      { id: 'root2', startMs: 1, endMs: 10 },
      { id: 'lost', parent: 'missing', startMs: 2, endMs: 3 },
      { id: 'lost-child', parent: 'lost', startMs: 2, endMs: 3 },
    ]);
    const tree = buildSpanTree(trace);
    assert.deepEqual(tree.rootIndices, [0, 1]);
    assert.deepEqual(tree.orphanIndices, [2]);
    assert.equal(tree.depth[3], 1);
    assert.deepEqual(tree.warnings, ['the trace has 2 root spans', '1 span(s) reference 1 parent(s) missing from the trace']);
  });

  it('cuts parent cycles and self-parents so every span is shown once, and reports duplicates', () => {
    const trace = buildTrace([
      { id: 'x', parent: 'y', startMs: 0, endMs: 10 },
      { id: 'y', parent: 'x', startMs: 1, endMs: 9 },
      { id: 'self', parent: 'self', startMs: 2, endMs: 3 },
      { id: 'dup', startMs: 4, endMs: 5 },
      { id: 'dup', startMs: 6, endMs: 7 },
    ]);
    const tree = buildSpanTree(trace);
    assert.ok(tree.depth.every((depth) => depth >= 0), 'every span reached');
    assert.deepEqual(tree.orphanIndices, [0, 2]);
    assert.deepEqual(tree.parentIndex, [-1, 0, -1, -1, -1]);
    assert.ok(tree.warnings.includes('1 parent cycle(s) were cut to show the spans'));
    assert.ok(tree.warnings.includes(`span id 0000000000647570 appears 2 times`));
  });

  it('connects Jaeger UI data with free-form ids ("span-1") into one tree', () => {
    const trace = parseFixture('jaeger-ui/TraceGraph/testTrace.json').traces[0];
    assert.ok(trace);
    const tree = buildSpanTree(trace);
    assert.equal(tree.rootIndices.length, 1);
    assert.deepEqual(tree.orphanIndices, []);
    assert.equal(Math.max(...tree.depth), 3);
    assert.deepEqual(trace.warnings, [`trace id "trace-123" is not hex; shown as ${trace.traceId}`]);
  });

  it('builds a clean tree for every shared Zipkin fixture except the orphans messaging2 really has', () => {
    for (const name of ['ascend', 'skew', 'yelp', 'smartthings-mobile-web-install', 'smartthings-oauth-authorization', 'messaging2']) {
      const trace = parseFixture(`zipkin/${name}.json`).traces[0];
      assert.ok(trace);
      const tree = buildSpanTree(trace);
      assert.equal(tree.rootIndices.length, 1, name);
      assert.equal(tree.orphanIndices.length, name === 'messaging2' ? 6 : 0, name);
    }
  });
});
