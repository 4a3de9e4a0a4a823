import * as assert from 'node:assert/strict';
import { inTreeOrder, matchFilter, parseFindQuery, SpanFinder, stepMatch } from '../../../src/core/viewer/layout/find';
import { sampleSpans, span, treeOf } from './spans';

describe('find in trace', () => {
  const spans = [
    span('root', undefined, 0, { name: 'GET /orders', service: 'frontend' }),
    span('a', 'root', 1, { name: 'SELECT orders', service: 'db', attributes: { 'db.system': 'postgresql', rows: 12 } }),
    span('b', 'root', 2, {
      name: 'POST /pay',
      service: 'payments',
      status: { code: 'error', message: 'Card declined' },
      events: [{ timeNs: 3, name: 'exception', attributes: { 'exception.type': 'CardError' } }],
      resource: { 'host.name': 'pay-7f9' },
    }),
  ];
  const finder = new SpanFinder(spans);
  const ids = (matches: Int32Array): string[] => [...matches].map((i) => spans[i]?.spanId ?? '?');

  it('matches names, services, ids and attribute values case-insensitively', () => {
    assert.deepEqual(ids(finder.find(parseFindQuery('ORDERS'))), ['root', 'a']);
    assert.deepEqual(ids(finder.find(parseFindQuery('payments'))), ['b']);
    assert.deepEqual(ids(finder.find(parseFindQuery('postgres'))), ['a']);
    assert.deepEqual(ids(finder.find(parseFindQuery('declined'))), ['b']);
    assert.deepEqual(ids(finder.find(parseFindQuery('carderror'))), ['b']);
    assert.deepEqual(ids(finder.find(parseFindQuery('pay-7f9'))), ['b']);
  });

  it('requires every term', () => {
    assert.deepEqual(ids(finder.find(parseFindQuery('orders db'))), ['a']);
    assert.deepEqual(ids(finder.find(parseFindQuery('orders nowhere'))), []);
  });

  it('matches key=value against the attribute with that key only', () => {
    assert.deepEqual(ids(finder.find(parseFindQuery('rows=12'))), ['a']);
    assert.deepEqual(ids(finder.find(parseFindQuery('db.system=post'))), ['a']);
    assert.deepEqual(ids(finder.find(parseFindQuery('system=postgresql'))), []);
  });

  it('lists matches in span order; the timeline sorts them top to bottom', () => {
    const outOfOrder = [span('late', undefined, 0, { name: 'x' }), span('child', 'early', 2, { name: 'x' }), span('early', undefined, 1, { name: 'x' })];
    const matches = new SpanFinder(outOfOrder).find(['x']);
    assert.deepEqual([...matches], [0, 1, 2]);
    const order = inTreeOrder(matches, treeOf(outOfOrder));
    assert.deepEqual([...order].map((i) => outOfOrder[i]?.spanId), ['late', 'early', 'child']);
  });

  it('finds nothing for an empty query', () => {
    assert.equal(finder.find(parseFindQuery('   ')).length, 0);
  });

  it('filters to matches with their ancestors', () => {
    const sample = sampleSpans();
    const sampleTree = treeOf(sample);
    const matches = Int32Array.from([sampleTree.indexOf('b1') ?? -1]);
    const mask = matchFilter(sampleTree, matches);
    const kept = sample.filter((_, i) => mask[i] === 1).map((s) => s.spanId);
    assert.deepEqual(kept, ['root', 'b', 'b1']);
  });

  it('steps to the next and previous match in tree order, wrapping', () => {
    const sample = sampleSpans();
    const sampleTree = treeOf(sample);
    const at = (id: string): number => sampleTree.indexOf(id) ?? -1;
    const matches = Int32Array.from([at('a1'), at('b'), at('o')]);
    assert.equal(stepMatch(matches, sampleTree, -1, 1), 0);
    assert.equal(stepMatch(matches, sampleTree, -1, -1), 2);
    assert.equal(stepMatch(matches, sampleTree, at('a2'), 1), 1);
    assert.equal(stepMatch(matches, sampleTree, at('b'), 1), 2);
    assert.equal(stepMatch(matches, sampleTree, at('o'), 1), 0);
    assert.equal(stepMatch(matches, sampleTree, at('b'), -1), 0);
    assert.equal(stepMatch(matches, sampleTree, at('root'), -1), 2);
    assert.equal(stepMatch(new Int32Array(0), sampleTree, 0, 1), -1);
  });
});
