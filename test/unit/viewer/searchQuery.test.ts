import * as assert from 'node:assert/strict';
import { toTraceQuery } from '../../../src/core/viewer/searchQuery';

describe('search form query to source query', () => {
  const now = Date.UTC(2025, 0, 15, 12);

  it('turns a lookback into a window ending now, and nanoseconds into milliseconds', () => {
    assert.deepEqual(
      toTraceQuery(
        { service: 'api', operation: 'GET /', tags: { error: 'true' }, time: { lookback: '2h' }, minDurationNs: 1_500_000, maxDurationNs: 2e9, limit: 50 },
        { nowMs: now, ignoreLookback: false },
      ),
      { service: 'api', operation: 'GET /', tags: { error: 'true' }, startMs: now - 7_200_000, endMs: now, minDurationMs: 1.5, maxDurationMs: 2000, limit: 50 },
    );
  });

  it('drops the lookback for files but keeps an explicit range', () => {
    assert.deepEqual(toTraceQuery({ tags: {}, time: { lookback: '5m' }, limit: 20 }, { nowMs: now, ignoreLookback: true }), { tags: {}, limit: 20 });
    assert.deepEqual(toTraceQuery({ tags: {}, time: { startMs: 5, endMs: 9 }, limit: 20 }, { nowMs: now, ignoreLookback: true }), {
      tags: {},
      startMs: 5,
      endMs: 9,
      limit: 20,
    });
  });
});
