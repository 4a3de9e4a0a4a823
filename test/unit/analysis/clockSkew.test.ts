import * as assert from 'node:assert/strict';
import { analyzeTrace } from '../../../src/core/analysis/analyze';
import type { Span, Trace } from '../../../src/core/model/trace';
import { parseFixture } from '../../support/traceFixtures';
import { buildTrace, msToNs } from '../../support/traceBuilder';

/** Real epochs in nanoseconds round to ~256 ns in a double (see the model), so real-data times match to 512 ns. */
function assertNear(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 512, `${actual} is not within 512 ns of ${expected}`);
}

function span(trace: Trace, predicate: (candidate: Span) => boolean): Span {
  const found = trace.spans.find(predicate);
  assert.ok(found);
  return found;
}

describe('Clock-skew adjustment (Jaeger’s rule)', () => {
  it('moves the server half of zipkin/skew.json into its client, with its same-host child, and says so', () => {
    const original = parseFixture('zipkin/skew.json').traces[0];
    assert.ok(original);
    const analysis = analyzeTrace(original);
    const client = span(analysis.trace, (candidate) => candidate.kind === 'client');
    const server = span(analysis.trace, (candidate) => candidate.kind === 'server' && candidate.service === 'serviceb');
    const asyncChild = span(analysis.trace, (candidate) => candidate.name === 'async');
    // Latency split evenly: (94539 − 93577) / 2 = 481 µs after the client's start.
    assertNear(server.startNs, client.startNs + 481_000);
    assertNear(server.startNs - span(original, (candidate) => candidate.spanId === server.spanId).startNs, 65_922_000);
    assertNear(asyncChild.startNs, 1470150004008762e3 + 65_922_000);
    assert.ok(server.warnings.includes("This span's timestamps were adjusted by 65.9ms (clock skew)"));
    assert.ok(asyncChild.warnings.some((warning) => warning.includes('65.9ms')));
    assert.equal(analysis.adjustedSpans, 2);
    assert.ok(server.startNs >= client.startNs && server.startNs + server.durationNs <= client.startNs + client.durationNs);
    const starts = analysis.trace.spans.map((candidate) => candidate.startNs);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'still in start order');
  });

  it('can be switched off', () => {
    const original = parseFixture('zipkin/skew.json').traces[0];
    assert.ok(original);
    const analysis = analyzeTrace(original, { adjustClockSkew: false });
    assert.equal(analysis.adjustedSpans, 0);
    assert.equal(analysis.trace, original);
  });

  it('leaves children on the same host alone, aligns a longer child’s start, and never pulls in consumers', () => {
    const host = { 'host.name': 'node-1' };
    const trace = buildTrace([
      { id: 'parent', kind: 'server', startMs: 100, endMs: 200, resource: host },
      { id: 'same-host', parent: 'parent', startMs: 90, endMs: 95, resource: host },
      { id: 'longer', parent: 'parent', kind: 'server', startMs: 50, endMs: 300, resource: { 'host.name': 'node-2' } },
      { id: 'producer', parent: 'parent', kind: 'producer', startMs: 110, endMs: 111, resource: host },
      { id: 'consumer', parent: 'producer', kind: 'consumer', startMs: 500, endMs: 501, resource: { 'host.name': 'node-3' } },
    ]);
    const analysis = analyzeTrace(trace);
    const byName = (name: string): Span => span(analysis.trace, (candidate) => candidate.name === name);
    assert.equal(byName('same-host').startNs, msToNs(90));
    assert.equal(byName('longer').startNs, msToNs(100));
    assert.equal(byName('consumer').startNs, msToNs(500));
    assert.equal(analysis.adjustedSpans, 1);
  });

  it('moves a child of unknown host that ends after its parent to the middle of it', () => {
    const trace = buildTrace([
      { id: 'client', service: 'a', kind: 'client', startMs: 0, endMs: 10 },
      { id: 'server', service: 'b', kind: 'server', parent: 'client', startMs: 8, endMs: 14 },
    ]);
    const server = span(analyzeTrace(trace).trace, (candidate) => candidate.name === 'server');
    assert.equal(server.startNs, msToNs(2));
  });
});
