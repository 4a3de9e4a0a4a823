import * as assert from 'node:assert/strict';
import type { Trace } from '../../../src/core/model/trace';
import { TraceLibrary } from '../../../src/core/viewer/traceLibrary';
import { span } from './spans';

const ms = 1e6;

function trace(traceId: string, spans = 1): Trace {
  return {
    traceId,
    spans: Array.from({ length: spans }, (_, i) => ({ ...span(`${traceId}-${i}`, i === 0 ? undefined : `${traceId}-0`, i, { durationNs: 10 }), traceId })),
    warnings: [],
  };
}

describe('trace library', () => {
  it('analyzes each trace once and finds it again by source and id', () => {
    const library = new TraceLibrary(() => ({}));
    const input = trace('aa', 3);
    const [first] = library.add('file:x', [input]);
    const [again] = library.add('file:x', [input]);
    assert.ok(first);
    assert.equal(again, first, 'the same trace object is not analyzed twice');
    assert.equal(library.get({ sourceId: 'file:x', traceId: 'aa' }), first);
    assert.equal(library.get({ sourceId: 'other', traceId: 'aa' }), undefined);
    assert.equal(first.analysis.trace.spans.length, 3);
    assert.deepEqual(library.loadedTraceIds(), ['aa']);
  });

  it('lets go of the least recently used traces beyond its limits, never of those just added', () => {
    const library = new TraceLibrary(() => ({}), { traces: 2, spans: 100 });
    library.add('s', [trace('t1'), trace('t2')]);
    library.get({ sourceId: 's', traceId: 't1' });
    library.add('s', [trace('t3')]);
    assert.deepEqual(library.loadedTraceIds().sort(), ['t1', 't3']);
    const bySpans = new TraceLibrary(() => ({}), { traces: 10, spans: 5 });
    bySpans.add('s', [trace('a', 3)]);
    bySpans.add('s', [trace('b', 3)]);
    assert.deepEqual(bySpans.loadedTraceIds(), ['b']);
    bySpans.add('s', [trace('big', 9)]);
    assert.deepEqual(bySpans.loadedTraceIds(), ['big']);
  });

  it('forgets a source and re-analyzes with new options', () => {
    let adjust = true;
    const library = new TraceLibrary(() => ({ adjustClockSkew: adjust }));
    const skewed: Trace = {
      traceId: 'sk',
      spans: [
        { ...span('p', undefined, 10 * ms, { durationNs: 10 * ms, resource: { 'host.name': 'a' } }), traceId: 'sk' },
        { ...span('c', 'p', 5 * ms, { durationNs: 2 * ms, resource: { 'host.name': 'b' } }), traceId: 'sk' },
      ],
      warnings: [],
    };
    library.add('s', [skewed]);
    assert.ok((library.get({ sourceId: 's', traceId: 'sk' })?.analysis.adjustedSpans ?? 0) > 0);
    adjust = false;
    library.reanalyze();
    assert.equal(library.get({ sourceId: 's', traceId: 'sk' })?.analysis.adjustedSpans, 0);
    library.removeSource('s');
    assert.deepEqual(library.loadedTraceIds(), []);
  });

  it('finds broken links across everything it holds, and recomputes them when the set changes', () => {
    const library = new TraceLibrary(() => ({}));
    const caller: Trace = { traceId: 'c1', spans: [{ ...span('srv', undefined, 0, { durationNs: 100 * ms, service: 'orders', kind: 'server' }), traceId: 'c1' }], warnings: [] };
    const piece: Trace = {
      traceId: 'p2',
      spans: [
        { ...span('cli', undefined, 10 * ms, { durationNs: 40 * ms, service: 'orders', kind: 'client', attributes: { 'peer.service': 'payments' } }), traceId: 'p2' },
        { ...span('pay', 'cli', 12 * ms, { durationNs: 30 * ms, service: 'payments', kind: 'server' }), traceId: 'p2' },
      ],
      warnings: [],
    };
    library.add('s', [piece]);
    assert.equal(library.brokenLinks().length, 0, 'alone, the piece has nothing to be broken off from');
    library.add('s', [caller]);
    assert.ok(library.brokenLinks().some((link) => link.to?.traceId === 'p2' && link.from.traceId === 'c1'));
  });
});
