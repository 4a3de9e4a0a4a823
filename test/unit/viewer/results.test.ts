import * as assert from 'node:assert/strict';
import type { TraceSummary } from '../../../src/core/viewer/protocol';
import { scatterLayout, sortResults } from '../../../src/core/viewer/results';

function summary(traceId: string, fields: Partial<TraceSummary>): TraceSummary {
  return {
    traceId,
    rootService: 'svc',
    rootOperation: 'op',
    spanCount: 1,
    errorCount: 0,
    startNs: 0,
    durationNs: 0,
    services: [],
    ...fields,
  };
}

describe('search results', () => {
  const results = [
    summary('t1', { durationNs: 30, startNs: 100, spanCount: 4, rootService: 'b' }),
    summary('t2', { durationNs: 10, startNs: 300, spanCount: 100, errorCount: 2, rootService: 'a', broken: 'x' }),
    summary('t3', { durationNs: 30, startNs: 200, spanCount: 1, rootService: 'c' }),
  ];

  it('sorts by each column both ways, ties by trace id', () => {
    assert.deepEqual(
      sortResults(results, 'duration', 'descending').map((r) => r.traceId),
      ['t1', 't3', 't2'],
    );
    assert.deepEqual(
      sortResults(results, 'duration', 'ascending').map((r) => r.traceId),
      ['t2', 't1', 't3'],
    );
    assert.deepEqual(
      sortResults(results, 'start', 'descending').map((r) => r.traceId),
      ['t2', 't3', 't1'],
    );
    assert.deepEqual(
      sortResults(results, 'service', 'ascending').map((r) => r.traceId),
      ['t2', 't1', 't3'],
    );
    assert.deepEqual(
      sortResults(results, 'errors', 'descending').map((r) => r.traceId),
      ['t2', 't1', 't3'],
    );
    assert.equal(results[0]?.traceId, 't1', 'the input is left alone');
  });

  it('plots start time across and duration up, radius by span count', () => {
    const layout = scatterLayout(results, { left: 10, top: 5, width: 200, height: 100 });
    assert.deepEqual(
      layout.points.map((point) => [point.traceId, point.x, point.y, point.error, point.broken]),
      [
        ['t1', 10, 5, false, false],
        ['t2', 210, 5 + 100 - (10 / 30) * 100, true, true],
        ['t3', 110, 5, false, false],
      ],
    );
    const radii = layout.points.map((point) => point.radius);
    assert.equal(radii[1], 9);
    assert.ok((radii[2] ?? 0) < (radii[0] ?? 0));
    assert.equal(layout.maxDurationNs, 30);
  });

  it('centres a single trace and handles no results', () => {
    const single = scatterLayout([summary('t', {})], { left: 0, top: 0, width: 100, height: 50 });
    assert.deepEqual([single.points[0]?.x, single.points[0]?.y], [50, 25]);
    assert.deepEqual(scatterLayout([], { left: 0, top: 0, width: 1, height: 1 }).points, []);
  });
});
