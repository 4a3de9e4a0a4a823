import * as assert from 'node:assert/strict';
import { analyzeTrace } from '../../../src/core/analysis/analyze';
import type { Trace } from '../../../src/core/model/trace';
import { buildSpanTable, spanKinds, statusCodes } from '../../../src/core/viewer/spanTable';
import { span } from './spans';

const epochNs = 1_767_225_600_000_000_000;

function trace(spans: Trace['spans']): Trace {
  return { traceId: 'abc', spans, warnings: [] };
}

describe('span table', () => {
  const input = trace([
    span('root', undefined, epochNs, { durationNs: 9_000, service: 'api', name: 'GET /', kind: 'server' }),
    span('db', 'root', epochNs + 1_024, { durationNs: 4_000, service: 'db', name: 'SELECT', kind: 'client', status: { code: 'error', message: 'timeout' } }),
    span('db2', 'root', epochNs + 5_120, { durationNs: 2_000, service: 'db', name: 'SELECT', warnings: ['a', 'b'] }),
    span('lost', 'gone', epochNs + 6_144, { durationNs: 1_000, service: 'api', name: 'GET /' }),
  ]);
  const table = buildSpanTable(analyzeTrace(input, { adjustClockSkew: false }));
  const text = (index: number | undefined): string | undefined => (index === undefined || index < 0 ? undefined : table.strings[index]);

  it('keeps one column per field, with names stored once', () => {
    assert.equal(table.count, 4);
    assert.deepEqual(table.spanIds, ['root', 'db', 'db2', 'lost']);
    assert.deepEqual([...table.services].map(text), ['api', 'db', 'db', 'api']);
    assert.deepEqual([...table.names].map(text), ['GET /', 'SELECT', 'SELECT', 'GET /']);
    assert.equal(new Set(table.strings).size, table.strings.length, 'no string twice');
    assert.deepEqual([...table.kinds].map((kind) => spanKinds[kind]), ['server', 'client', 'internal', 'internal']);
    assert.deepEqual([...table.statuses].map((status) => statusCodes[status]), ['unset', 'error', 'unset', 'unset']);
    assert.deepEqual([...table.statusMessages].map(text), [undefined, 'timeout', undefined, undefined]);
    assert.deepEqual([...table.warningCounts], [0, 0, 2, 0]);
  });

  it('counts times from the earliest start, exactly', () => {
    assert.equal(table.originNs, epochNs);
    assert.deepEqual([...table.starts], [0, 1_024, 5_120, 6_144]);
    assert.deepEqual([...table.durations], [9_000, 4_000, 2_000, 1_000]);
  });

  it('links parents by index; roots and orphans have none', () => {
    assert.deepEqual([...table.parents], [-1, 0, 0, -1]);
  });

  it('marks errors with the reason analysis gave', () => {
    assert.deepEqual([...table.errorReasons].map(text), [undefined, 'status ERROR: timeout', undefined, undefined]);
  });

  it('builds an empty table for an empty trace', () => {
    const empty = buildSpanTable(analyzeTrace(trace([])));
    assert.equal(empty.count, 0);
    assert.equal(empty.originNs, 0);
  });
});
