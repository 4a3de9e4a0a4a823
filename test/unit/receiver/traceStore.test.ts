import * as assert from 'node:assert/strict';
import type { TraceUpdate } from '../../../src/core/receiver/traceStore';
import { TraceStore } from '../../../src/core/receiver/traceStore';
import { buildSpan, spanId, traceId } from '../../support/traceBuilder';

const spansOf = (trace: string, count: number, offset = 0) =>
  Array.from({ length: count }, (_, index) => buildSpan({ trace, id: `${trace}-${offset + index}`, startMs: offset + index, endMs: offset + index + 1 }));

describe('Trace store', () => {
  it('emits one update per trace a batch touches, with the counts', () => {
    const store = new TraceStore(100);
    const updates: TraceUpdate[] = [];
    store.onDidUpdateTrace((update) => updates.push(update));
    store.add([...spansOf('A', 3), ...spansOf('B', 2)]);
    store.add(spansOf('A', 2, 3));
    assert.deepEqual(updates, [
      { traceId: traceId('A'), spanCount: 3, addedSpans: 3, isNew: true },
      { traceId: traceId('B'), spanCount: 2, addedSpans: 2, isNew: true },
      { traceId: traceId('A'), spanCount: 5, addedSpans: 2, isNew: false },
    ]);
    assert.equal(store.get(traceId('A'))?.spans.length, 5);
    assert.deepEqual(store.traceIds(), [traceId('A'), traceId('B')], 'most recently updated first');
  });

  it('ignores a retried span (same id and kind) instead of showing it twice', () => {
    const store = new TraceStore(100);
    store.add(spansOf('A', 3));
    assert.deepEqual(store.add(spansOf('A', 3)), []);
    assert.equal(store.stats.spans, 3);
  });

  it('evicts the least recently updated traces beyond maxSpans, counts them and announces them', () => {
    const store = new TraceStore(10);
    const evicted: string[] = [];
    store.onDidEvictTraces((ids) => evicted.push(...ids));
    store.add(spansOf('old', 4));
    store.add(spansOf('mid', 4));
    store.add(spansOf('old', 1, 4)); // touching "old" makes "mid" the least recently updated
    store.add(spansOf('new', 4));
    assert.deepEqual(evicted, [traceId('mid')]);
    assert.equal(store.get(traceId('mid')), undefined);
    assert.deepEqual(store.stats, { traces: 2, spans: 9, maxSpans: 10, evictedTraces: 1, evictedSpans: 4 });
    store.setMaxSpans(4);
    assert.deepEqual(store.traceIds(), [traceId('new')]);
    assert.equal(store.stats.evictedTraces, 2);
  });

  it('stays within maxSpans under a long stream of traces', () => {
    const store = new TraceStore(1000);
    for (let batch = 0; batch < 200; batch++) store.add(spansOf(`t${batch}`, 37));
    assert.ok(store.stats.spans <= 1000);
    assert.equal(store.stats.spans + store.stats.evictedSpans, 200 * 37);
  });

  it('splits Zipkin shared client/server halves that arrive in separate requests', () => {
    const store = new TraceStore(100);
    const client = buildSpan({ trace: 'Z', id: 'rpc', kind: 'client', service: 'a', startMs: 0, endMs: 10 });
    const server = buildSpan({ trace: 'Z', id: 'rpc', kind: 'server', service: 'b', startMs: 1, endMs: 9 });
    const child = buildSpan({ trace: 'Z', id: 'db', parent: 'rpc', kind: 'client', service: 'b', startMs: 2, endMs: 3 });
    store.add([client]);
    store.add([server, child]);
    const trace = store.get(traceId('Z'));
    assert.ok(trace);
    const serverHalf = trace.spans.find((span) => span.kind === 'server');
    assert.equal(serverHalf?.parentSpanId, spanId('rpc'));
    assert.notEqual(serverHalf.spanId, spanId('rpc'));
    assert.equal(trace.spans.find((span) => span.name === 'db')?.parentSpanId, serverHalf.spanId);
  });

  it('keeps working when a listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const store = new TraceStore(100, (error) => errors.push(error));
    const seen: string[] = [];
    store.onDidUpdateTrace(() => {
      throw new Error('faulty listener');
    });
    store.onDidUpdateTrace((update) => seen.push(update.traceId));
    store.add(spansOf('A', 1));
    assert.deepEqual(seen, [traceId('A')]);
    assert.equal(errors.length, 1);
  });
});
