import * as assert from 'node:assert/strict';
import type { Trace } from '../../../src/core/model/trace';
import type { SearchQuery } from '../../../src/core/viewer/protocol';
import { operationsOf, queryTimeRange, searchTraces, servicesOf } from '../../../src/core/viewer/traceQuery';
import { span } from './spans';

const now = Date.UTC(2025, 0, 15, 12, 0, 0);
const ms = 1e6;
const at = (minutesAgo: number): number => (now - minutesAgo * 60_000) * ms;

const traces: Trace[] = [
  {
    traceId: 't-old',
    spans: [span('a', undefined, at(90), { service: 'api', name: 'GET /', durationNs: 20 * ms, attributes: { 'http.status_code': 500 } })],
    warnings: [],
  },
  {
    traceId: 't-new',
    spans: [
      span('b', undefined, at(5), { service: 'api', name: 'POST /pay', durationNs: 300 * ms }),
      span('c', 'b', at(5), { service: 'db', name: 'INSERT', durationNs: 5 * ms, resource: { 'host.name': 'db-1' } }),
    ],
    warnings: [],
  },
];

function query(fields: Partial<SearchQuery>): SearchQuery {
  return { tags: {}, time: { lookback: '2h' }, limit: 20, ...fields };
}

const ids = (found: Trace[]): string[] => found.map((trace) => trace.traceId);

describe('searching traces held in memory', () => {
  it('filters by service, operation, tags and duration, newest first', () => {
    const options = { nowMs: now };
    assert.deepEqual(ids(searchTraces(traces, query({ service: 'api' }), options)), ['t-new', 't-old']);
    assert.deepEqual(ids(searchTraces(traces, query({ service: 'api', operation: 'GET /' }), options)), ['t-old']);
    assert.deepEqual(ids(searchTraces(traces, query({ tags: { 'http.status_code': '500' } }), options)), ['t-old']);
    assert.deepEqual(ids(searchTraces(traces, query({ tags: { 'host.name': 'db-1' } }), options)), ['t-new']);
    assert.deepEqual(ids(searchTraces(traces, query({ minDurationNs: 100 * ms }), options)), ['t-new']);
    assert.deepEqual(ids(searchTraces(traces, query({ service: 'db', maxDurationNs: 1 * ms }), options)), []);
    assert.deepEqual(ids(searchTraces(traces, query({ limit: 1 }), options)), ['t-new']);
  });

  it('applies the lookback, or ignores it for files, but always honours an explicit range', () => {
    assert.deepEqual(ids(searchTraces(traces, query({ time: { lookback: '30m' } }), { nowMs: now })), ['t-new']);
    assert.deepEqual(ids(searchTraces(traces, query({ time: { lookback: '5m' } }), { nowMs: now + 3 * 3_600_000, ignoreLookback: true })), [
      't-new',
      't-old',
    ]);
    const range = { startMs: now - 100 * 60_000, endMs: now - 60 * 60_000 };
    assert.deepEqual(ids(searchTraces(traces, query({ time: range }), { nowMs: now, ignoreLookback: true })), ['t-old']);
    assert.deepEqual(queryTimeRange(query({ time: { lookback: '1h' } }), now), { startMs: now - 3_600_000, endMs: now });
  });

  it('lists services and the operations of one service', () => {
    assert.deepEqual(servicesOf(traces), ['api', 'db']);
    assert.deepEqual(operationsOf(traces, 'api'), ['GET /', 'POST /pay']);
    assert.deepEqual(operationsOf(traces, 'nobody'), []);
  });
});
